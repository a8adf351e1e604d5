// Street lines, PO boxes, cities, counties and ZIP codes.
//
// A street line is a house number, up to four words and a street suffix. The
// city is read only where an address makes one likely: right after a street
// line, or before a state ("Salina, KS"). A five-digit number is a ZIP only next
// to a state, a street line or a "zip" label: CPT codes look the same.

import { isEnglishWord, isPlace } from '../phi-names';
import { FUNCTION_WORDS, isCommonWord, isVocab } from '../phi-vocab';
import { allMatches } from './matches';
import { clinicalEnding, foreign, RELATIONS } from './name-tokens';
import { type Candidate, P_CONTEXT, P_FORMAT, P_LABELLED } from './types';

const STATE_ABBR =
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR';
const STATE_NAMES =
  'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Puerto Rico';
const STATE_ABBR_ALT = STATE_ABBR.split(' ').join('|');
const STATE_UPPER = `(?:${STATE_ABBR_ALT}|${STATE_NAMES})`;
const STATE_ANYCASE = new RegExp(`^(?:${STATE_ABBR_ALT}|${STATE_NAMES})$`, 'i');
// Newspaper (AP) abbreviations with their period: "Bend, Ore. 97701", "Albany, N.Y. 12207".
const STATE_AP =
  '(?:Ala|Ariz|Ark|Calif|Cal|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nebr|Nev|Okla|Ore|Oreg|Pa|Penn|Tenn|Tex|Vt|Va|Wash|Wis|Wisc|Wyo|N\\.\\s?[CDHJMY]|S\\.\\s?[CD]|R\\.\\s?I|W\\.\\s?Va|D\\.\\s?C)\\.';

// USPS street suffixes (Publication 28, C1) with their common abbreviations. Left out: the
// abbreviations that are clinical words or units ("ml", "dl", "ft", "is", "pr", "lp").
// Common slips of the longer ones ("stret", "avenu", "raod") are kept too: a typed note has them.
// The rest of USPS Publication 28 C1, plurals included: many are everyday words too, so they need
// capitals or a cue (see SOFT_SUFFIX).
const USPS_MORE =
  'anx|annex|anex|arcade|arc|bottom|btm|burgs?|camp|cp|cape|cpe|centers|circles|cirs|club|clb|course|crse|courts|cts|coves|cvs|dam|dm|divide|dv|drives|drs|extensions|exts|fall|fords|frds|forges|frgs|glens|glns|greens|grns|groves|grvs|harbors|hbrs|hill|hl|islands?|iss|keys?|kys?|land|lights?|lgts?|loaf|lf|locks?|lcks?|manors|mnrs|motorway|mtwy|mountains|mtns|neck|nck|overpass|opas|parks|parkways|pkwys|points|pts|ports|prts|radial|radl|rapid|rpd|rest|rst|ridges|rdgs|roads|rds|shoals?|shls?|squares|sqs|streets|sts|throughway|trwy|track|trak|trafficway|trfy|underpass|upas|unions?|uns?|valleys|vlys|viaduct|via|views|vws|villages|vlgs|walks|wall|ways|wells?|wls?|meadow|mdw|estate|est|junctions|jcts|cliff|spurs|plain|pln|pine|pne|crossroad';
const SUFFIX =
  'street|stret|streeet|steet|sreet|strt|avenue|avenu|avnue|aveune|road|raod|drvie|dirve|lnae|cirlce|circel|boulevrd|blvrd|terace|st|str|ave|av|avn|road|rd|drive|dr|drv|lane|ln|way|wy|court|ct|crt|circle|cir|circ|boulevard|blvd|boul|place|pl|terrace|ter|terr|trail|trl|parkway|pkwy|pky|highway|hwy|square|sq|loop|pike|alley|aly|crossing|xing|crossroads?|xrd|cove|cv|heights|hts|plaza|plz|commons?|cmn|bend|bnd|run|row|path|pass|point|pt|expressway|expy|freeway|fwy|turnpike|tpke|route|rte|causeway|cswy|landing|lndg|ridge|rdg|hollow|holw|grove|grv|park|knolls?|knl|manor|mnr|mews|crescent|cres|close|gardens?|gdns?|glen|gln|green|grn|meadows?|mdws?|estates?|ests?|vista|vis|view|vw|creek|crk|trace|trce|spur|bluffs?|blf|branch|bridge|brg|brook|brk|bypass|byp|canyon|cyn|center|ctr|centre|cliffs?|clf|corners?|cors|crest|crst|curve|dale|extension|ext|falls|fls|ferry|fry|fields?|fld|flats?|flt|ford|forest|frst|forge|fork|forks|frks|gateway|gtwy|harbou?r|hbr|haven|hvn|hills?|inlet|isle|junction|jct|lakes?|lk|lodge|mall|mills?|mission|mountain|mtn|orchard|orch|oval|passage|pines?|plains?|port|prairie|ramp|ranch|rnch|rapids|river|riv|shores?|skyway|springs?|spg|station|sta|stravenue|stream|summit|smt|tunnel|valley|vly|village|vlg|ville|walk|bayou|beach|bch|wharf|quay|promenade|esplanade|drove|wynd|' +
  USPS_MORE;
// Suffixes that also name a hospital's places ("2 Heart Center", "4 West Park"): they need a street-like word.
const SOFT_SUFFIX = new RegExp(
  `^(?:${USPS_MORE}|center|ctr|centre|park|plaza|plz|station|sta|village|vlg|mall|commons?|point|pt|hills?|lakes?|view|square|sq|tower|gardens?|pavilion|campus|wing|court|ct|place|pl|run|pass|walk|row|path|bend|crossing|landing|close|green|mission|ramp)$`,
  'i',
);
// A unit after a street line: "Apt 4B", "# 12", "Ste 200", "Lot 38", "Fl 2", "Rear".
const UNIT = `(?:,?\\s*(?:(?:apt|apartment|unit|suite|ste|no|bldg|building|fl|floor|lot|trlr|trailer|space|spc|rm|room|dept|pier|slip|hngr|hangar|ofc|office|ph|penthouse|box)\\b\\.?|#)\\s*#?\\s*(?=[A-Za-z]{0,2}\\d|[A-Za-z]\\b)[A-Za-z0-9-]{1,6}\\b|,?\\s+(?:rear|front|upper|lower|basement|bsmt|frnt|uppr|lowr)\\b(?!\\s+(?:ext|extremit|lobe|quadrant|back|gi|leg|arm|body)))`;
// House numbers: "1423", "221B", "123-45" (Queens), "12 1/2", "N1234" (Wisconsin grid).
const HOUSE =
  '((?:[NSEW]\\d{1,5}[NSEW]\\d{1,5}|[NSEW]\\d{2,5}|\\d{1,6}[A-Za-z]?)(?:-(?:\\d{1,4}[A-Za-z]?|[A-Za-z]\\b))?(?:-?\\s*1\\/2|\\s*½)?)';
// A unit written before the house number: "Apt 4B, 1423 Maple", "Unit 5 - 22 George St", "Flat 2, 10 Downing St".
const UNIT_BEFORE =
  /(?:\b(?:apt|apartment|unit|suite|ste|flat|lot|trlr|trailer|rm|room|bldg|building|space)\.?\s*#?\s*|#\s*)[A-Za-z0-9-]{1,6}\s*[,-]?\s*$/i;
const DIR = '(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West|Northeast|Northwest|Southeast|Southwest)';
const DIR_WORD = new RegExp(`^${DIR}\\.?$`, 'i');
// A street line stays on its line: "at 1230 thx\npt" is not one.
const oneLine = (src: string, flags: string): RegExp => new RegExp(src.replaceAll('\\s', '[ \\t]'), flags);
// House number, optional direction, 1-4 words (or an ordinal street), suffix, optional units.
const STREET = oneLine(
  `(?<![\\w#./-])(?<!\\b(?:box|drawer|pob|pmb)\\s*#?\\s*)${HOUSE}\\s+((?:${DIR}\\.?\\s+)?(?:[A-Za-z][A-Za-z'.-]*|\\d{1,3}(?:st|nd|rd|th))(?:\\s+[A-Za-z][A-Za-z'.-]*){0,3})\\s+(${SUFFIX})\\b\\.?((?:(?<=(?:rd|road|route|rte|hwy|highway)\\.?)\\s+\\d{1,4}\\b)?(?:\\s+${DIR}\\b\\.?)?${UNIT}{0,2})`,
  'gi',
);
// A street with no house number after a residence cue: "lives on Elm Street", "house off Old Mill Rd".
const STREET_NO_NUMBER = oneLine(
  `\\b(?:lives?|living|lived|resides?|residing|house|home|apartment|apt|trailer|moved|staying|stays|address(?:\\s+is)?)\\b[^.;\\n]{0,25}?\\b(?:on|off)\\s+((?:${DIR}\\.?\\s+)?(?:[A-Za-z][A-Za-z'.-]*|\\d{1,3}(?:st|nd|rd|th))(?:\\s+(?!(?:the|a|an|near|by|with|and|or|of|in|on|at|to|for|from|behind|across|past)\\b)[A-Za-z][A-Za-z'.-]*){0,3}\\s+(?:${SUFFIX})\\b\\.?)`,
  'gi',
);
// A numbered road after a residence or scene cue: "lives off Route 30", "house on County Road 12",
// "MVC on I-94", "lives out on Hwy 12".
const ROAD_NO_NUMBER = oneLine(
  `\\b(?:lives?|living|lived|resides?|residing|house|home|farm|trailer|moved|staying|stays|address(?:\\s+is)?|mvc|mva|crash|accident|found|scene)\\b[^.;\\n]{0,25}?\\b(?:on|off|at|near)\\s+((?:(?:old|state|county|us|u\\.s\\.|farm\\s+to\\s+market|ranch)\\s+)?(?:route|rte|rt|highway|hwy|road|rd|county\\s+road|cr|sr|fm|interstate|i)(?:\\s|-)*(?:\\d{1,4}[A-Za-z]?|[A-Z]{1,2})\\b(?:\\s+(?:N|S|E|W|North|South|East|West)\\b)?)`,
  'gi',
);
// Two streets crossing: "at 5th and Main", "corner of Elm St and Oak Ave", "Main St & 3rd Ave",
// "Hwy 41 and County Rd K". One side needs a street type or an ordinal, and a cue before.
const STREET_SIDE = `(?:(?:hwy|highway|route|rte|county\\s+(?:road|rd)|cr|sr|us)\\s*-?\\s*(?:\\d{1,4}|[A-Z]{1,2}\\b)|(?:${DIR}\\.?\\s+)?(?:\\d{1,3}(?:st|nd|rd|th)|[A-Z][A-Za-z'.-]*)(?:\\s+[A-Z][A-Za-z'.-]*){0,2}?(?:\\s+(?:${SUFFIX})\\b\\.?)?)`;
const INTERSECTION = oneLine(
  `\\b(?:corner\\s+of|intersection\\s+of|at|near|on|off|of)\\s+(${STREET_SIDE}\\s*(?:and|&|\\/|@|x)\\s*${STREET_SIDE})`,
  'gi',
);
// "the 1200 block of Elm St", "3400 blk of N Main".
const BLOCK_OF = oneLine(
  `\\b\\d{1,5}\\s+(?:block|blk)\\s+(?:of\\s+)?(?:${DIR}\\.?\\s+)?(?:[A-Za-z][A-Za-z'.-]*|\\d{1,3}(?:st|nd|rd|th))(?:\\s+[A-Za-z][A-Za-z'.-]*){0,2}?(?:\\s+(?:${SUFFIX})\\b\\.?)`,
  'gi',
);
const COMPLEX_TYPES =
  'apartments apts apt towers manor estates village commons terrace gardens court courts place homes'
    .split(' ')
    .map((w) => `[${w[0]?.toUpperCase()}${w[0]}]${w.slice(1)}`)
    .join('|');
// A named apartment complex or park after a residence cue: "lives at Oak Terrace Apts", "lives in
// the Riverside Apartments", "Sunny Acres trailer park".
const COMPLEX = oneLine(
  `\\b(?:lives?|living|resides?|residing|staying|stays|moved)\\s+(?:at|in|to)\\s+(?:the\\s+)?((?:[A-Z][A-Za-z'.-]*\\s+){1,3}(?:${COMPLEX_TYPES}))\\b`,
  'g',
);
const GATE = new Map<RegExp, RegExp>([
  [ROAD_NO_NUMBER, /\b(?:route|rte|rt|highway|hwy|road|rd|cr|sr|fm|interstate|i)(?:\s|-)*(?:\d|[A-Z]{1,2}\b)/i],
  [
    INTERSECTION,
    /(?:\d(?:st|nd|rd|th)|\b(?:st|ave|rd|blvd|dr|ln|hwy|street|avenue|road|drive|lane|route|highway|boulevard|main)\.?) ?(?:and|&|\/|@|x) |(?:and|&|@) (?:\d{1,3}(?:st|nd|rd|th)|hwy|highway|route|rte|county)\b/i,
  ],
  [BLOCK_OF, /\d\s+(?:block|blk)\b/i],
  [COMPLEX, /\b(?:lives?|living|resides?|residing|staying|stays|moved)\s+(?:at|in|to)\s/],
]);
// The street type first: "3 Avenue of the Americas", "19 Avenue C", "5 Calle Sol", "77 rue de la Paix".
const TYPE_FIRST = oneLine(
  `(?<![\\w#./-])${HOUSE}\\s+(?:avenue|ave|calle|rue|via|camino|avenida|av|rua|paseo|boulevard|blvd|route|rte|chemin|strada|carrera|carretera|rambla)\\.?\\s+((?:(?:of|the|de|del|la|los|las|le|du|des|da|do|dos|di|della)\\s+)*(?:[A-Z]\\b|[A-Za-z][A-Za-z'-]+)(?:\\s+(?:(?:of|the|de|del|la|los|las|le|du|des|da|do|dos|di|della)\\s+)*(?!(?:apt|apartment|unit|ste|suite|lot|bldg|trlr|fl|floor|rm|room)\\b)[A-Z][A-Za-z'-]+){0,2})${UNIT}{0,2}`,
  'gi',
);
// Grid addresses: "1200 W 300 N", "1200 West 300 North".
const GRID = oneLine(`(?<![\\w#./-])\\d{1,5}\\s+${DIR}\\.?\\s+\\d{1,5}\\s+${DIR}\\b\\.?${UNIT}{0,2}`, 'g');
const GENERAL_DELIVERY = /\bgeneral\s+delivery\b/gi;
const PO_BOX =
  /\b(?:p\.?\s?o\.?\s?(?:box|b\.?|drawer)|pob|post\s+office\s+(?:box|drawer)|box|drawer|pmb|private\s+mailbox)\s*#?\s*\d{1,6}\b/gi;
// "RR 20" alone is a respiratory rate: the short forms need their box.
const RURAL =
  /\b(?:(?:rr|r\.r\.|hc|rt|rte|route|rural\s+rte|hcr)\.?\s*\d{1,3}\s*,?\s*box\s+\d{1,5}|(?:rural\s+route|star\s+route)\s*\d{1,3}(?:\s*,?\s*box\s+\d{1,5})?)\b/gi;
// Numbered roads: "9232 Hwy 8 E", "8346 CR 1467", "968 State Route 299", "12 US-101 N".
const HIGHWAY =
  /(?<![\w#./-])[NSEW]?\d{1,6}\s+(?:(?:N|S|E|W)\.?\s+)?(?:(?:us|u\.s\.|state|county|cty|cth|co|st|sr|cr|fm|hwy|highway|route|rte|road|rd|farm\s+to\s+market|ranch\s+road|interstate|i|trunk)[\s-]*)+(?:\d{1,5}[A-Za-z]?\b|[A-Z]{1,2}\b)(?:\s+(?:N|S|E|W|North|South|East|West)\b)?(?:,?\s*(?:apt|unit|lot|trlr|ste|#)\.?\s*#?\s*[A-Za-z0-9-]{1,6}\b)?/gi;
const ROAD_WORD = /\b(?:us|u\.s\.|sr|cr|fm|hwy|highway|route|rte|interstate|farm|ranch|cty|cth|county|state)\b/i;
// Words that announce an address, so a short or lower-case street line still counts.
const ADDRESS_CUE =
  /\b(?:address|adress|addr|lives\s+(?:at|on)|living\s+at|home\s+is|delivery\s+to|deliver(?:s|ed)?\s+to|mail(?:ed)?\s+(?:goes\s+)?to|place\s+at|staying\s+at|moved\s+to|resides\s+at|at)\s*:?\s*$/i;
// "Marion County", "marion county", "St. Lucie County", "Prince George's county".
// The county word is found first; its name is then read back from it (a regex starting at every
// word would try four words before each).
const COUNTY_WORD =
  /\s(County|Parish|Borough|Township|Twp|Census\s+Area|Municipality|Cnty|CNTY|cnty|county|parish|borough|township|twp|COUNTY|PARISH|BOROUGH|TOWNSHIP|TWP|Co\.|(?:Co|CO|co)(?=[ \t]*(?:[,;:)|\n]|$|[ \t]-[ \t]|[ \t](?:resident|res|area|line|jail|sheriff|EMS|ems|hospital|hosp|health|dept|department|public|social|courthouse|court)\b|[ \t][A-Z]{2}\b)))(?![A-Za-z])/g;
const COUNTY_NAME = /\b((?:[A-Za-z][A-Za-z.'-]+\s+){0,3}[A-Za-z][A-Za-z'-]+)$/;
const STREET_WORD = new RegExp(`^(?:${SUFFIX})\\.?$`, 'i');
// Words before "county" that are not its name: "the county", "same county", "a rural county".
const NOT_COUNTY =
  /^(?:a|an|the|this|that|same|our|their|his|her|my|your|every|each|any|which|what|whose|home|local|rural|nearby|neighboring|neighbouring|next|other|another|adjacent|surrounding|whole|entire|one|two|three|several|many|most|some|no|by|per|of|in|to|from|for|at|on|with|and|or|outside|across|within|lives|lived|living|resides|moved|back|out|over|up|down|inside|large|small|big|poor|wealthy|tri|multi|border|coastal|northern|southern|eastern|western|north|south|east|west|central|upper|lower|health|county|city|state|town|village)$/i;
// City before a state: "Salina, KS 31730", "Dayton, Ohio".
const CITY_STATE = new RegExp(
  `\\b((?:(?:St|Ste|Ft|Mt)\\.[ ]?)?[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}|[A-Z]{3,}(?:[ -][A-Z]{2,}){0,2}),\\s*(${STATE_UPPER}|${STATE_NAMES.toUpperCase()})\\b(?:\\.?,?\\s*(\\d{5}(?:-\\d{4})?)\\b)?`,
  'g',
);
// "Hagerstown MD", "from Boise ID", "Dayton OH resident": a town and a state in capitals with no comma,
// closing the clause. A credential looks the same ("Smith MD"): the caller checks the town.
const CITY_STATE_BARE = new RegExp(
  `\\b([A-Z][a-z]{2,}(?:[ -][A-Z][a-z]+){0,2})[ \\t]+(${STATE_ABBR_ALT})\\b(?=[ \\t]*(?:$|[,.;:)!?\\n]|[ \\t]+(?:resident|area|native|-)\\b|[ \\t]+-))`,
  'g',
);
const TOWN_PREP_BEFORE = /\b(?:from|in|near|outside(?:\s+of)?|to|of|around|lives|resident)\s+$/i;
// "fall river, ma", "a Fall River resident": a listed town before a state or "resident". The
// keyword is found first and the town read back from it.
const STATE_LOWER_AFTER_TOWN = new RegExp(
  `,\\s*(?:${STATE_ABBR_ALT.toLowerCase()}|${STATE_NAMES.toLowerCase()})\\b(?![\\w-])`,
  'g',
);
const RESIDENT_AFTER_TOWN = / (?:resident|native|local)\b/g;
// "in the Mauston area", "from the Chetek area", "Chetek area resident".
const TOWN_AREA = /\b(?:(?:in|from|near|around|of)\s+the\s+)?([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})\s+area\b/g;
const TOWN_BACK = /([A-Za-z][a-z.'-]*(?: [A-Za-z][a-z.'-]*){0,2})$/;
// Postcodes of Canada ("K1A 0B1") and the United Kingdom ("SW1A 1AA"): no other code looks like them.
const POSTCODE_CA = /\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b/g;
const POSTCODE_UK = /\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}\b/g;
// Street name first, number after, as most of the world writes it: "Hauptstraße 5", "Calle Mayor 12",
// "Rua Augusta, 1000", "ul. Marszałkowska 10", "Via Roma 10".
const STREET_NUMBER_AFTER =
  /\b(?:[A-Z][a-zäöüßéèàçñ]+(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|laan|straat|gracht|plein|kade|vej|gade|gatan|vägen|veien|gata|katu|tie|utca|ulica)|(?:Calle|Avenida|Av\.|Rua|Via|Viale|Piazza|Corso|ul\.|Ulica|Carrer|Paseo|Travessa|Largo|Rambla|Boulevard|Bd\.|Rue|Chemin|Allée|Impasse|Quai)\s+(?:(?:de|del|la|las|los|das|dos|da|do|di|della|du|des)\s+)*[A-Z][\wäöüßéèàçñã'-]+(?:\s+[A-Z][\wäöüßéèàçñã'-]+){0,2}),?\s+(?:n[ºo°]\.?\s*)?\d{1,5}[a-z]?\b/g;
// A European order: ", 10115 Berlin", ", 75008 Paris" (postcode before a capitalised town).
const POSTCODE_FIRST = /,\s*(\d{4,5})\s+([A-Z][a-zà-ÿ]+(?:[ -][A-Z][a-zà-ÿ]+)?)\b/g;
// "Mankato Texas 71640" (no comma: a ZIP must follow), "from gadsden, wisconsin" (lower case after a cue).
const CITY_STATE_ZIP = new RegExp(
  `\\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),?\\s+(?:${STATE_NAMES})\\s+(\\d{5}(?:-\\d{4})?)\\b`,
  'g',
);
// "Bend, Ore.", "Albany, N.Y. 12207": a town before a newspaper abbreviation of its state.
const CITY_STATE_AP = new RegExp(
  `\\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),\\s*${STATE_AP}(?:,?\\s*(\\d{5}(?:[- ]\\d{4})?)\\b)?`,
  'g',
);
// "Ashland, wi", "Mount Horeb, wi." : a capitalised town before a state in lower case closing a clause.
const CITY_STATE_LOWER_ABBR = new RegExp(
  `\\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),[ \\t]*(?:${STATE_ABBR_ALT.toLowerCase()})\\b(?=[ \\t]*(?:$|[,.;)\\n]))`,
  'g',
);
// "city of Wausau", "the town of Merrill", "Village of Bonduel".
const TOWN_OF =
  /\b(?:[Cc]ity|[Tt]own|[Vv]illage|[Tt]ownship|[Bb]orough|[Pp]arish|[Cc]ounty|CITY|TOWN|COUNTY)\s+(?:of|OF)\s+([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})/g;
// Form fields and residence words: "City: Kewaskum", "county: washington", "hometown Kewaskum", "res: Mauston".
const TOWN_FIELD =
  /\b(?:city|town|county|parish|municipality|hometown|home\s+town|residence|res|address(?:\s+on\s+file)?|home\s+address|addr|resides(?:\s+in)?|residing\s+in|village|city\/town|city\/state)\b\s*(?:[:=-]\s*|(?<=hometown|resides|resides\s+in|residing\s+in|home\s+address)\s+)([A-Za-z][A-Za-z'.-]*(?:[ -][A-Za-z][A-Za-z'.-]*){0,3})/gi;
// "kewaskum, wisconsin": a town in lower case before a state written out.
const TOWN_STATE_NAME_LOWER = new RegExp(
  `\\b([a-z][a-z'.-]+(?: [a-z][a-z'.-]+)?),\\s*(?:${STATE_NAMES.toLowerCase()})\\b`,
  'g',
);
// Between a state and its ZIP: a comma, a bar, a bullet or a colon, even ", USA" ("MD • 21702", "MD, USA 21702").
const ZIP_SEP = '(?:,?\\s*(?:USA|U\\.S\\.A\\.?|US|United\\s+States)\\.?)?\\s*[,|;/:(•·∙-]?\\s*';
// Abbreviations in title case ("Frederick, Md 21702"): only before a ZIP, where "Md" cannot be a doctor.
const STATE_TITLE = STATE_ABBR.split(' ')
  .map((a) => `${a[0]}${a[1]?.toLowerCase()}`)
  .join('|');
// The town read back from before a state and a ZIP: "Kewaskum WI 53040", "KEWASKUM WI", "kewaskum wi 53040".
const TOWN_BEFORE_STATE = new RegExp(
  `([A-Za-z][A-Za-z'.-]*(?:[ -][A-Za-z][A-Za-z'.-]*){0,2})[ \\t]*,?[ \\t]*(?:${STATE_ABBR_ALT}|${STATE_NAMES}|${STATE_ABBR_ALT.toLowerCase()}|${STATE_NAMES.toLowerCase()}|${STATE_TITLE})\\.?${ZIP_SEP}$`,
);

/** The words of a town at the end of `words`: capitalised non-vocabulary words, or one lower-case foreign or listed word. */
function townWords(words: string[]): string[] {
  const last = words[words.length - 1] ?? '';
  if (!last) return [];
  if (/^[a-z]/.test(last)) {
    const two = words.slice(-2).join(' ');
    if (words.length >= 2 && isPlace(two)) return words.slice(-2);
    return (foreign(last.toLowerCase()) || isPlace(last)) && !FUNCTION_WORDS.has(last) ? [last] : [];
  }
  const out: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i] ?? '';
    if (!/^[A-Z]/.test(w) || FUNCTION_WORDS.has(w.toLowerCase()) || (isVocab(w) && !isPlace(w) && !TOWN_TAIL.test(w)))
      break;
    out.unshift(w);
  }
  return out;
}
const CITY_STATE_LOWER = new RegExp(
  `\\b(?:from|in|to|near|of|outside)\\s+([a-z]+(?:[ -][a-z]+){0,2}),\\s*(?:${STATE_NAMES.toLowerCase()}|${STATE_ABBR_ALT.toLowerCase()})\\b(?:\\.?,?\\s*(\\d{5}(?:-\\d{4})?)\\b)?`,
  'g',
);
// Five digits are found first (few in a note); what stands before them decides. A state in capitals
// or title case ("OH 45402", "Ohio 45402"); one in lower case after a word ("fall river, pa 49874");
// a county ("Pottawattamie County 70415"); a town and a comma ("Dayton, 45402").
const ZIP5 = /(?<![\w./$#-])\d{5}(?:-\d{4})?(?![\w-]|\.\d)/g;
const STATE_BEFORE_ZIP = new RegExp(`(?:\\b(?:${STATE_UPPER}|${STATE_TITLE})\\.?|\\b${STATE_AP})${ZIP_SEP}$`);
const STATE_LOWER_BEFORE_ZIP = new RegExp(
  `\\b([A-Za-z][A-Za-z'.-]+),?\\s+(?:${STATE_ABBR_ALT.toLowerCase()}|${STATE_NAMES.toLowerCase()})\\.?,?\\s+$`,
);
const COUNTY_BEFORE_ZIP = new RegExp(`\\b(?:county|parish|borough|township|twp|County|Parish|COUNTY)\\.?${ZIP_SEP}$`);
const TOWN_COMMA_BEFORE_ZIP = /\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})\s*(?:[,|;(]|\s-)\s*$/;
// Five digits where a place goes: "lives in 21702", "moved from 21702", "in the 21702 area".
const ZIP_AS_PLACE_BEFORE =
  /\b(?:lives?|living|lived|resides?|residing|moved|moving|relocated|staying|stays|(?:is|comes|came)\s+from)\s+(?:here\s+)?(?:in|from|to|near|at)?\s*(?:the\s+)?(?:zip(?:\s*code)?\s+)?$/i;
const ZIP_AS_PLACE_AFTER = /^\s+area\b/i;
const NUMBER_UNIT_AFTER = /^\s*(?:mg|mcg|ml|units?|%|dollars|people|patients|pts|steps|feet|ft|miles|lbs?|kg)\b/i;
// A ZIP written before its town and state: "21702 Frederick, MD", "21702 - Frederick MD".
const ZIP_BEFORE_TOWN = new RegExp(
  `(?<![\\w./$#-])(\\d{5}(?:-\\d{4})?)[ \\t]*[,-]?[ \\t]+([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),?[ \\t]+(?:${STATE_ABBR_ALT}|${STATE_NAMES})\\b`,
  'g',
);
// "Fall River 02720", "fall river 02720": a listed town right before five digits.
const TOWN_BEFORE_ZIP = /([A-Za-z][a-z.'-]*(?:[ -][A-Za-z][a-z.'-]*){0,2})[ ,]+$/;
// ZIP+4 has no other use in a note.
const ZIP4 = /(?<![\w./-])\d{5}-\d{4}(?![\w-]|\.\d)/g;
const ZIP_LABEL = /\b(?:zip|zipcode|postal|postcode|post\s+code)\b[^\d\n]{0,16}?(\d{5}(?:[- ]\d{4})?)(?![\w-])/gi;
// A town after words that say where someone lives or comes from: "lives with her son in Rutland",
// "moved here from Albuquerque", "resident of Bozeman", "pt from wilkes-barre". The preposition is
// found first; the clause before it must hold one of these words.
const PLACE_PREP = /\b(in|from|to|near|of|outside(?:\s+of)?|around)\s+(?=[A-Za-z])/gi;
const PLACE_CUE =
  /\b(?:lives?|living|lived|resides?|residing|resident|residents|stays?|staying|home|ambulance|ems|flown|bus|moved|moving|relocated|relocating|hometown|originally|native|visiting|drove|drives|driving|commutes?|works?|working|worked|vacation(?:ing)?|travel(?:ing|led|ling)?|homeless|born|raised|grew\s+up|family|relatives|parents|(?:daughter|son|wife|husband|mother|mom|father|dad|sister|brother|kids|children|grandkids)\s+(?:is\s+|are\s+|lives\s+)?in|(?:is|are|comes?|came|pt|patient|family|she|he|they|who|both|all|originally)\s+from|(?:nursing|group|foster|care)\s+home|shelter|trailer|farm|ranch)\b/i;
// Weaker cues: a home or a relative's origin ("her apartment in Hagerstown", "daughter from Boise"); the
// place after them must be capitalised ("house in disarray" is not one).
const PLACE_CUE_CAP =
  /\b(?:apartment|condo|house|church|(?:daughter|son|wife|husband|mother|mom|father|dad|sister|brother|kids|children|grandkids)\s+from)\b/i;
const PLACE_PREFIX =
  /^(?:east|west|north|south|new|st\.?|saint|ste\.?|fort|ft\.?|port|mount|mt\.?|lake|san|santa|los|las|el|la|le|des|de|du|grand|glen|little|big|upper|lower|palm|point|cape|bay|rock|spring|falls?|cedar|oak|pine|elk|bear|eagle|red|white|black|green|blue|silver|gold|sioux|twin|three|royal)$/i;
const PLACE_WORD = /[A-Za-z][A-Za-z'.-]*/y;
const PLACE_RUN = /^[A-Za-z][A-Za-z'.-]*(?: [A-Za-z][A-Za-z'.-]*){0,3}/;

/** Where the last clause break (sentence end, bar, " - ") of `s` is; -1 when none. */
function lastBreak(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s[i];
    if (c === '.' || c === ';' || c === '!' || c === '?' || c === '|' || c === '\n') return i;
    if (c === '-' && s[i + 1] === ' ') return i;
  }
  return -1;
}

/** The town after a residence cue and a preposition at `pos`: its end, or -1. */
// Words that open a town's name ("East Jonathanfort", "Port Angeles", "Mt. Vernon"): ordinary words
// alone, so a town of one of them and a word no list knows is still a town.
const TOWN_HEAD =
  /^(?:North|South|East|West|New|Port|Lake|Mount|Mt\.?|Fort|Ft\.?|Saint|St\.?|Ste\.?|Glen|Point|Cape|Upper|Lower|Old|Little|Grand|Palm|Bay)$/;
/** A town's words hold an ordinary word: its opening place word excepted when a name follows it. */
function townVocab(words: string[]): boolean {
  return words.some((w, i) => isVocab(w) && !(i === 0 && words.length > 1 && TOWN_HEAD.test(w)));
}
const TOWN_TAIL =
  /^(?:Falls|Springs|Rapids|Heights|City|Park|Beach|Hills|Lake|Creek|Harbor|Harbour|Junction|Center|Village|Valley|Bluffs|Crossing|Landing|Grove|Ridge|Point|Mills|Station|Forks)$/;
function placeAfter(text: string, pos: number): number {
  // A listed town first, the longest that fits: "fall river", "Mobile", "wilkes-barre".
  const run = PLACE_RUN.exec(text.slice(pos, pos + 48));
  if (run) {
    const words = (run[0] ?? '').split(' ');
    for (let k = Math.min(words.length, 4); k >= 1; k--) {
      const cand = words
        .slice(0, k)
        .join(' ')
        .replace(/[.]$/, (x) => (/\b(?:st|ste|ft|mt)\.$/i.test(words.slice(0, k).join(' ')) ? x : ''));
      if (cand.length >= 3 && !FUNCTION_WORDS.has(cand.toLowerCase()) && isPlace(cand)) {
        const tail = /^ ([A-Z][a-z]+)/.exec(text.slice(pos + cand.length, pos + cand.length + 12));
        return pos + cand.length + (tail && TOWN_TAIL.test(tail[1] ?? '') ? (tail[0] ?? '').length : 0);
      }
    }
  }
  let end = -1;
  let i = pos;
  let words = 0;
  let pendingPrefix = false;
  while (words < 4) {
    PLACE_WORD.lastIndex = i;
    const m = PLACE_WORD.exec(text);
    if (!m) break;
    const w = m[0].replace(/[.']+$/, (x) => (/^(?:st|ste|ft|mt)$/i.test(m[0].slice(0, -1)) ? x : ''));
    const capital = /^[A-Z]/.test(w);
    const k = w.toLowerCase();
    let ok: boolean;
    if (PLACE_PREFIX.test(w) && /^[ -]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 1)))
      ok = pendingPrefix = true;
    // "Sheboygan Falls", "Hot Springs": a place word closing a capitalised town.
    else if (capital && words > 0 && TOWN_TAIL.test(w)) ok = true;
    else if (FUNCTION_WORDS.has(k) || (RELATIONS.has(k) && !capital)) ok = false;
    else if (capital) ok = !isVocab(w) || (words > 0 && !FUNCTION_WORDS.has(k));
    else
      ok =
        foreign(k) ||
        (pendingPrefix && !isCommonWord(k)) ||
        (k.includes('-') && k.split('-').some(foreign) && !k.split('-').some((p) => FUNCTION_WORDS.has(p)));
    if (!ok) break;
    words++;
    if (!PLACE_PREFIX.test(w) || words > 1) end = m.index + w.length;
    if (!PLACE_PREFIX.test(w)) pendingPrefix = false;
    const gap = /^(?: |-)(?=[A-Za-z])/.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 2));
    if (!gap || (!capital && !PLACE_PREFIX.test(w) && words > 0 && !/^-/.test(gap[0]))) {
      if (!gap) break;
      // A lower-case town is one word after its prefixes ("east st. louis"; not "scranton with her son").
      if (!capital) break;
    }
    i = m.index + m[0].length + 1;
  }
  return end;
}

// The long-standing lower-case street types that stay accepted in lower case ("12 oak court").
const STREET_WORD_COMMON =
  /^(?:center|ctr|centre|park|plaza|plz|station|sta|village|vlg|mall|commons?|point|pt|hills?|lakes?|view|square|sq|gardens?|court|ct|place|pl|run|pass|walk|row|path|bend|crossing|landing|close|green|mission|ramp)$/i;

const NOT_STREET_WORD =
  /^(?:mg|mcg|ml|units?|min|mins|minutes|hours?|hrs?|days?|weeks?|clicks?|times?|am|pm|x|of|on|in|at|the|a|an|to|for|and|or|but|with|from|by|per|pts?|patients?|beds?|rooms?|percent|kg|lbs?|mmhg|meq|g|l|cc|doses?|tabs?|steps?|feet|ft|miles?|blocks?|floors?|west|east|north|south|med|surg|tele|icu|pod|tower|wing|unit)$/i;

const CITY_WORD = /^[A-Za-z][A-Za-z'.-]*$/;
const STREET_PARTICLE = /^(?:de|del|la|las|los|le|du|des|da|do|dos|di|della|van|von|of|the|y|el|al)$/i;
// After a street line: a town of up to three words, then a state (any case) or a ZIP.
const TOWN_STATE_AFTER = new RegExp(
  `^[ \\t]*[,-]?[ \\t]*(?:[A-Za-z][A-Za-z'.-]*[ \\t-]+){0,2}[A-Za-z][A-Za-z'.-]*[ \\t]*,?[ \\t]*(?<![A-Za-z'.-])(?:(?:${STATE_ABBR_ALT}|${STATE_NAMES}|${STATE_NAMES.toLowerCase()})\\b|(?:${STATE_ABBR_ALT.toLowerCase()})(?:,?[ \\t]+\\d{5}\\b|[ \\t]*(?:$|[\\n,;.|)]))|\\d{5}\\b)`,
);

function isCityWord(w: string, allowLower: boolean, lenient = false): boolean {
  if (!CITY_WORD.test(w)) return false;
  // "Lawton" is also a scale, "Mobile" a word: before a state or ZIP a capitalised one is the town.
  // In lower case ("red wing mn 55066") only when a state or ZIP follows (the caller checks).
  if (isVocab(w) && !(lenient && (/^[A-Z]/.test(w) || allowLower) && !FUNCTION_WORDS.has(w.toLowerCase())))
    return false;
  if (/^[A-Z][a-z]/.test(w)) return true;
  // A banner in capitals: "1423 MAPLE RIDGE DR, SPRINGFIELD, IL".
  if (/^[A-Z][A-Z'.-]{2,}$/.test(w)) return allowLower || lenient;
  return allowLower && /^[a-z]+$/.test(w);
}

// ", City", " - City", " in City" or " City" after a street line.
const CITY_AFTER = /^(,|\s*[/|]|\s+-|\.?\s+in(?=\s+[A-Z]))?\s*([A-Za-z][A-Za-z'.-]*(?:[ -][A-Za-z][A-Za-z'.-]*){0,2})/;
const CITY_AFTER_LOWER =
  /^(,|\s*[/|]|\s+-|\.?\s+in(?=\s+[A-Za-z]))?\s*([A-Za-z][A-Za-z'.-]*(?:[ -][A-Za-z][A-Za-z'.-]*){0,2})/;

/**
 * "30562 NE Kuhio Cir Fall River WA": the street pattern ran on over the town to a second street word
 * ("River"), and the town's words spoilt it. The street ends at the last street word before them.
 */
function innerStreet(
  text: string,
  at: number,
  line: string,
  name: string,
  words: string[],
  bad: (w: string) => boolean,
  out: Candidate[],
): void {
  for (let k = words.length - 1; k >= 1; k--) {
    if (!STREET_WORD.test(words[k] ?? '') || bad(words[k] ?? '') || words.slice(0, k).some(bad)) continue;
    if (!words.slice(0, k).some((w) => /^[A-Z]/.test(w) && !DIR_WORD.test(w))) return;
    const nameAt = line.indexOf(name);
    let off = 0;
    for (let w = 0; w <= k; w++) off = name.indexOf(words[w] ?? '', off) + (w < k ? (words[w] ?? '').length : 0);
    const end = at + nameAt + off + (words[k] ?? '').length;
    out.push({ start: at, end, kind: 'address', priority: P_FORMAT });
    cityAfterStreet(text, end, false, out);
    return;
  }
}

/** After a street line: ", City, ST 12345" / " City 12345" / ", city". */
function cityAfterStreet(text: string, pos: number, lower: boolean, out: Candidate[]): void {
  const rest = text.slice(pos, pos + 80);
  // ", City", " - City", " in City" or " City".
  // In a line typed in lower case the town after "in" is too ("36988 elk ridge ct in barstow").
  const m = (lower ? CITY_AFTER_LOWER : CITY_AFTER).exec(rest);
  if (!m) {
    zipAfter(text, pos, out);
    return;
  }
  const comma = (m[1] ?? '') !== '';
  // Take words while they look like a city, stopping at a state or a stop word.
  const words = (m[2] ?? '').split(/([ -])/);
  let city = '';
  let lenient = false;
  for (let i = 0; i < words.length; i += 2) {
    const w = words[i] ?? '';
    if (STATE_ANYCASE.test(w) && city && /^[A-Z]{2}$|^[a-z]{2}$/.test(w)) break;
    // "in Pocatello. strength 4/5": a period closing a word other than "St." or "Mt." ends the sentence,
    // and a capitalised town goes on with capitalised words only.
    const lastWord = words[i - 2] ?? '';
    if (
      city &&
      ((/[A-Za-z]{3}\.$/.test(city) && !PLACE_PREFIX.test(lastWord)) || (/^[A-Z]/.test(city) && /^[a-z]/.test(w)))
    )
      break;
    // "Twin Falls", "Hot Springs", "klamath falls": a place word after the town's first word.
    const placeTail =
      city !== '' &&
      ((/^[A-Z]/.test(w) && STREET_WORD.test(w) && !/^(?:St|Rd|Dr|Ave|Ln|Ct)\.?$/i.test(w)) ||
        (/^[a-z]/.test(city) && TOWN_TAIL.test(w.charAt(0).toUpperCase() + w.slice(1))));
    if (!placeTail && !isCityWord(w, lower || comma) && !(PLACE_PREFIX.test(w) && i + 2 < words.length)) {
      if (!isCityWord(w, lower || comma, true)) break;
      lenient = true;
    }
    city = city ? city + (words[i - 1] ?? ' ') + w : w;
  }
  // "in Springfield." ends a sentence; "St." stays.
  if (/[A-Za-z]{3}\.$/.test(city)) city = city.slice(0, -1);
  if (!city) {
    zipAfter(text, pos, out);
    return;
  }
  // A listed town is a town even when one of its words is also vocabulary ("Wilkes-Barre").
  if (lenient && isPlace(city)) lenient = false;
  const cityStart = pos + (m[0] ?? '').indexOf(m[2] ?? '');
  const cityEnd = cityStart + city.length;
  const after = text.slice(cityEnd, cityEnd + 40);
  const stateOrZip =
    new RegExp(`^\\s*,?\\s*(?:(?:${STATE_ABBR_ALT}|${STATE_NAMES})\\b|\\d{5}\\b)`, 'i').test(after) ||
    /^\s*,?\s*(?:[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d)\b/.test(after);
  const ends = /^\s*(?:$|[,;.)!?\n/|-]|\s-\s)/.test(after);
  const clause = /^\s+(?:and|but|so|which|where|who|or|only|-)\b/i.test(after);
  // Without a comma the next word must be a state or ZIP ("Sandusky 92960");
  // with one, the city ends at punctuation or a clause ("Dothan and wants").
  const capital = /^[A-Z]/.test(city);
  const ok = stateOrZip || (!lenient && (comma || capital) && (capital || lower) && (ends || clause));
  if (!ok) {
    zipAfter(text, pos, out);
    return;
  }
  out.push({ start: cityStart, end: cityEnd, kind: 'address', priority: P_CONTEXT });
  zipAfter(text, cityEnd, out);
}

/** A ZIP right after an address part, maybe behind a state. */
const ZIP_AFTER = new RegExp(
  `^\\s*,?\\s*(?:(?:${STATE_ABBR_ALT}|${STATE_NAMES})\\.?,?\\s*|${STATE_AP},?\\s*)?(\\d{5}(?:[- ]\\d{4})?)(?![\\w-])`,
  'i',
);
function zipAfter(text: string, pos: number, out: Candidate[]): void {
  const rest = text.slice(pos, pos + 30);
  const m = ZIP_AFTER.exec(rest);
  if (!m) return;
  const start = pos + (m[0] ?? '').length - (m[1] ?? '').length;
  out.push({ start, end: start + (m[1] ?? '').length, kind: 'zip', priority: P_LABELLED });
}

// "12 E 5th", "12 N. Main": a house number, a direction and a name with no street type, when a cue or
// a town and state vouch for it.
const STREET_DIR_ONLY = oneLine(
  `(?<![\\w#./-])\\d{1,6}\\s+${DIR}\\.?\\s+(?:[A-Za-z][A-Za-z'-]{2,}|\\d{1,3}(?:st|nd|rd|th))\\b(?!\\s+(?:${SUFFIX})\\b)`,
  'gi',
);
// Mobile home parks: "lot 14 sunny acres mhp", "Lot 14, Sunny Acres Trailer Park".
const HOME_PARK =
  /\b(?:lot|space|spc|site|unit)\s*#?\s*\d{1,4}[A-Za-z]?,?\s+(?:[A-Za-z][A-Za-z'-]*\s+){1,3}(?:mhp|mobile\s+home\s+(?:park|court|estates|village)|trailer\s+(?:park|court|ct|village)|rv\s+park|mobile\s+estates|manufactured\s+home\s+community)\b/gi;
// "Calle Sol #12", "calle sol 12": a street named first, its number after it.
// "Calle 5 de Mayo 234", "Carrera 7 No. 12-34", "Calle 13 # 45-67": a numbered street, then its number.
const CALLE = new RegExp(
  `\\b(?:calle|avenida|camino|carrera|carretera|paseo|diagonal|transversal)\\s+(?:(?:(?:de|del|la|las|los)\\s+)*[A-Za-z][A-Za-z'-]+(?:\\s+[A-Za-z][A-Za-z'-]+)?\\s*(?:#|no\\.?|num\\.?)?\\s*|\\d{1,3}[A-Za-z]?(?:\\s+(?:de|del)\\s+[A-Za-z]+)?(?:\\s*(?:#|no\\.?|num\\.?)\\s*|\\s+))\\d{1,5}(?:-\\d{1,4})?\\b(?![/.]\\d)${UNIT}{0,2}`,
  'gi',
);
// Puerto Rico writes the development or ward before the street: "Urb. Las Lomas", "Bo. Cacao", "Cond. El Monte".
const URBANIZACION =
  /\b(?:[Uu]rb\.?|[Uu]rbanizaci[oó]n|[Bb]arrio|[Bb]o\.|[Cc]ond\.|[Cc]ondominio|[Rr]esidencial|[Pp]arcelas|[Ss]ector)\s+(?:(?:de|del|la|las|los|el)\s+)?[A-Z][A-Za-z'-]+(?:\s+(?:de|del|la|las|los|el)?\s*[A-Z][A-Za-z'-]+){0,2}/g;

export function addressRules(text: string, out: Candidate[]): void {
  for (const m of /rb|rrio|ond|Bo\.|esidencial|arcelas|ector/.test(text) ? allMatches(URBANIZACION, text) : []) {
    // "Sector 4", "sector General" are not places: the words after it must not be vocabulary.
    if (
      /^[Ss]ector/.test(m[0]) &&
      m[0]
        .split(/\s+/)
        .slice(1)
        .some((w) => isVocab(w))
    )
      continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'address', priority: P_FORMAT });
  }
  for (const re of [HOME_PARK, CALLE]) {
    for (const m of allMatches(re, text)) {
      out.push({ start: m.index, end: m.index + m[0].length, kind: 'address', priority: P_FORMAT });
      cityAfterStreet(text, m.index + m[0].length, m[0] === m[0].toLowerCase(), out);
    }
  }
  for (const m of allMatches(STREET_DIR_ONLY, text)) {
    const end = m.index + m[0].length;
    const name = /\S+$/.exec(m[0])?.[0] ?? '';
    if (FUNCTION_WORDS.has(name.toLowerCase()) || (isVocab(name) && !/\d/.test(name))) continue;
    const cued =
      ADDRESS_CUE.test(text.slice(Math.max(0, m.index - 30), m.index)) ||
      TOWN_STATE_AFTER.test(text.slice(end, end + 60));
    if (!cued) continue;
    out.push({ start: m.index, end, kind: 'address', priority: P_FORMAT - 2 });
    cityAfterStreet(text, end, m[0] === m[0].toLowerCase(), out);
  }
  // Where street lines start: five digits there are a house number ("51001 Stillwater Court"), not a ZIP.
  const houseAt = new Set<number>();
  for (const m of allMatches(STREET, text)) {
    houseAt.add(m.index);
    const num = m[1] ?? '';
    const words = (m[2] ?? '').trim().split(/\s+/);
    const bad = (w: string) =>
      FUNCTION_WORDS.has(w.toLowerCase()) ||
      (NOT_STREET_WORD.test(w) && !/^(?:N|S|E|W|North|South|East|West)\.?$/i.test(w));
    if (words.some(bad)) {
      const dirFirst = words.length > 1 && /^(?:N|S|E|W|North|South|East|West)\.?$/i.test(words[0] ?? '');
      if (!dirFirst || words.slice(1).some((w) => NOT_STREET_WORD.test(w) || FUNCTION_WORDS.has(w.toLowerCase()))) {
        innerStreet(text, m.index, m[0] ?? '', m[2] ?? '', words, bad, out);
        continue;
      }
    }
    // A one- or two-digit house number needs capitalised words ("12 Elm St"), not "2 hr drive".
    // Particles inside a street's name keep it capitalised: "19 Ponce de Leon Trail".
    const capital = words.every((w) => /^[A-Z0-9]/.test(w) || STREET_PARTICLE.test(w)) && /^[A-Z]/.test(m[3] ?? '');
    // A unit after the line ("bldg 4 apt 358"), or a town then a state or ZIP after it, vouches for a
    // street written in lower case or with a short house number as much as a cue word before it.
    const cued =
      ADDRESS_CUE.test(text.slice(Math.max(0, m.index - 30), m.index)) ||
      /\d/.test(m[4] ?? '') ||
      TOWN_STATE_AFTER.test(text.slice(m.index + (m[0] ?? '').length, m.index + (m[0] ?? '').length + 60));
    if (/^\d{1,2}[A-Za-z]?$/.test(num) && !capital && !cued) continue;
    const suffix = m[3] ?? '';
    const dirOnly = words.every((w) => DIR_WORD.test(w));
    if (!cued) {
      // "4 West Center", "2 Heart Center", "Cardiac Rehab Park": a hospital's place, not a street.
      if (SOFT_SUFFIX.test(suffix) && (dirOnly || words.some((w) => !DIR_WORD.test(w) && isVocab(w)))) continue;
      // "1230 thx pt", "2 vials sta": short suffixes in lower case need a cue.
      if (/^(?:pt|sta|ext|ter|vis|spur|row|run)$/.test(suffix) && !capital) continue;
      // The USPS words that are everyday words too ("2 falls", "3 drives", "12 lead views") need capitals.
      if (/^[a-z]/.test(suffix) && SOFT_SUFFIX.test(suffix) && !STREET_WORD_COMMON.test(suffix)) continue;
    }
    const end = m.index + (m[0] ?? '').length - ((m[0] ?? '').endsWith('.') && !(m[4] ?? '') ? 1 : 0);
    const unit = UNIT_BEFORE.exec(text.slice(Math.max(0, m.index - 24), m.index));
    const from = unit && /\d/.test(unit[0]) ? m.index - unit[0].length : m.index;
    out.push({ start: from, end, kind: 'address', priority: P_FORMAT });
    const lower = (m[0] ?? '') === (m[0] ?? '').toLowerCase();
    cityAfterStreet(text, end, lower, out);
  }
  for (const m of ROAD_WORD.test(text) ? allMatches(HIGHWAY, text) : []) {
    const v = (m[0] ?? '').replace(/[\s,]+$/, '');
    // A road word of its own ("Hwy", "CR", "State Route"), not "2 st 5" or "3 i 4".
    if (
      !/\b(?:us|u\.s\.|sr|cr|fm|rm|hwy|highway|route|rte|interstate|farm\s+to\s+market|ranch\s+road|cty|cth|county\s+(?:road|rd|trunk))\b/i.test(
        v,
      )
    )
      continue;
    out.push({ start: m.index, end: m.index + v.length, kind: 'address', priority: P_FORMAT });
    cityAfterStreet(text, m.index + v.length, v === v.toLowerCase(), out);
  }
  for (const m of /\b(?:on|off)\s/i.test(text) ? allMatches(STREET_NO_NUMBER, text) : []) {
    const street = (m[1] ?? '').replace(/\.$/, '');
    const words = street.split(/\s+/);
    const name = words.slice(0, -1).filter((w) => !DIR_WORD.test(w));
    if (name.length === 0 || name.some((w) => FUNCTION_WORDS.has(w.toLowerCase()) || NOT_STREET_WORD.test(w))) continue;
    if (!/^[A-Z0-9]/.test(name[0] ?? '') && street !== street.toLowerCase()) continue;
    const start = m.index + (m[0] ?? '').length - (m[1] ?? '').length;
    out.push({ start, end: start + street.length, kind: 'address', priority: P_FORMAT });
    cityAfterStreet(text, start + street.length, street === street.toLowerCase(), out);
  }
  for (const re of [ROAD_NO_NUMBER, INTERSECTION, BLOCK_OF, COMPLEX]) {
    // Each shape has a word without which it cannot match: tested once, cheaply, before the slower pattern.
    if (!GATE.get(re)?.test(text)) continue;
    for (const m of allMatches(re, text)) {
      const v = (m[1] ?? m[0]).replace(/[\s,.]+$/, '');
      const start = m.index + m[0].indexOf(v);
      if (re === INTERSECTION) {
        // Both sides street-like: an ordinal, a street type or a numbered road on at least one, and no
        // clinical word on either ("at 5th and Main"; not "at 3 and 4", "on Lasix and Coreg").
        const sides = v.split(/\s*(?:\band\b|&|\/|@|\bx\b)\s*/i);
        const typed = sides.some(
          (x) => /\d(?:st|nd|rd|th)\b|\d/.test(x) || STREET_WORD.test(x.split(/\s+/).pop() ?? ''),
        );
        const clean = sides.every(
          (x) =>
            x.length > 0 &&
            !x.split(/\s+/).some((w) => FUNCTION_WORDS.has(w.toLowerCase()) || clinicalEnding(w.toLowerCase())),
        );
        if (!typed || !clean || sides.length !== 2) continue;
      }
      // A numbered road beats the "County Road" a street rule reads in it.
      const priority = re === ROAD_NO_NUMBER ? P_FORMAT + 1 : re === INTERSECTION ? P_FORMAT + 2 : P_FORMAT - 2;
      out.push({ start, end: start + v.length, kind: 'address', priority });
    }
  }
  for (const m of allMatches(TYPE_FIRST, text)) {
    houseAt.add(m.index);
    const name = m[2] ?? '';
    const capital = /^[A-Z]/.test(name) || /^[A-Z]/.test((m[0] ?? '').slice((m[1] ?? '').length).trim());
    const cued = ADDRESS_CUE.test(text.slice(Math.max(0, m.index - 30), m.index));
    // "Calle", "Avenida", "Camino" only name streets: the words after them may be everyday ones ("Avenida Central").
    const foreignType = /\b(?:calle|avenida|camino|rue|rua|paseo|carrera|carretera|rambla|chemin|strada)\b/i.test(
      m[0] ?? '',
    );
    if (
      (!capital && !cued && !foreignType) ||
      (!foreignType &&
        name.split(/\s+/).some((w) => isVocab(w) && !/^(?:of|the|de|del|la|le|du|da|do|dos|di)$/i.test(w)))
    )
      continue;
    const v = (m[0] ?? '').replace(/[\s,.]+$/, '');
    out.push({ start: m.index, end: m.index + v.length, kind: 'address', priority: P_FORMAT });
    cityAfterStreet(text, m.index + v.length, v === v.toLowerCase(), out);
  }
  for (const m of allMatches(GRID, text)) {
    const v = (m[0] ?? '').replace(/[\s,.]+$/, '');
    out.push({ start: m.index, end: m.index + v.length, kind: 'address', priority: P_FORMAT });
    cityAfterStreet(text, m.index + v.length, v === v.toLowerCase(), out);
  }
  for (const m of allMatches(GENERAL_DELIVERY, text)) {
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'address', priority: P_FORMAT });
    cityAfterStreet(text, m.index + m[0].length, false, out);
  }
  for (const re of [PO_BOX, RURAL]) {
    for (const m of allMatches(re, text)) {
      if (
        /^box/i.test(m[0] ?? '') &&
        !/\b(?:po|p\.o\.|mail|mailing|address|addr)\b[^.]{0,20}$/i.test(text.slice(Math.max(0, m.index - 25), m.index))
      )
        continue;
      out.push({ start: m.index, end: m.index + (m[0] ?? '').length, kind: 'address', priority: P_FORMAT });
      cityAfterStreet(text, m.index + (m[0] ?? '').length, false, out);
    }
  }
  for (const k of allMatches(COUNTY_WORD, text)) {
    const from = Math.max(0, k.index - 70);
    const named = COUNTY_NAME.exec(text.slice(from, k.index));
    if (!named) continue;
    const m = {
      index: from + named.index,
      0: text.slice(from + named.index, k.index + k[0].length),
      1: named[1],
      2: k[1],
    };
    // Keep the name's own words: drop "lives in", "the", "rural" before it.
    // The county's own words run back from "County" to a stop word, a street word or a lower-case word.
    const words = allMatches(/\S+/g, m[1] ?? '');
    const capital = /^[A-Z]/.test(m[2] ?? '');
    let skip = words.length;
    while (skip > 0 && words.length - skip < 3) {
      const w = words[skip - 1]?.[0] ?? '';
      // A street word ends the name only behind it ("Stillwater Avenue Apache County"; "Pike County" is one).
      if (
        NOT_COUNTY.test(w) ||
        FUNCTION_WORDS.has(w.toLowerCase()) ||
        (STREET_WORD.test(w) && skip < words.length && !/^st\.?$/i.test(w)) ||
        // "… verdes st Matanuska-Susitna Borough": "st" after a word ends a street; "in St. Lucie County" starts a name.
        (/^st$/i.test(w) &&
          skip >= 2 &&
          !NOT_COUNTY.test(words[skip - 2]?.[0] ?? '') &&
          !FUNCTION_WORDS.has((words[skip - 2]?.[0] ?? '').toLowerCase()))
      )
        break;
      if (capital && !/^[A-Z]/.test(w)) break;
      skip--;
    }
    const name = words.slice(skip).map((w) => w[0]);
    if (name.length === 0) continue;
    // "Co" alone is also a company ("Acme Co"): a listed place, or a residence word before it.
    if (
      /^co$/i.test(m[2] ?? '') &&
      !isPlace(name.join(' ')) &&
      !PLACE_CUE.test(text.slice(Math.max(0, m.index - 40), k.index + k[0].length + 12))
    )
      continue;
    const start = m.index + (words[skip]?.index ?? 0);
    out.push({ start, end: m.index + (m[0] ?? '').length, kind: 'address', priority: P_FORMAT });
  }
  for (const m of /[a-z][ \t]+[A-Z]{2}\b/.test(text) ? allMatches(CITY_STATE_BARE, text) : []) {
    const town = m[1] ?? '';
    const words = town.split(/[ -]/);
    if (words.some((w) => isVocab(w) || FUNCTION_WORDS.has(w.toLowerCase()))) continue;
    const listed = isPlace(town);
    if (!listed && words.some((w) => isEnglishWord(w) || isCommonWord(w))) continue;
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    if (/\b(?:dr|doctor|prof|by|per|attending)\.?\s+$/i.test(before)) continue;
    const cued = TOWN_PREP_BEFORE.test(before);
    // "Smith MD", "Jones PA": a credential reads the same; there the town must be one the lists know.
    const credential = /^(?:MD|PA|DO|NP|RN|ND)$/.test(m[2] ?? '');
    if (
      credential
        ? !listed && !(cued && words.every((w) => foreign(w.toLowerCase())))
        : !listed && !cued && !words.every((w) => foreign(w.toLowerCase()))
    )
      continue;
    out.push({ start: m.index, end: m.index + town.length, kind: 'address', priority: P_CONTEXT - 5 });
  }
  for (const m of allMatches(CITY_STATE, text)) {
    const words = (m[1] ?? '').split(/[ -]/);
    if (townVocab(words)) continue;
    // A city in capitals ("SPRINGFIELD, IL 62704") could be an acronym ("CHF, MD aware"): it needs a ZIP
    // or a state written out, and four letters.
    if (/^[A-Z]{3}/.test(m[1] ?? '') && ((!(m[3] ?? '') && (m[2] ?? '').length === 2) || (m[1] ?? '').length < 4))
      continue;
    // Two-letter states collide with words (PA, MD, OR, IN, ME): need a ZIP or a clause end.
    const after = text.slice(m.index + (m[0] ?? '').length, m.index + (m[0] ?? '').length + 3);
    if (!(m[3] ?? '') && (m[2] ?? '').length === 2 && !/^\s*(?:$|[,;.)!?\n])/.test(after)) continue;
    out.push({ start: m.index, end: m.index + (m[1] ?? '').length, kind: 'address', priority: P_CONTEXT });
    if (m[3] ?? '') {
      const zs = m.index + (m[0] ?? '').length - (m[3] ?? '').length;
      out.push({ start: zs, end: zs + (m[3] ?? '').length, kind: 'zip', priority: P_LABELLED });
    }
  }
  for (const m of allMatches(TOWN_FIELD, text)) {
    // The field's value up to a comma or the line's end; a state or ZIP after it is not the town.
    const words = (m[1] ?? '').split(/[ ]/);
    const keep: string[] = [];
    for (const w of words) {
      if (STATE_ANYCASE.test(w.replace(/\.$/, '')) && keep.length) break;
      if (FUNCTION_WORDS.has(w.toLowerCase()) || (isVocab(w) && !isPlace(w)) || isEnglishWord(w)) break;
      keep.push(w.replace(/\.$/, ''));
    }
    const v = keep.join(' ');
    if (v.length < 3) continue;
    const vs = m.index + (m[0] ?? '').length - (m[1] ?? '').length;
    const county =
      /county|parish/i.test(m[0] ?? '') && /^\s+(?:County|county|Parish|parish)\b/.exec(text.slice(vs + v.length));
    out.push({ start: vs, end: vs + v.length + (county ? county[0].length : 0), kind: 'address', priority: P_CONTEXT });
  }
  for (const m of allMatches(TOWN_AREA, text)) {
    const town = m[1] ?? '';
    const cued =
      /^(?:in|from|near|around|of)\s/i.test(m[0]) ||
      /^\s+resident/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 10));
    if (!cued || town.split(/[ -]/).some((w) => isVocab(w) || (isEnglishWord(w) && !isPlace(town)))) continue;
    const ts = m.index + m[0].length - town.length - ' area'.length;
    out.push({ start: ts, end: ts + town.length, kind: 'address', priority: P_CONTEXT - 5 });
  }
  for (const m of allMatches(TOWN_STATE_NAME_LOWER, text)) {
    const t = townWords((m[1] ?? '').split(' '));
    if (!t.length) continue;
    const v = t.join(' ');
    const vs = m.index + (m[1] ?? '').length - v.length;
    out.push({ start: vs, end: vs + v.length, kind: 'address', priority: P_CONTEXT - 5 });
  }
  for (const re of [CITY_STATE_ZIP, CITY_STATE_LOWER, CITY_STATE_AP, CITY_STATE_LOWER_ABBR, TOWN_OF]) {
    for (const m of allMatches(re, text)) {
      const city = m[1] ?? '';
      if (townVocab(city.split(/[ -]/))) continue;
      const cs = m.index + (m[0] ?? '').indexOf(city);
      out.push({ start: cs, end: cs + city.length, kind: 'address', priority: P_CONTEXT });
      if (m[2]) {
        const zs = m.index + (m[0] ?? '').length - m[2].length;
        out.push({ start: zs, end: zs + m[2].length, kind: 'zip', priority: P_LABELLED });
      }
    }
  }
  for (const m of allMatches(ZIP5, text)) {
    // "mobile 07700 900123": five digits that run on into six more are a phone number's first group.
    if (houseAt.has(m.index) || /^[ \t]\d{6}(?!\d)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8)))
      continue;
    const before = text.slice(Math.max(0, m.index - 45), m.index);
    const lower = STATE_LOWER_BEFORE_ZIP.exec(before);
    const town = TOWN_COMMA_BEFORE_ZIP.exec(before);
    let hit =
      STATE_BEFORE_ZIP.test(before) ||
      (lower !== null && !FUNCTION_WORDS.has((lower[1] ?? '').toLowerCase())) ||
      COUNTY_BEFORE_ZIP.test(before);
    // "Dayton, oh 45402": the town before a state in lower case.
    const lw = lower?.[1] ?? '';
    if (lower && /^[A-Z][a-z]/.test(lw) && !isVocab(lw)) {
      const ls = m.index - before.length + lower.index;
      out.push({ start: ls, end: ls + lw.length, kind: 'address', priority: P_CONTEXT - 5 });
    }
    if (!hit && town && !(town[1] ?? '').split(/[ -]/).some((w) => isVocab(w) || isEnglishWord(w))) {
      const ts = m.index - before.length + town.index;
      out.push({ start: ts, end: ts + (town[1] ?? '').length, kind: 'address', priority: P_CONTEXT });
      hit = true;
    }
    // "lives in 21702", "moved from 21702", "in the 21702 area".
    if (
      !hit &&
      m[0].length === 5 &&
      (ZIP_AS_PLACE_BEFORE.test(before) ||
        (/\bin\s+the\s+$/i.test(before) && ZIP_AS_PLACE_AFTER.test(text.slice(m.index + 5, m.index + 12))))
    )
      hit = !NUMBER_UNIT_AFTER.test(text.slice(m.index + 5, m.index + 16));
    if (!hit) {
      const listed = TOWN_BEFORE_ZIP.exec(before);
      const words = (listed?.[1] ?? '').split(' ');
      for (let w = 0; listed && w < words.length; w++) {
        const cand = words.slice(w).join(' ');
        if (cand.length < 4 || !isPlace(cand)) continue;
        const ts = m.index - before.length + (listed.index ?? 0) + (listed[1] ?? '').length - cand.length;
        out.push({ start: ts, end: ts + cand.length, kind: 'address', priority: P_CONTEXT - 5 });
        hit = true;
        break;
      }
    }
    if (!hit) continue;
    // The town before the state: "Kewaskum WI 53040", "kewaskum wi 53040".
    const back = TOWN_BEFORE_STATE.exec(before);
    const townBack = back ? townWords((back[1] ?? '').split(/ /)) : [];
    if (back && townBack.length) {
      const v = townBack.join(' ');
      const ts = m.index - before.length + back.index + (back[1] ?? '').length - v.length;
      out.push({ start: ts, end: ts + v.length, kind: 'address', priority: P_CONTEXT - 6 });
    }
    // ZIP+4 written with a space ("97201 1234") once the five digits are known to be a ZIP.
    const plus4 = m[0].length === 5 ? /^ \d{4}(?![\w-]|\.\d)/.exec(text.slice(m.index + 5, m.index + 11)) : null;
    out.push({
      start: m.index,
      end: m.index + 5 + (plus4 ? 5 : 0) + (m[0].length - 5),
      kind: 'zip',
      priority: P_LABELLED,
    });
  }
  for (const m of allMatches(ZIP_BEFORE_TOWN, text)) {
    // "30562 Kuhio Cir Frederick WA": five digits starting a street line are its house number.
    if (houseAt.has(m.index)) continue;
    const town = m[2] ?? '';
    if (town.split(/[ -]/).some((w) => isVocab(w) || (isEnglishWord(w) && !isPlace(town)))) continue;
    const zs = m.index;
    out.push({ start: zs, end: zs + (m[1] ?? '').length, kind: 'zip', priority: P_LABELLED });
    const ts = m.index + m[0].indexOf(town, (m[1] ?? '').length);
    out.push({ start: ts, end: ts + town.length, kind: 'address', priority: P_CONTEXT });
  }
  for (const re of [STATE_LOWER_AFTER_TOWN, RESIDENT_AFTER_TOWN]) {
    for (const k of allMatches(re, text)) {
      const back = TOWN_BACK.exec(text.slice(Math.max(0, k.index - 40), k.index));
      if (!back) continue;
      const words = (back[1] ?? '').split(' ');
      const townEnd = k.index;
      // "a Chetek resident", "Chetek area resident": a capitalised word no list knows before "resident".
      const lastWord = words[words.length - 1] ?? '';
      if (
        re === RESIDENT_AFTER_TOWN &&
        /^[A-Z][a-z]{2,}$/.test(lastWord) &&
        foreign(lastWord.toLowerCase()) &&
        !isVocab(lastWord)
      ) {
        out.push({ start: townEnd - lastWord.length, end: townEnd, kind: 'address', priority: P_CONTEXT - 5 });
        continue;
      }
      for (let w = 0; w < words.length; w++) {
        const cand = words.slice(w).join(' ');
        if (cand.length < 3 || !isPlace(cand)) continue;
        out.push({ start: townEnd - cand.length, end: townEnd, kind: 'address', priority: P_CONTEXT - 5 });
        break;
      }
    }
  }
  for (const m of allMatches(STREET_NUMBER_AFTER, text)) {
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'address', priority: P_FORMAT });
  }
  for (const re of [POSTCODE_CA, POSTCODE_UK]) {
    for (const m of allMatches(re, text)) {
      if (!/\d[A-Z]/.test(m[0]) || /^(?:CD|IL|HLA|ICD|COVID)\d|^E\dV\dM\d$/.test(m[0])) continue;
      out.push({ start: m.index, end: m.index + m[0].length, kind: 'zip', priority: P_FORMAT });
    }
  }
  for (const m of allMatches(POSTCODE_FIRST, text)) {
    const town = m[2] ?? '';
    if (town.split(/[ -]/).some((w) => isVocab(w) || isEnglishWord(w))) continue;
    const zs = m.index + (m[0] ?? '').indexOf(m[1] ?? '');
    out.push({ start: zs, end: zs + (m[1] ?? '').length, kind: 'zip', priority: P_CONTEXT });
    const ts = m.index + (m[0] ?? '').length - town.length;
    out.push({ start: ts, end: ts + town.length, kind: 'address', priority: P_CONTEXT });
  }
  for (const m of allMatches(ZIP4, text)) {
    if (/\b(?:ndc|lot|ref|cat|model|part)\b\W*$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'zip', priority: P_FORMAT });
  }
  for (const m of allMatches(ZIP_LABEL, text)) {
    const zs = m.index + (m[0] ?? '').length - (m[1] ?? '').length;
    out.push({ start: zs, end: zs + (m[1] ?? '').length, kind: 'zip', priority: P_LABELLED });
  }
  for (const m of allMatches(PLACE_PREP, text)) {
    const window = text.slice(Math.max(0, m.index - 60), m.index) + (m[0] ?? '');
    const strong = PLACE_CUE.test(window);
    if (!strong && !PLACE_CUE_CAP.test(window)) continue;
    const clause = window.slice(lastBreak(window) + 1);
    const weak = !strong || !PLACE_CUE.test(clause);
    if (weak && !(PLACE_CUE_CAP.test(clause) && /^[A-Z]/.test(text.slice(m.index + (m[0] ?? '').length)))) continue;
    const prep = (m[1] ?? '').toLowerCase();
    const before = clause.slice(0, clause.length - (m[0] ?? '').length);
    if (prep === 'to' && !/\b(?:moved|moving|relocated|relocating|drives|drove|commutes?|home)\b/i.test(before))
      continue;
    if (prep === 'of' && !/\b(?:resident|residents|native|outside)\s*$/i.test(before)) continue;
    const start = m.index + (m[0] ?? '').length;
    const end = placeAfter(text, start);
    if (end <= start) continue;
    const place = text.slice(start, end);
    // A state, a country or a language alone is allowed ("from Texas", "from Haiti").
    if (/^[A-Za-z]+$/.test(place) && isVocab(place) && !isPlace(place)) continue;
    if (STATE_ANYCASE.test(place)) continue;
    // "pt in resus 3", "in bay 12": a place with a number after it is a room.
    if (/^\s*#?\d{1,4}\b/.test(text.slice(end, end + 6))) continue;
    out.push({ start, end, kind: 'address', priority: P_CONTEXT - 5 });
    zipAfter(text, end, out);
  }
}
