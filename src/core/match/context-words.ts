/**
 * Words that make an ambiguous alias a reference to a news outlet. Lower case, folded. English and Arabic
 * for now; the detection work extends the languages.
 */

/** Nouns that name a medium or its output: "the Sana report", "state news agency SANA". */
export const MEDIA_NOUNS = new Set([
  'agency', 'agencies', 'news', 'newswire', 'wire', 'report', 'reports', 'reporter', 'reporters', 'reporting',
  'correspondent', 'broadcaster', 'broadcast', 'broadcasts', 'channel', 'network', 'television', 'tv', 'radio',
  'daily', 'newspaper', 'paper', 'tabloid', 'outlet', 'outlets', 'website', 'site', 'media', 'mouthpiece',
  'bulletin', 'headline', 'headlines', 'dispatch', 'footage', 'editorial', 'article', 'journalist', 'journalists',
  'anchor', 'press', 'state-run', 'state-owned', 'official', 'statement', 'interview', 'telegram', 'feed',
  // Arabic: agency, the agency, channel, newspaper, site, television, radio, correspondent, news
  'وكالة', 'الوكالة', 'وكالات', 'قناة', 'صحيفة', 'جريدة', 'موقع', 'تلفزيون', 'التلفزيون', 'إذاعة', 'مراسل', 'أنباء', 'الأنباء',
]);

/** Verbs of reporting right after the alias: "SANA said", "SANA has reported". */
export const REPORTING_VERBS = new Set([
  'said', 'says', 'say', 'reported', 'reports', 'report', 'reporting', 'quoted', 'quotes', 'quoting', 'cited', 'cites',
  'citing', 'published', 'publishes', 'broadcast', 'broadcasts', 'aired', 'airs', 'wrote', 'writes', 'claimed',
  'claims', 'announced', 'announces', 'stated', 'states', 'added', 'adds', 'showed', 'shows', 'carried', 'carries',
  'released', 'posted', 'tweeted', 'confirmed', 'confirms', 'noted', 'notes', 'described', 'describes', 'alleged',
  'alleges', 'called', 'calls', 'quoted', 'denied', 'denies', 'insisted', 'insists', 'accused', 'accuses',
  'according',
  // Arabic: said (f.), mentioned, reported, conveyed, published, quoted
  'قالت', 'ذكرت', 'أفادت', 'نقلت', 'نشرت', 'أوردت', 'بثت', 'أعلنت',
]);

/** Words that may stand between the alias and its verb: "SANA has also reported". */
export const VERB_FILLERS = new Set(['has', 'have', 'had', 'also', 'later', 'earlier', 'then', 'previously', 'further', 'again', 'had', 'would', 'will', 'was', 'is']);

/** Phrases that introduce a source right before the alias: "according to SANA", "quoted by the state SANA". */
export const SOURCE_INTRODUCERS: ReadonlyArray<readonly string[]> = [
  ['according', 'to'], ['quoted', 'by'], ['cited', 'by'], ['reported', 'by'], ['published', 'by'],
  ['broadcast', 'by'], ['aired', 'by'], ['carried', 'by'], ['released', 'by'], ['told'], ['via'],
  ['speaking', 'to'], ['interview', 'with'], ['aired', 'on'], ['broadcast', 'on'], ['reports', 'from'],
  ['footage', 'from'], ['report', 'by'], ['report', 'from'], ['quoting'], ['citing'],
  // Arabic: according to, quoted from
  ['بحسب'], ['حسب'], ['وفق'], ['وفقا', 'ل'], ['نقلا', 'عن'], ['نقلاً', 'عن'],
];

/** Words that may stand between an introducer and the alias: "according to the state agency SANA". */
export const INTRODUCER_FILLERS = new Set(['the', 'a', 'an', 'syria', 'syrian', 'syria\'s', 'state', 'official', 'government', 'russian', 'iranian', 'chinese']);

/** Words before a name that make it a person: "Ms Sana", "a woman named Sana". */
export const PERSON_MARKERS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sheikh', 'named', 'called', 'daughter', 'son', 'wife',
  'husband', 'sister', 'brother', 'mother', 'father', 'aunt', 'uncle', 'cousin', 'niece', 'nephew', 'girl',
  'boy', 'woman', 'man', 'student', 'teacher', 'friend', 'neighbour', 'neighbor', 'actress', 'singer',
]);

/**
 * Verbs that come before their subject (Arabic word order): "ذكرت سانا" (SANA reported). A leading "و" (and)
 * is stripped before the lookup.
 */
export const VERBS_BEFORE = new Set(['قالت', 'ذكرت', 'أفادت', 'نقلت', 'نشرت', 'أوردت', 'بثت', 'أعلنت', 'أكدت', 'أضافت']);

/**
 * Words right after an ambiguous alias that make it something other than an outlet: a place ("Fars province",
 * "Xinhua Road"), a thing ("Sputnik V vaccine", "CCTV cameras", "Mir space station"). Aliases add their own.
 */
export const NOT_MEDIA_AFTER = new Set([
  'province', 'provinces', 'provincial', 'governorate', 'region', 'district', 'county', 'municipality', 'city',
  'road', 'street', 'st', 'avenue', 'ave', 'boulevard', 'square', 'bridge', 'airport', 'river', 'valley',
  'bookstore', 'bookshop', 'bookstores', 'space', 'station', 'satellite', 'satellites', 'rocket', 'launch',
  'vaccine', 'vaccines', 'jab', 'jabs', 'shot', 'shots', 'dose', 'doses', 'v', 'camera', 'cameras', 'yacht',
  'surveillance', 'system', 'systems', 'pcr', 'test', 'tests', 'moment',
]);

/** Words before a name that say it is a place: "the province of Granma". */
export const PLACE_NOUNS = new Set(['province', 'governorate', 'region', 'district', 'city', 'town', 'village', 'county', 'state']);

/** Adjectives that may stand before an outlet's name without making it a person's surname: "Russian Tass". */
export const NATIONALITIES = new Set([
  'russian', 'syrian', 'iranian', 'chinese', 'cuban', 'turkish', 'saudi', 'qatari', 'emirati', 'egyptian',
  'venezuelan', 'belarusian', 'vietnamese', 'korean', 'north', 'nicaraguan', 'iraqi', 'lebanese', 'algerian',
  'moroccan', 'kazakh', 'azerbaijani', 'serbian', 'hungarian', 'pakistani', 'state', 'official', 'kremlin',
]);

/** Nouns that stand for a source already named: "the report added", "the agency said". */
export const FOLLOW_UP_NOUNS = new Set([
  'report', 'agency', 'broadcaster', 'channel', 'network', 'newspaper', 'daily', 'outlet', 'statement',
  'dispatch', 'article', 'station', 'website', 'tabloid', 'paper', 'bulletin', 'service', 'wire',
]);

/** Verbs that continue a source's account: "the report added", "it concluded". */
export const FOLLOW_UP_VERBS = new Set([
  'added', 'adds', 'said', 'says', 'concluded', 'concludes', 'continued', 'continues', 'noted', 'notes',
  'stated', 'states', 'reported', 'reports', 'claimed', 'claims', 'wrote', 'writes', 'quoted', 'quotes',
  'alleged', 'alleges', 'asserted', 'insisted', 'described', 'describes', 'went', 'cited', 'cites', 'showed', 'shows',
]);
