/**
 * The word lists of the context rules (see context-words.ts), as plain data. The content script does not
 * bundle this module: the build ships the lists inside the compressed matcher index instead.
 */
export const WORDS = {
/**
 * Words that make an ambiguous alias a reference to a news outlet. Lower case, folded. English and Arabic
 * for now; the detection work extends the languages.
 */

/** Nouns that name a medium or its output: "the Sana report", "state news agency SANA". */
  MEDIA_NOUNS: [
  'agency', 'agencies', 'news', 'newswire', 'wire', 'report', 'reports', 'reporter', 'reporters', 'reporting',
  'correspondent', 'broadcaster', 'broadcast', 'broadcasts', 'channel', 'network', 'television', 'tv', 'radio',
  'daily', 'newspaper', 'paper', 'tabloid', 'outlet', 'outlets', 'website', 'site', 'media', 'mouthpiece',
  'bulletin', 'headline', 'headlines', 'dispatch', 'footage', 'editorial', 'article', 'journalist', 'journalists',
  'anchor', 'press', 'state-run', 'state-owned', 'official', 'statement', 'interview', 'telegram',
  'channels', 'broadcasters', 'newspapers', 'dailies', 'networks', 'stations', 'broadcasting', 'tabloids', 'websites',
  'journal', 'magazine', 'weekly', 'portal', 'service', 'edition', 'publication', 'anchor', 'presenter',
  // French, Spanish, Portuguese, German, Italian
  'agence', 'quotidien', 'chaîne', 'chaine', 'télévision', 'television', 'radio', 'presse', 'hebdomadaire',
  'agencia', 'diario', 'periódico', 'periodico', 'cadena', 'televisión', 'emisora', 'canal', 'semanario',
  'agência', 'jornal', 'televisão', 'emissora', 'nachrichtenagentur', 'agentur', 'zeitung', 'sender', 'agenzia', 'quotidiano',
  // Russian: agency, newspaper, TV channel, channel, publication, edition
  'агентство', 'агентства', 'агентству', 'газета', 'газеты', 'газете', 'газету', 'телеканал', 'телеканала', 'телеканале',
  'канал', 'канала', 'издание', 'издания', 'эфире', 'радиостанция', 'радиостанции',
  // Vietnamese: newspaper, station; Indonesian/Malay: news agency
  'báo', 'đài', 'kantor', 'berita',
  // Arabic: agency, the agency, channel, newspaper, site, television, radio, correspondent, news
  'وكالة', 'الوكالة', 'وكالات', 'قناة', 'صحيفة', 'جريدة', 'موقع', 'تلفزيون', 'التلفزيون', 'إذاعة', 'مراسل', 'أنباء', 'الأنباء',
  // Persian: news agency, newspaper
  'خبرگزاری', 'روزنامه',
  // Turkish: newspaper, agency, channel
  'gazete', 'gazetesi', 'gazetesinin', 'ajansı', 'ajansi', 'kanalı', 'televizyonu',
],

/** Words right before a name that make it a thing or a place: "the yacht Granma", "near Xinhua". */
  NOT_MEDIA_BEFORE: [
  'yacht', 'ship', 'vessel', 'boat', 'in', 'near', 'across', 'outside', 'around', 'towards', 'toward', 'province',
  'region', 'town', 'city', 'village', 'district', 'governorate', 'mr', 'mrs', 'ms', 'dr',
],

/** Verbs of reporting right after the alias: "SANA said", "SANA has reported". */
  REPORTING_VERBS: [
  'said', 'says', 'say', 'reported', 'reports', 'report', 'reporting', 'quoted', 'quotes', 'quoting', 'cited', 'cites',
  'citing', 'published', 'publishes', 'broadcast', 'broadcasts', 'aired', 'airs', 'wrote', 'writes', 'claimed',
  'claims', 'announced', 'announces', 'stated', 'states', 'added', 'adds', 'showed', 'shows', 'carried', 'carries',
  'released', 'posted', 'tweeted', 'confirmed', 'confirms', 'noted', 'notes', 'described', 'describes', 'alleged',
  'alleges', 'called', 'calls', 'quoted', 'denied', 'denies', 'insisted', 'insists', 'accused', 'accuses',
  'according', 'aired', 'showed', 'carried', 'ran', 'printed', 'headlined', 'revealed', 'highlighted', 'broke',
  // French, Spanish, Portuguese, German, Italian
  'rapporte', 'indique', 'annonce', 'affirme', 'écrit', 'rapportait', 'informe', 'précise', 'souligne',
  'informó', 'informa', 'reportó', 'dijo', 'señaló', 'afirmó', 'indicó', 'publicó', 'difundió', 'aseguró',
  'informou', 'disse', 'noticiou', 'afirmou', 'publicou', 'divulgou', 'berichtete', 'berichtet', 'meldete', 'meldet', 'riferisce',
  // German: said, wrote, told (via "teilte ... mit"), showed, broadcast
  'sagte', 'sagt', 'schrieb', 'schreibt', 'teilte', 'teilt', 'zeigte', 'zeigt', 'sendete', 'strahlte', 'berichteten', 'zitiert', 'zitierte',
  // Russian: reports, reported, said, writes, conveys
  'сообщает', 'сообщило', 'сообщил', 'сообщила', 'сообщили', 'передает', 'передаёт', 'заявило', 'пишет', 'пишут', 'сообщают',
  // Vietnamese "cho biết" (said), "đưa tin" (reported); Indonesian "melaporkan"
  'cho', 'đưa', 'melaporkan', 'mengatakan',
  // Arabic: said (f.), mentioned, reported, conveyed, published, quoted
  'قالت', 'ذكرت', 'أفادت', 'نقلت', 'نشرت', 'أوردت', 'بثت', 'أعلنت',
  // Persian: reported, wrote
  'گزارش', 'نوشت',
  // Turkish: according to ("-e göre"), reported, announced, conveyed; "haberine" (in its report)
  'göre', 'bildirdi', 'duyurdu', 'aktardı', 'açıkladı', 'haberine', 'aktardığına', 'yayımladı', 'konuşan', 'konuştu',
],

/** Words that may stand between the alias and its verb: "SANA has also reported". */
  VERB_FILLERS: [
  'has', 'have', 'had', 'also', 'later', 'earlier', 'then', 'previously', 'further', 'again', 'would', 'will', 'was',
  'is', 'both', 'all', 'each', 'and', 'or', 'reportedly', 'separately', 'subsequently', 'quickly', 'a', 'a-t-il',
  'news', 'on',
  // Turkish case endings after an apostrophe ("Anadolu Ajansı'nın", "TRT'ye")
  'nın', 'nin', 'nun', 'nün', 'ın', 'in', 'un', 'ün', 'ya', 'ye', 'da', 'de', 'ta', 'te', 'dan', 'den',
],

/** Phrases that introduce a source right before the alias: "according to SANA", "quoted by the state SANA". */
  SOURCE_INTRODUCERS: [
  ['according', 'to'], ['quoted', 'by'], ['cited', 'by'], ['reported', 'by'], ['published', 'by'],
  ['broadcast', 'by'], ['aired', 'by'], ['carried', 'by'], ['released', 'by'], ['told'], ['via'],
  ['speaking', 'to'], ['interview', 'with'], ['aired', 'on'], ['broadcast', 'on'], ['reports', 'from'],
  ['footage', 'from'], ['report', 'by'], ['report', 'from'], ['quoting'], ['citing'],
  // Arabic: according to, quoted from
  ['بحسب'], ['حسب'], ['وفق'], ['وفقا', 'ل'], ['نقلا', 'عن'], ['نقلاً', 'عن'],
  // French, Spanish, Portuguese, German, Italian, Russian
  ['selon'], ['après'], ['según'], ['segun'], ['segundo'], ['laut'], ['secondo'], ['согласно'], ['по', 'данным'],
  ['по', 'сообщению'], ['как', 'сообщает'], ['как', 'передает'], ['как', 'передаёт'], ['как', 'пишет'],
  ['sources', 'told'], ['speaking', 'with'], ['interview', 'to'], ['told', 'the'], ['appeared', 'on'],
  ['published', 'on'], ['posted', 'on'], ['shown', 'on'], ['aired', 'in'], ['как', 'сообщила'], ['как', 'сообщил'],
  ['как', 'сообщили'], ['как', 'сообщило'], ['в', 'эфире'],
  // "tells RT", "spoke to CGTN", "writing in Global Times", "interviewed by Press TV"
  ['tells'], ['telling'], ['spoke', 'to'], ['spoke', 'with'], ['interviewed', 'by'], ['writing', 'in'], ['wrote', 'in'],
  // German "gegenüber" (told), "nach Angaben" (according to), "unter Berufung auf" (citing); French "citant",
  // Spanish and Portuguese "citando" (citing); Spanish "de acuerdo con", "citado por", "dijo a", French "cité par", "d'après", "a déclaré à"
  ['gegenüber'], ['zufolge'], ['nach', 'angaben'], ['unter', 'berufung', 'auf'], ['citant'], ['citando'], ['de', 'acuerdo', 'con'], ['citado', 'por'], ['citada', 'por'], ['dijo', 'a'], ['cité', 'par'], ['citée', 'par'],
  ['d', 'après'], ['déclaré', 'à'], ['informó'], ['conforme'], ['de', 'acordo', 'com'],
  // Turkish "-e göre" is a verb after; Persian "به گزارش" (according to the report of), "به نقل از" (quoting)
  ['به', 'گزارش'], ['به', 'نقل', 'از'], ['گزارش'],
  // Vietnamese "theo" (according to); Indonesian "menurut"
  ['theo'], ['menurut'],
],

/** Words that may stand between an introducer and the alias: "according to the state agency SANA". */
  INTRODUCER_FILLERS: [
  'the', 'a', 'an', 'l', 'la', 'le', 'el', 'o', 'a', 'die', 'der', 's', 'state', 'official', 'government', 'state-run',
  'state-owned', 'run', 'owned', 'government-run', 'pro-government', 'public',
],

/** Words before a name that make it a person: "Ms Sana", "a woman named Sana". */
  PERSON_MARKERS: [
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sheikh', 'named', 'called', 'daughter', 'son', 'wife',
  'husband', 'sister', 'brother', 'mother', 'father', 'aunt', 'uncle', 'cousin', 'niece', 'nephew', 'girl',
  'boy', 'woman', 'man', 'student', 'teacher', 'friend', 'neighbour', 'neighbor', 'actress', 'singer',
],

/** Nouns for people in an apposition after a name: "Petra, a nurse from Brno", "Kayhan, a taxi driver". */
  PERSON_NOUNS: [
  'nurse', 'doctor', 'driver', 'taxi', 'teacher', 'student', 'lawyer', 'pharmacist', 'farmer', 'shopkeeper',
  'resident', 'mother', 'father', 'engineer', 'activist', 'worker', 'mechanic', 'baker', 'vendor', 'trader',
  'retiree', 'pensioner', 'widow', 'refugee', 'volunteer', 'grandmother', 'grandfather', 'housewife', 'waiter',
  'waitress', 'cook', 'fisherman', 'soldier', 'officer', 'businessman', 'businesswoman', 'artist', 'musician',
  'poet', 'writer', 'professor', 'doctoral', 'graduate', 'local', 'year-old', 'old', 'mother-of-two',
],

/**
 * Verbs that come before their subject (Arabic word order): "ذكرت سانا" (SANA reported). A leading "و" (and)
 * is stripped before the lookup.
 */
  VERBS_BEFORE: ['قالت', 'ذكرت', 'أفادت', 'نقلت', 'نشرت', 'أوردت', 'بثت', 'أعلنت', 'أكدت', 'أضافت'],

/**
 * Words right after an ambiguous alias that make it something other than an outlet: a place ("Fars province",
 * "Xinhua Road"), a thing ("Sputnik V vaccine", "CCTV cameras", "Mir space station"). Aliases add their own.
 */
  NOT_MEDIA_AFTER: [
  'province', 'provinces', 'provincial', 'governorate', 'region', 'district', 'county', 'municipality', 'city',
  'road', 'street', 'st', 'avenue', 'ave', 'boulevard', 'square', 'bridge', 'airport', 'river', 'valley',
  'bookstore', 'bookshop', 'bookstores', 'space', 'station', 'satellite', 'satellites', 'rocket', 'launch',
  'vaccine', 'vaccines', 'jab', 'jabs', 'shot', 'shots', 'dose', 'doses', 'v', 'camera', 'cameras', 'yacht',
  'surveillance', 'system', 'systems', 'pcr', 'test', 'tests', 'moment', 'life', 'plaza', 'mall', 'tower', 'hotel',
  'park', 'cafe', 'restaurant', 'club', 'band', 'album',
  // "Xinhua Bookstore", "Xinhua Hospital", "Xinhua Publishing Plant", "Xinhua dictionary": other things of the name
  'hospital', 'hospitals', 'school', 'schools', 'university', 'college', 'township', 'town', 'village', 'publishing',
  'plant', 'factory', 'dictionary', 'street', 'streets', 'roads', 'lane', 'temple', 'market', 'stadium', 'subdistrict',
],

/** Words before a name that say it is a place: "the province of Granma". */
  PLACE_NOUNS: [
  'province', 'governorate', 'region', 'district', 'city', 'town', 'village', 'county', 'state', 'minister', 'month',
  'governor', 'chief', 'capital', 'people', 'residents', 'parliament', 'assembly', 'coast', 'parts', 'port', 'north',
  'south', 'east', 'west', 'centre', 'center', 'outskirts', 'streets', 'mayor', 'king', 'sultan', 'emir',
],

/** Adjectives that may stand before an outlet's name without making it a person's surname: "Russian Tass". */
  NATIONALITIES: [
  'russian', 'syrian', 'iranian', 'chinese', 'cuban', 'turkish', 'saudi', 'qatari', 'emirati', 'egyptian',
  'venezuelan', 'belarusian', 'vietnamese', 'korean', 'north', 'nicaraguan', 'iraqi', 'lebanese', 'algerian',
  'moroccan', 'kazakh', 'azerbaijani', 'serbian', 'hungarian', 'pakistani', 'state', 'official', 'kremlin',
],

/** Copulas that open a description of the name: "TBC is a public broadcaster", "VTV es una cadena de televisión". */
  COPULAS: ['is', 'was', 'became', 'remains', 'est', 'était', 'es', 'era', 'fue', 'foi', 'ist', 'war', 'wurde'],

/** The media nouns a description after a copula may end on: those that name an outlet and nothing else. */
  COPULA_NOUNS: [
  'broadcaster', 'agency', 'newspaper', 'channel', 'television', 'radio', 'tabloid', 'newswire', 'mouthpiece', 'broadcasting',
  'agence', 'chaîne', 'quotidien', 'télévision', 'agencia', 'diario', 'periódico', 'cadena', 'emisora', 'televisión', 'agência',
  'jornal', 'emissora', 'televisão', 'sender', 'zeitung', 'nachrichtenagentur', 'rundfunkanstalt', 'agenzia', 'quotidiano',
],

/**
 * Words that end a noun phrase: prepositions, relative pronouns and participles ("...broadcaster of Tanzania",
 * "...agency that...", "...network owned by"). Not conjunctions: in "a radio and TV presenter" the phrase goes on.
 */
  PHRASE_ENDS: [
  'of', 'in', 'for', 'from', 'to', 'on', 'at', 'by', 'with', 'that', 'which', 'whose', 'who', 'since', 'until', 'owned',
  'run', 'based', 'founded', 'funded', 'controlled', 'operated', 'de', 'du', 'des', 'del', 'en', 'que', 'qui', 'do', 'da',
  'im', 'für', 'di', 'della', 'che',
],

/** Nouns that stand for a source already named: "the report added", "the agency said". */
  FOLLOW_UP_NOUNS: [
  'report', 'agency', 'broadcaster', 'channel', 'network', 'newspaper', 'daily', 'outlet', 'statement',
  'dispatch', 'article', 'station', 'website', 'tabloid', 'paper', 'bulletin', 'service', 'wire',
],

/** Verbs that continue a source's account: "the report added", "it concluded". */
  FOLLOW_UP_VERBS: [
  'added', 'adds', 'said', 'says', 'concluded', 'concludes', 'continued', 'continues', 'noted', 'notes',
  'stated', 'states', 'reported', 'reports', 'claimed', 'claims', 'wrote', 'writes', 'quoted', 'quotes',
  'alleged', 'alleges', 'asserted', 'insisted', 'described', 'describes', 'went', 'cited', 'cites', 'showed', 'shows',
],

/**
 * Chinese, Japanese and Korean words around a name written without spaces: reported, said, according to,
 * editorial, agency... Looked for in the few characters right before or after the name.
 */
  RUN_CONTEXT_AFTER: ['報導', '报道', '報道', '表示', '稱', '称', '指出', '消息', '發布', '发布', '社論', '社论', '援引',
  'によると', 'によれば', 'は', 'が報じ', '보도', '에 따르면', '에따르면', '은', '는', '사설', '논평', '발표', '전했다'],
  RUN_CONTEXT_BEFORE: ['據', '据', '根據', '根据', '援引', '引述', '經', '经由'],
  /** Words that describe an outlet rather than name it, when written in lower case (see matcher.ts). */
  DESCRIPTIONS: ['news', 'agency', 'daily', 'newspaper', 'paper', 'agence', 'agencia', 'agência', 'diario',
    'television', 'tv', 'radio', 'channel', 'broadcaster', 'network', 'station', 'weekly', 'journal', 'magazine', 'press',
    'group', 'online', 'service', 'website', 'portal', 'quotidien', 'jornal', 'gazete', 'gazetesi', 'روزنامه', 'صحيفة',
    'báo', 'газета'],
  /**
   * Cities that say which country's paper is meant by a name papers in several countries carry ("The Harare
   * paper"), read like the country's name (see find-citations.ts): where the registry's outlets with such names
   * are published. Folded, as alternatives of a regular expression. Zimbabwe: The Herald in Harare, The
   * Chronicle in Bulawayo (en.wikipedia.org/wiki/The_Herald_(Zimbabwe)).
   */
  CITY_CUES: { ZW: 'harare|bulawayo' } as Record<string, string>,
  /** Turkish case endings written after an apostrophe on proper names ("TRT'ye"). A lone "a" or "e" is not one. */
  TURKISH_SUFFIXES: ['nin', 'nın', 'nun', 'nün', 'in', 'ın', 'un', 'ün', 'ya', 'ye', 'yı', 'yi', 'yu', 'yü', 'da', 'de',
    'ta', 'te', 'dan', 'den', 'tan', 'ten', 'la', 'le', 'yla', 'yle', 'ndan', 'nden', 'na', 'ne', 'nda', 'nde'],
};
