/** Sentence bounds with Intl.Segmenter, computed per paragraph and only where needed. */

/** Paragraphs in collected page text are separated by a blank line; in plain text too. */
const PARAGRAPH_BREAK = /\n\s*\n/g;

export interface Span {
  start: number;
  end: number;
}

export function paragraphAt(text: string, offset: number): Span {
  let start = 0;
  let end = text.length;
  PARAGRAPH_BREAK.lastIndex = 0;
  for (let m = PARAGRAPH_BREAK.exec(text); m; m = PARAGRAPH_BREAK.exec(text)) {
    if (m.index + m[0].length <= offset) start = m.index + m[0].length;
    else if (m.index >= offset) {
      end = m.index;
      break;
    }
  }
  return { start, end };
}

let segmenter: Intl.Segmenter | undefined;

/** The sentence that contains offset. */
export function sentenceAt(text: string, offset: number, paragraph: Span = paragraphAt(text, offset)): Span {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const slice = text.slice(paragraph.start, paragraph.end);
  const found = segmenter.segment(slice).containing(offset - paragraph.start);
  if (!found) return paragraph;
  return { start: paragraph.start + found.index, end: paragraph.start + found.index + found.segment.length };
}
