/**
 * Generated material for `npm run bench` (scripts/bench.ts): news prose with citations of state media
 * sprinkled in, and the benchmark's pages built from it. Deterministic (a seeded generator), so every run
 * measures the same pages.
 */

/** A small seeded generator (mulberry32): the same pages on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = ['Damascus', 'Aleppo', 'Geneva', 'Vienna', 'Cairo', 'Amman', 'Beirut', 'Homs', 'Ankara', 'Baghdad', 'Doha', 'Nicosia', 'Astana', 'Brussels'];
const REGIONS = ['northern', 'southern', 'coastal', 'eastern', 'border', 'central', 'western'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const OFFICIALS = ['Deputy Foreign Minister Karim Haddad', 'Governor Lina Mansour', 'the economy minister', 'Energy Minister Omar Khatib',
  'the head of the electoral commission', 'a senior customs official', 'Interior Minister Rami Dabbagh', 'the army spokesman', 'the UN envoy'];
const BODIES = ['cabinet', 'parliament', 'central bank', 'electoral commission', 'finance ministry', 'port authority', 'health ministry', 'UN Security Council'];
const GOODS = ['wheat', 'diesel', 'cooking gas', 'cement', 'rice', 'sugar', 'medicine', 'fertiliser'];

/** Ordinary sentences of a wire story: none cites an outlet. */
const PLAIN = [
  'The talks in {city} resumed on {day} after a pause of {n} weeks, officials said.',
  '{Official} told reporters that the proposal still needed the approval of the {body}.',
  'Prices of {good} rose {pct} percent in {month}, the sharpest monthly increase since {year}.',
  'Residents of {city} described long queues at petrol stations and power cuts that lasted most of the afternoon.',
  'The ministry did not respond to a request for comment.',
  'Analysts said the decision could delay the reconstruction of roads and bridges in the {region} districts for months.',
  'A spokesperson for the {body} declined to give details about the timetable.',
  'The agreement, signed in {city} in {year}, expires at the end of {month}.',
  'Aid groups warned that {n} thousand people in the {region} districts still lacked access to clean water.',
  'Opposition lawmakers called the plan premature and demanded a full debate before any vote.',
  'Trade between the two countries fell by almost a third last year, according to customs data.',
  'The delegation is expected to travel to {city} next week for a second round of negotiations.',
  'Security forces closed several streets in central {city} ahead of the visit.',
  'The {body} left its main interest rate unchanged at {pct} percent on {day}.',
  'Farmers in the {region} plain said the drought had cut their harvest of {good} by half.',
  'The government has promised to publish the full text of the agreement before the vote.',
  'Diplomats familiar with the negotiations said several points remained unresolved, including the sequence of the next steps.',
  'Shipments of {good} through the port of Latakia were suspended for {n} days in {month} because of a shortage of cranes.',
  'In {year}, a similar plan collapsed after the two sides failed to agree on who would monitor the ceasefire.',
  'Hospitals in the {region} districts reported that supplies of {good} would last only until the end of {month}.',
  'Teachers in {city} have not been paid since {month}, according to a union representative who asked not to be named.',
  'The exchange rate on the parallel market weakened again on {day}, traders in {city} said.',
  'Local councils in the {region} districts said they would hold elections in {month} if security allowed.',
  'Engineers repairing the main water station expect to finish the work by the end of {month}.',
  'Several families who returned to {city} last year said they were still waiting for compensation.',
  '{Official} is due to brief the {body} on {day} morning.',
];

/** Sentences that cite a state-media outlet, in the forms the brief asks for. */
const CITING = [
  '{Official} arrived in {city} on {day}, SANA said.',
  'SANA said the talks would resume in {city} on {day}.',
  'According to TASS, the delegation met {official} for more than two hours.',
  'Xinhua reported that exports of {good} to the region grew {pct} percent in {month}.',
  'In an interview with RT, {official} denied that the shipments of {good} had been delayed.',
  'RT reported that {n} people had been detained in {city} since {day}.',
  'The Syrian Arab News Agency (SANA) said the new governor of {city} took office on {day}.',
  'The state news agency SANA quoted {official} as saying the border crossing would reopen in {month}.',
  'The figures, reported by Xinhua, could not be independently verified.',
  'TASS quoted an unnamed source as saying the contract for {good} had been signed in {city}.',
  'Speaking to RT, the spokesman said the decision of the {body} was final.',
  'Officials told Xinhua that the harvest of {good} would be late this year.',
];

function fill(template: string, rnd: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'city': return pick(CITIES);
      case 'region': return pick(REGIONS);
      case 'day': return pick(DAYS);
      case 'month': return pick(MONTHS);
      case 'year': return String(2010 + Math.floor(rnd() * 14));
      case 'n': return String(2 + Math.floor(rnd() * 60));
      case 'pct': return (0.5 + rnd() * 12).toFixed(1);
      case 'body': return pick(BODIES);
      case 'good': return pick(GOODS);
      case 'official': return pick(OFFICIALS);
      case 'Official': {
        const o = pick(OFFICIALS);
        return o[0].toUpperCase() + o.slice(1);
      }
      default: return slot;
    }
  });
}

export interface ProseOptions {
  /** Characters of text to produce (about). */
  chars: number;
  /** About one citing sentence per this many characters (jittered ±25%); 0 = every other sentence. */
  citeEvery: number;
  /** Stop after this many citing sentences. */
  maxCitations?: number;
  seed?: number;
}

/** Paragraphs of sentences; a sentence is a citing one when `cite` is set. */
export interface Paragraph {
  sentences: Array<{ text: string; cite: boolean }>;
}

export function prose({ chars, citeEvery, maxCitations = Infinity, seed = 1 }: ProseOptions): Paragraph[] {
  const rnd = seeded(seed);
  const paragraphs: Paragraph[] = [];
  let total = 0;
  let sinceCitation = 0;
  let gap = citeEvery * (0.75 + rnd() * 0.5);
  let lastPlain = -1;
  let cited = 0;
  let sentenceCount = 0;
  while (total < chars && cited < maxCitations) {
    const sentences: Paragraph['sentences'] = [];
    const count = 2 + Math.floor(rnd() * 4);
    for (let i = 0; i < count && total < chars && cited < maxCitations; i++) {
      const cite = citeEvery === 0 ? ++sentenceCount % 2 === 0 : sinceCitation >= gap;
      let text: string;
      if (cite) {
        text = fill(CITING[Math.floor(rnd() * CITING.length)], rnd);
        sinceCitation = 0;
        cited++;
        gap = citeEvery * (0.75 + rnd() * 0.5);
      } else {
        let k = Math.floor(rnd() * PLAIN.length);
        if (k === lastPlain) k = (k + 1) % PLAIN.length;
        lastPlain = k;
        text = fill(PLAIN[k], rnd);
      }
      sentences.push({ text, cite });
      total += text.length + 1;
      sinceCitation += text.length + 1;
    }
    total += 2;
    paragraphs.push({ sentences });
  }
  return paragraphs;
}

/** The prose as plain text: paragraphs separated by a blank line (for the matcher's throughput in Node). */
export function proseText(paragraphs: Paragraph[]): string {
  return paragraphs.map((p) => p.sentences.map((s) => s.text).join(' ')).join('\n\n');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface PageParts {
  title: string;
  /** Extra markup for <head> (scripts, styles, structured data). */
  head?: string;
  body: string;
}

export function html({ title, head = '', body }: PageParts): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">`
    + `<title>${escapeHtml(title)}</title>${head}</head>\n<body>${body}</body></html>\n`;
}

const SITE_HEADER = '<header class="site-header"><a href="/" class="logo">The Daily Ledger</a><nav><ul>'
  + ['World', 'Middle East', 'Business', 'Climate', 'Opinion', 'Sport'].map((s) => `<li><a href="/section/${s.toLowerCase().replace(/ /g, '-')}">${s}</a></li>`).join('')
  + '</ul></nav></header>';
const SITE_FOOTER = '<footer><p>© The Daily Ledger</p><ul>'
  + ['About us', 'Contact', 'Terms', 'Privacy', 'Cookies'].map((s) => `<li><a href="/${s.toLowerCase().replace(/ /g, '-')}">${s}</a></li>`).join('')
  + '</ul></footer>';
const RELATED = '<aside class="related"><h2>Related stories</h2><ul>'
  + ['Power cuts return to the coast', 'Wheat prices at a ten-year high', 'Border crossing reopens for trucks'].map((s, i) => `<li><a href="/story/${i}">${s}</a></li>`).join('')
  + '</ul></aside>';

function articleHead(title: string): string {
  const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: title, datePublished: '2024-05-14T09:30:00Z' };
  return `<meta property="og:type" content="article"><script type="application/ld+json">${JSON.stringify(ld)}</script>`;
}

export interface ArticleOptions extends ProseOptions {
  title: string;
  /** Inline markup inside ordinary sentences: one element around every this many words (0 = none). */
  markupEvery?: number;
  /** Stop adding paragraphs once the body has this many DOM nodes (elements and text nodes). */
  maxNodes?: number;
  /** Markup appended inside <article> after every paragraph (for the mutating page's live labels). */
  afterParagraph?: (i: number) => string;
  /** Extra markup for <head> and after the article. */
  head?: string;
  after?: string;
}

const INLINE = [
  (w: string, i: number) => `<a href="/topic/${i % 97}">${w}</a>`,
  (w: string) => `<em>${w}</em>`,
  (w: string) => `<strong>${w}</strong>`,
  (w: string) => `<span class="term">${w}</span>`,
];

/** A news article page: header and navigation, the article (JSON-LD, og:type, <article>), related links, footer. */
export function articlePage(options: ArticleOptions): { html: string; citations: number; textChars: number; nodes: number } {
  const paragraphs = prose(options);
  const every = options.markupEvery ?? 0;
  let citations = 0;
  let textChars = 0;
  // The page furniture's nodes, counted roughly (elements and their text), so that maxNodes holds for the body.
  let nodes = 60;
  const parts: string[] = [];
  let k = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const out: string[] = [];
    let pNodes = 0;
    for (const s of paragraphs[i].sentences) {
      textChars += s.text.length + 1;
      if (s.cite) citations++;
      if (!every || s.cite) {
        out.push(escapeHtml(s.text));
        continue;
      }
      // Ordinary sentences get links and emphasis: one element (and its text node) every `every` words.
      const words = s.text.split(' ');
      const segments: string[] = [];
      let run: string[] = [];
      for (const w of words) {
        if (++k % every === 0) {
          if (run.length) segments.push(escapeHtml(`${run.join(' ')} `));
          segments.push(INLINE[k % INLINE.length](escapeHtml(w), k));
          run = [''];
        } else run.push(w);
      }
      if (run.length) segments.push(escapeHtml(run.join(' ')));
      out.push(segments.join(''));
    }
    // The paragraph's nodes: <p>, the newline after it, and for each inline element itself, its text and the
    // text after it (the page reports the exact count).
    const html = out.join(' ');
    pNodes += 2 + 3 * (html.match(/<(a|em|strong|span)[ >]/g)?.length ?? 0);
    if (options.maxNodes && nodes + pNodes > options.maxNodes) break;
    nodes += pNodes;
    parts.push(`<p>${html}</p>${options.afterParagraph?.(i) ?? ''}`);
  }
  const title = options.title;
  const body = `${SITE_HEADER}<main><article><h1>${escapeHtml(title)}</h1>`
    + '<p class="byline">By Staff Reporters · <time datetime="2024-05-14T09:30:00Z">14 May 2024</time></p>'
    + `${parts.join('\n')}</article>${RELATED}</main>${options.after ?? ''}${SITE_FOOTER}`;
  return { html: html({ title, head: articleHead(title) + (options.head ?? ''), body }), citations, textChars, nodes };
}

/** A shop's landing page: no article, no structured data for one, short texts (not "readerable"). */
export function shopPage(): string {
  const rnd = seeded(7);
  const adjectives = ['Classic', 'Organic', 'Handmade', 'Lightweight', 'Everyday', 'Premium', 'Recycled', 'Compact'];
  const things = ['linen shirt', 'coffee grinder', 'wool blanket', 'desk lamp', 'water bottle', 'backpack', 'tea set', 'running shoe', 'cutting board', 'rain jacket'];
  const products: string[] = [];
  for (let i = 0; i < 120; i++) {
    const name = `${adjectives[i % adjectives.length]} ${things[Math.floor(rnd() * things.length)]}`;
    const price = (5 + rnd() * 200).toFixed(2);
    products.push(`<div class="product"><a href="/p/${i}"><img src="data:," alt="${name}" width="160" height="160"></a>`
      + `<h3><a href="/p/${i}">${name}</a></h3><p class="price">€${price}</p><p class="desc">Free delivery over €50. ${i % 3 ? 'In stock.' : 'Only a few left.'}</p>`
      + '<button type="button">Add to basket</button></div>');
  }
  const body = '<header class="site-header"><a href="/" class="logo">Northwind Store</a><nav><ul>'
    + ['New in', 'Women', 'Men', 'Home', 'Kitchen', 'Outdoor', 'Sale'].map((s) => `<li><a href="/c/${s.toLowerCase().replace(/ /g, '-')}">${s}</a></li>`).join('')
    + '</ul></nav><form role="search"><input type="search" placeholder="Search"></form></header>'
    + '<main><section class="hero"><h1>Spring sale: up to 40% off</h1><p>Ends Sunday. Free returns within 30 days.</p><a class="cta" href="/sale">Shop the sale</a></section>'
    + `<section class="grid"><h2>Bestsellers</h2>${products.join('\n')}</section>`
    + '<section class="usp"><ul><li>Free delivery over €50</li><li>30-day returns</li><li>Secure payment</li></ul></section>'
    + '<section class="newsletter"><h2>Join our newsletter</h2><form><input type="email" placeholder="Email"><button>Sign up</button></form></section></main>'
    + '<footer><ul><li><a href="/help">Help</a></li><li><a href="/shipping">Shipping</a></li><li><a href="/returns">Returns</a></li></ul><p>© Northwind Store</p></footer>';
  return html({ title: 'Northwind Store: spring sale', body });
}

/**
 * The page script of the mutating page: 1,000 text changes a second (live timestamps in the article and a
 * market ticker beside it), spread over the second. It finds its targets through a live collection, so it
 * keeps working when the benchmark swaps in a fresh copy of the body.
 */
export const MUTATOR = `<script>
(() => {
  const live = document.getElementsByClassName('live');
  const started = performance.now();
  let done = 0;
  setInterval(() => {
    const due = Math.floor(performance.now() - started) - done;
    for (let i = 0; i < due && live.length; i++, done++) {
      const el = live[done % live.length];
      const text = el.firstChild;
      if (text) text.data = (done % 2 ? 'Updated ' : 'Updated at ') + (done % 60) + ' s ago';
    }
  }, 4);
})();
</script>`;
