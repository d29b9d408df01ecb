/**
 * Every kind of reference (DESIGN.md §5), in the languages the real corpora are thin on: datelines and source
 * lines, credits and reporting verbs in Arabic, Russian, Chinese, Spanish, French, German, Turkish and Persian.
 * The sentences are the project's own, written in the forms wire copy uses.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/core/match/find-citations';
import { realRegistry } from '../helpers/registry';

const { registry, matcher } = realRegistry();
const id = (outlet: number) => registry.index.outlets[outlet][0];
/** [outlet id, kind] of each reference in the text. */
const refs = (text: string) => analyzeText(text, matcher).citations.map((c) => [id(c.outlet), c.kind]);

const CASES: Array<[string, string, string, Array<[string, string]>]> = [
  // language, what, text, expected references
  ['en', 'wire dateline with slashes', 'MOSCOW, March 3. /TASS/. The ministry confirmed the figures.', [['tass', 'dateline']]],
  ['en', 'dateline with a dash', 'Latakia, SANA – The governor inaugurated a new bridge.', [['sana', 'dateline']]],
  ['en', 'dateline in brackets', 'BEIJING, June 2 (Xinhua) -- China launched a new weather satellite on Friday.', [['xinhua', 'dateline']]],
  ['en', 'source line', 'The port reopened on Monday after repairs.\n\n(Source: VNA)', [['vna', 'dateline']]],
  ['en', 'headline credit', 'Turkey opens a new border gate: Anadolu', [['anadolu', 'dateline']]],
  ['en', 'photo credit', 'Rescuers search the rubble. (Photo by Li Wei/Xinhua via Getty Images)', [['xinhua', 'credit']]],
  ['en', 'caption credit', 'The governor at the opening of the bridge. Photo: SANA', [['sana', 'credit']]],
  ['en', 'citation', 'The actor tells RT why she moved to Moscow.', [['rt-international', 'citation']]],
  ['en', 'mention', 'CGTN has bureaus in Nairobi and Washington.', [['china-global-television-network-cgtn', 'mention']]],
  ['en', 'the same name twice is two references', 'The road has reopened, according to SANA. SANA, SANA reported, sent a crew.', [['sana', 'citation'], ['sana', 'citation'], ['sana', 'citation']]],
  ['ru', 'dateline', 'МОСКВА, 3 марта. /ТАСС/. Министерство подтвердило эти данные.', [['tass', 'dateline']]],
  ['ru', 'reporting verb', 'Как сообщает ТАСС, переговоры возобновятся в понедельник.', [['tass', 'citation']]],
  ['ru', 'credit', 'Министр на пресс-конференции.\nФото: ТАСС', [['tass', 'credit']]],
  ['ar', 'dateline', 'دمشق، سانا – افتتح المحافظ جسراً جديداً في المدينة.', [['sana', 'dateline']]],
  ['ar', 'reporting verb', 'وقالت سانا إن الطريق أعيد فتحه يوم الاثنين.', [['sana', 'citation']]],
  ['ar', 'credit', 'المحافظ خلال افتتاح الجسر. الصورة: سانا', [['sana', 'credit']]],
  ['zh', 'wire dateline', '新华社北京3月3日电 外交部发言人在例行记者会上回答了提问。', [['xinhua', 'dateline']]],
  ['zh', 'reporting verb', '据新华社报道，会议于周一在北京开幕。', [['xinhua', 'citation']]],
  ['zh', 'credit', '救援人员在现场搜救。图片来源：新华社', [['xinhua', 'credit']]],
  ['zh', 'photographer credit', '救援人员在现场搜救。新华社记者 王明 摄', [['xinhua', 'credit']]],
  ['zh', 'photographer credit in brackets', '救援人员在现场搜救（新华社记者李嘉南摄）', [['xinhua', 'credit']]],
  ['zh', 'released-by credit', '救援人员在现场搜救。新华社发（王明 摄）', [['xinhua', 'credit']]],
  ['zh', 'a reporter learned: no credit', '新华社记者从现场获悉，事故已造成三人受伤。', [['xinhua', 'mention']]],
  ['ko', 'particle on a Latin name', 'KBS는 이날 태풍이 상륙했다고 보도했다.', [['kbs', 'citation']]],
  ['ja', 'particle on a Latin name', 'NHKによると、この地震による津波の心配はない。', [['nhk', 'citation']]],
  ['es', 'dateline', 'LA HABANA, 4 mar (Prensa Latina) – El gobierno anunció nuevas medidas económicas.', [['prensa-latina', 'dateline']]],
  ['es', 'dateline with a full stop and a dash', 'MANAGUA, 3 mar (EFE).- El Gobierno anunció una nueva emisión de bonos.', [['efe', 'dateline']]],
  ['es', 'bare dateline with a full stop and a dash', '(EFE).- El Gobierno anunció una nueva emisión de bonos.', [['efe', 'dateline']]],
  ['es', 'reporting verb', 'Según EFE, el acuerdo se firmará el lunes en Madrid.', [['efe', 'citation']]],
  ['pl', 'agency and photographer closing a caption', 'Premier podczas posiedzenia Sejmu. PAP/ Rafał Guz', [['pap', 'credit']]],
  ['en', 'agency and photographer closing a caption', 'The minister arrives in Beijing. Xinhua/Li Wei', [['xinhua', 'credit']]],
  ['es', 'credit', 'El ministro durante la rueda de prensa. Foto: EFE', [['efe', 'credit']]],
  ['fr', 'source line', 'Le port a rouvert lundi après des travaux.\n\nSource : Xinhua', [['xinhua', 'dateline']]],
  ['fr', 'reporting verb', 'Selon Xinhua, la réunion a eu lieu lundi à Pékin.', [['xinhua', 'citation']]],
  ['fr', 'credit', 'Des secouristes dans les décombres. Photo : Xinhua', [['xinhua', 'credit']]],
  ['de', 'source line', 'Die Grenze wurde am Montag wieder geöffnet.\n\nQuelle: TASS', [['tass', 'dateline']]],
  ['de', 'reporting verb', 'TASS berichtete am Montag, die Gespräche würden fortgesetzt.', [['tass', 'citation']]],
  ['de', 'source line "mit Material vom"', 'Die Grenze wurde am Montag wieder geöffnet.\n\nMit Material vom MDR', [['mdr', 'dateline']]],
  ['de', 'credit', 'Rettungskräfte in den Trümmern. Foto: Xinhua/dpa', [['xinhua', 'credit']]],
  ['de', 'verb before its subject', 'Am Montag berichtete der MDR über den Streit um die Gebühren.', [['mdr', 'citation']]],
  ['de', 'a compound names the broadcaster', 'Ein MDR-Sprecher sagte, der Sender werde sparen.', [['mdr', 'mention']]],
  ['de', 'the same letters as something else', 'Die MDR gilt seit 2021 für alle Medizinprodukte in der EU.', []],
  ['tr', 'dateline', 'ANKARA (AA) - Dışişleri Bakanlığı yeni bir açıklama yaptı.', [['anadolu', 'dateline']]],
  ['tr', 'reporting verb', "Anadolu Ajansı'nın haberine göre toplantı pazartesi yapılacak.", [['anadolu', 'citation']]],
  ['tr', 'credit', 'Bakan basın toplantısında konuştu. Fotoğraf: AA', [['anadolu', 'credit']]],
  ['fa', 'dateline', 'تهران - ایرنا - وزیر امور خارجه امروز به مسکو سفر کرد.', [['irna', 'dateline']]],
  ['fa', 'reporting verb', 'به گزارش ایرنا، وزیر امور خارجه امروز به مسکو سفر کرد.', [['irna', 'citation']]],
  ['fa', 'credit', 'وزیر امور خارجه در فرودگاه. عکس: ایرنا', [['irna', 'credit']]],
];

describe('kinds of reference, in many languages', () => {
  for (const [lang, what, text, expected] of CASES) {
    it(`${lang}: ${what}`, () => expect(refs(text)).toEqual(expected));
  }

  it('the forms real text uses and the word lists missed: a group named beside its outlet, a bracketed agency pair, other spellings', () => {
    expect(refs('Moscow funds Sputnik through Rossiya Segodnya.')).toEqual([['sputnik-news', 'mention'], ['rossiya-segodnya', 'mention']]);
    expect(refs('CAIRO, May 2 (NNN-MENA) – The talks resumed on Monday.')).toEqual([['middle-east-news-agency-mena', 'dateline']]);
    expect(refs('The statement appeared on Xinhuanet on Tuesday.')).toEqual([['xinhua', 'mention']]);
    expect(refs('The minister told Syrian TV on Sunday that the road would reopen.')).toEqual([['ortas', 'citation']]);
    expect(refs('Die Agentur Rossija Segodnja wurde 2013 gegründet.')).toEqual([['rossiya-segodnya', 'mention']]);
  });

  it('the false alarms real text showed: an adverb, a place described, a calendar month', () => {
    expect(refs('Today, Pravda is a small party paper.')).toEqual([]);
    expect(refs('Petra, an ancient site in southern Jordan, draws many visitors.')).toEqual([]);
    expect(refs('The first of the month of Mehr, according to the Iranian calendar, fell on a Monday.')).toEqual([]);
    expect(refs('A test for RT-PCR was negative, and so was the AA battery.')).toEqual([]);
  });

  it('a sentence that ends on the name is no source line, and an ordinary word alone on its line is no name', () => {
    expect(refs('The statement was carried by SANA.')).toEqual([['sana', 'citation']]);
    expect(refs('Today\n\nThe ministry said the road would reopen.')).toEqual([]);
  });

  it('an acronym the text defines as something else is not the outlet anywhere in it', () => {
    expect(refs('Police installed closed-circuit television (CCTV) cameras at the gate. Later, CCTV reported a fire.')).toEqual([]);
    expect(refs('A vector network analyzer (VNA) measures reflections; the VNA was calibrated.')).toEqual([]);
    expect(refs('The footage from CCTV (closed-circuit television) showed the car.')).toEqual([]);
    // Defined as the outlet, or described as one: still the outlet.
    expect(refs('China Central Television (CCTV) reported the launch.')).toEqual([['china-central-television-cctv', 'citation']]);
    expect(refs('The Vietnam News Agency (VNA) said the port had reopened.')).toEqual([['vna', 'citation']]);
    expect(refs('The road has reopened, according to the state news agency (SANA).')).toEqual([['sana', 'citation']]);
  });
});
