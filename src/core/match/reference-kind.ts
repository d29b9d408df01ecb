/**
 * Where a name stands tells what kind of reference it is (DESIGN.md §5): a wire dateline or source line
 * ("MOSCOW, March 3. /TASS/.", "Latakia, SANA –", "(Source: VNA)", "— Anadolu", "aja/PAP", "VOA 뉴스"), or
 * a photo or video credit ("Photo: Li Wei/Xinhua", "(Photo by X/Anadolu via Getty Images)", "Foto: dpa/MDR",
 * "新华社记者 王明 摄").
 * Read from the name's own paragraph, so it is the same in one text and in a page's slices. A name in either
 * position is an outlet, which is media context for an ambiguous alias.
 */
import type { Span } from './sentences';

export type ReferenceKind = 'citation' | 'dateline' | 'credit' | 'mention' | 'link';

/** At most this many characters of a dateline come before the name ("RIO DE JANEIRO, Brazil, Nov. 20 (", 40). */
const DATELINE_MAX = 60;
/** How far before the name its line is read (the credit's word, a source line, a dateline's opening). */
const LOOK_BEHIND = 120;
/** At most this many characters between a credit's word and the name ("Photo by Li Wei/", "Foto: Max Mustermann/"). */
const CREDIT_MAX = 50;

/**
 * A dateline's opening: place and date words, each starting with a capital or a digit ("MOSCOW, March 3. /",
 * "Latakia, ", "CAIRO, May 2 (NNN-", "BEIJING, June 2 ("); or nothing but an opening bracket or slash ("(Xinhua) --").
 * Read word by word (a regular expression of optional words and optional separators backtracks badly).
 */
const DATELINE_SEPARATORS = /[\s,،./(\[–—-]+/u;
const DATELINE_WORD = /^[\p{Lu}\p{Lo}\p{N}][\p{L}\p{M}\p{N}'’]*$/u;
function datelineOpening(opening: string): boolean {
  const trimmed = opening.replace(/^[\s"“„«]+/u, '');
  if (/^[(\[/]\s*$/.test(trimmed)) return true;
  const words = trimmed.split(DATELINE_SEPARATORS).filter(Boolean);
  return words.length >= 1 && words.length <= 8 && words.every((w) => DATELINE_WORD.test(w)) && /[\s,،./(\[–—-]$/u.test(trimmed);
}

/**
 * Where months are written in lower case ("МОСКВА, 3 марта. /", "LA HABANA, 4 mar (", "PARIS, 3 mars ("): a
 * capitalised place, then a date with a number and at most two lower-case words.
 */
const DATELINE_WITH_DATE = /^[\s"“„«]*[\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]*(?:\s+[\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]*){0,3}[\s,،]+(?:\p{Ll}[\p{L}.]{0,9}\s*){0,2}\d{1,4}\.?(?:\s*\p{Ll}[\p{L}.]{0,9}\.?){0,2}[\s,./(\[–—-]*$/u;
/**
 * After the name in a dateline: its bracket closing at once and a dash or colon ("(Xinhua) --", "(AA) -", the
 * Spanish wires' "(EFE).-"), a slash ("/TASS/."), or a dash or colon ("Latakia, SANA –"); a hyphen only after a
 * space ("MDR-Sprecher" is a compound). "China Central Television (CCTV) reported" is none.
 */
const DATELINE_AFTER = /^(?:[)\]]\.?\s*[-–—:]|\/|\s*[–—:]|\s+-)/;

/** "Source: VNA", "Quelle: SWR", "Fuente: EFE", "Источник: ТАСС", "المصدر: سانا", "来源：新华社" (and lists: "Source: AFP, Xinhua"). */
const SOURCE_LINE = new RegExp(
  '(?:(?:^|[\\s(\\[|])(?:sources?|quellen?|fuentes?|fontes?|źródło|zdroj|forrás|kaynak|nguồn|sumber|bron|lähde|kilde|källa|'
  + 'источник|джерело|المصدر|مصدر|منبع|出典|출처|text|texte|mit material von|con información de|avec)|来源|來源|消息来源)\\s*[:：]\\s*'
  + '(?:[\\p{L}\\p{N}.&\'’ -]{1,30}(?:,|/|\\band\\b|\\bund\\b|\\by\\b|\\bet\\b)\\s*)*$',
  'iu',
);

/**
 * "Photo: ", "(Photo by Li Wei/", "Foto: dpa/", "Bild: ", "Video: ", "Fotoğraf: ", "图片来源：", or a word that takes the
 * name at once ("© ", "Cortesía ", "Courtesy of "); then at most CREDIT_MAX characters of the same sentence.
 */
const CREDIT_WORD = new RegExp(
  '(?:(?:(?:^|[\\s(\\[|])(?:photos?|photograph|pictures?|image|images|video|footage|credit|credits|foto|fotos|fotoğraf|bild|bilder|'
  + 'imagen|imagem|crédito|kuva|zdjęcie|фото|видео|صورة|الصورة|عکس|사진|영상|写真)|图片来源|圖片來源|图片|圖片)'
  + '(?:\\s*[:：|]\\s*|\\s+(?:by|von|por|par|di|de)\\s+)'
  + '|(?:^|[\\s(\\[|])(?:©|\\(c\\)|cortes[ií]a(?:\\s+de)?|courtesy(?:\\s+of)?)\\s*)([^.!?\\n。]*)$',
  'iu',
);

/**
 * After an agency's name at the end of a caption, its photographer: "PAP/Rafał Guz", "PAP/ Leszek Szymański",
 * "EPA/ANDY RAIN" (one to four capitalised words, then the line ends, without the full stop of a sentence).
 */
const SLASH_PHOTOGRAPHER = /^\/\s?\p{Lu}[\p{L}\p{M}'’.-]*(?:\s\p{Lu}[\p{L}\p{M}'’.-]*){0,3}(?<!\.)\s*$/u;

/** A news photo's agency chain after the name: "/Xinhua via Getty Images", "via Reuters". */
const VIA_PHOTO_AGENCY = /^\s*via\s+(?:getty|afp|reuters|ap\b|associated press|dpa|imago|alamy|shutterstock|epa|zuma|sipa|picture alliance)/i;

/** After the agency's name in a Chinese dateline: a place, a date and "电" ("北京3月3日电", "记者"...). */
const CHINESE_DATELINE = /^[\p{Script=Han}]{0,8}[0-9０-９一二三四五六七八九十]{1,3}月[0-9０-９一二三四五六七八九十]{1,3}日电/u;

/**
 * After the agency's name in a Chinese photo credit: its photographer and "摄" (photographed), closing the
 * credit ("新华社记者 王明 摄", "（新华社记者李嘉南摄）"), or "发" (released by) at the credit's end or before its
 * photographer ("新华社发", "新华社发（王明 摄）"). "新华社记者从现场获悉" (a reporter learned) is none.
 */
const CHINESE_PHOTO_CREDIT = /^(?:\s*(?:记者|記者)\s*[\p{Script=Han}·]{2,4}(?:[\s、和][\p{Script=Han}·]{2,4})*\s*(?:摄|攝)|(?:发|發)(?:\s*[（(][^）)]{1,20}(?:摄|攝)\s*)?)\s*(?:[)）]|$)/u;

/** How a Chinese photo credit goes on after the name: "记者" or "发" (plain characters, cheap to compile). */
const CHINESE_CREDIT_OPENING = /^\s*[记記发發]/;

/**
 * The end of a paragraph after the name: nothing, or a closing bracket and a full stop ("(EFE)", "— Anadolu",
 * "aja/PAP"). Korean sign-offs: "VOA 뉴스 윤국한입니다" ("VOA News, this is [name]").
 */
const PARAGRAPH_END = /^\s*[)\]]?\s*\.?\s*$/;
const KOREAN_SIGN_OFF = /^\s*뉴스(?:\s+\S{2,4}\s*입니다\.?)?\s*$/u;
/**
 * Before a name that closes its line as a source line: nothing, a dash, colon, bracket or slash ("aja/PAP"), or
 * a short "by"/"von"/"por" byline. A sentence that merely ends on the name ("...was carried by SANA.") is not one.
 */
const SIGN_OFF_BEFORE = /(?:[-–—:(/]\s*|^\s*(?:\S+\s+){0,2}(?:by|von|vom|por|par|de|di|agencia|agence|agentur)\s+)$|^\s*$/iu;

/**
 * The kind a name's position gives it in its paragraph (text[paragraph.start, paragraph.end)), or null when
 * the position says nothing (a name in running text: a citation or a mention, told by its words). alone: a name
 * alone on its line counts as a source line (false for an alias that needs context: "Today" as a heading).
 */
export function positionalKind(text: string, start: number, end: number, paragraph: Span, alone = true): 'dateline' | 'credit' | null {
  const before = text.slice(Math.max(paragraph.start, start - LOOK_BEHIND), start);
  const line = before.slice(before.lastIndexOf('\n') + 1);
  const after = text.slice(end, Math.min(paragraph.end, end + 80));
  const afterLine = after.split('\n', 1)[0];

  // A credit: the credit's word a few words before, in the same line and sentence.
  const credit = CREDIT_WORD.exec(line.slice(-CREDIT_MAX - 20));
  if (credit && credit[1].length <= CREDIT_MAX && !/[.!?]\s/.test(credit[1])) return 'credit';
  if (/\/\s*$/.test(line) && VIA_PHOTO_AGENCY.test(afterLine)) return 'credit';
  // (Its Unicode classes, like the Chinese credit's below, are compiled on a page's first use: only a line that
  // opens as it does tries it.)
  if (afterLine[0] === '/' && SLASH_PHOTOGRAPHER.test(afterLine)) return 'credit';

  // A Chinese wire dateline: "新华社北京3月3日电" (agency, place, date, "telegraphed"); a Chinese photo credit.
  if (CHINESE_DATELINE.test(after)) return 'dateline';
  if (CHINESE_CREDIT_OPENING.test(afterLine) && CHINESE_PHOTO_CREDIT.test(afterLine)) return 'credit';

  // A source line: "Source: X".
  if (SOURCE_LINE.test(line)) return 'dateline';

  // A dateline at the start of its paragraph or line.
  // (Only where the paragraph starts within what was read before the name: then its line is the opening.)
  if (start - paragraph.start <= LOOK_BEHIND && line.length <= DATELINE_MAX && (datelineOpening(line) || DATELINE_WITH_DATE.test(line))
    && DATELINE_AFTER.test(afterLine)) return 'dateline';

  // A source line that closes its line: "— Anadolu", "(EFE)", "aja/PAP", "...border gate: Anadolu", a name
  // alone on its line, "VOA 뉴스".
  if ((PARAGRAPH_END.test(afterLine) || KOREAN_SIGN_OFF.test(afterLine)) && SIGN_OFF_BEFORE.test(line)) {
    // A name alone on its line is a source line only for a name that stands alone anyway ("EFE", not "Today").
    // A name in brackets closes a source line only after a full sentence: "...on Monday. (EFE)", not "the state
    // news agency (SANA).", which spells out the agency's name.
    const bracketed = /\(\s*$/.test(line);
    if (bracketed && !/(?:^|[.!?"”»])\s*\(\s*$/.test(line)) return null;
    if (alone || /\S/.test(line) || /\S/.test(afterLine)) return 'dateline';
  }
  return null;
}
