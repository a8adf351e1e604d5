// How US clinical text writes each Safe Harbor kind, family by family, written from how notes, forms
// and messages are typed (not from any evaluation corpus). Each line marks the values it plants as
// [[kind:value]]; the rest of the line is context the detector may use but must not need to be told.
// Shared by the detector's suite (identifiers.formats.shared.test.ts). All values are synthetic.

import type { AttackCase } from './identifiers.attacks';

/** Pattern families, each a list of marked-up lines. */
export const FORMAT_FAMILIES: Record<string, string[]> = {
  'phone with an extension': [
    'phone [[phone:503-555-0142 ext. 214]] after 5',
    'work [[phone:503-555-0142 x214]] leave msg',
    'cb [[phone:503.555.0142 ext 9]]',
    "wife's work line [[phone:(503) 555-0142, ext. 3301]]",
    'call [[phone:1-800-555-0199 extension 4402]] for the pharmacy benefit',
    'records: fax [[fax:503-555-0143 x12]] attn HIM',
  ],
  'phone after "#" or "pager"': [
    "mom's # [[phone:503-555-0142]]",
    'daughter #: [[phone:(503) 555-0142]]',
    'his pager [[phone:503.555.0142]] (he is a trucker)',
  ],
  'dates: month and year, month with a two-digit year, odd separators': [
    's/p CABG [[date:2/2019]] at outside hospital',
    'dx [[date:05/2018]], in remission',
    "last colonoscopy [[date:jan '20]] was normal",
    'MI [[date:March of 2019]]',
    'DOB [[date:Mar-14-1952]]',
    'DOB [[date:14 Mar 52]]',
    'dob [[date:mar 14 52]]',
    'birthdate [[date:03 14 1952]]',
    'DOB [[date:3 / 14 / 1952]]',
    'DOB [[date:52/03/14]]',
    'seen on [[date:Monday, March 3, 2025]] in clinic',
    'seen [[date:thursday 12/4]] by PCP',
    'seen [[date:March the 3rd]] for a rash',
  ],
  'street types of USPS Publication 28 beyond the everyday ones, plurals included': [
    'lives at [[address:4417 Gleichner Bottom]], [[address:Frederick]], MD [[zip:21702]]',
    'Addr: [[address:88 Okonkwo Junctions Apt. 12]]',
    'home [[address:310 Brekke Burg]], [[address:Ames]], IA',
    'lives at [[address:9 Haley Keys]]',
    'mail to [[address:1203 Lindqvist Circles]]',
  ],
  'lower-case full names whose surname is also a trade, a colour or an eponym': [
    'spoke with [[name:james parker]] about dc',
    'for [[name:elizabeth turner]]',
    'daughter [[name:lisa young]] at bedside',
    'called [[name:David Martin]] back',
    'for [[name:Hunt, Elizabeth]]',
  ],
  'names written in another script': [
    'pt [[name:Олег Иванов]] here for f/u',
    'pt [[name:Γιώργος Παπαδόπουλος]] here',
    'daughter [[name:李伟]] at bedside',
    'spoke with [[name:محمد علي]] by phone',
    'pt [[name:राहुल शर्मा]] in bed 3',
    '[[name:สมชาย ใจดี]] in bed 3 asking for water',
    'pt [[name:김민준]] here',
    'pt [[name:田中 太郎]] needs an interpreter',
    'wife [[name:Ольга]] called',
    'pt [[name:Ólafur Þórsson]] arrived',
  ],
  'streets without a house number, crossings, blocks and complexes': [
    'found down at [[address:5th and Main]]',
    'picked up at [[address:Main St & 3rd Ave]]',
    'MVC at [[address:Hwy 41 and County Rd K]]',
    'lives in the [[address:1200 block of Elm St]]',
    'lives on [[address:Elm St]] near the park',
    'lives off [[address:Route 30]]',
    'house on [[address:County Road 12]]',
    'lives on [[address:Old Mill Road]]',
    'lives at the [[address:Riverside Apartments]]',
    'lives at [[address:Oak Terrace Apts]], unit 4',
  ],
  'ZIP codes before their town, as a place, and after a state with odd separators': [
    '[[zip:21702]] - [[address:Frederick]], MD',
    '[[zip:21702]], [[address:Frederick]] MD',
    '[[address:Frederick]] ([[zip:21702]])',
    'lives in [[zip:21702]]',
    'lives in the [[zip:21702]] area',
    '[[address:Frederick]] - [[zip:21702]]',
    '[[address:Frederick]], MD · [[zip:21702]]',
    '[[address:Frederick]] MD ([[zip:21702]])',
    '[[address:Frederick]], Md [[zip:21702]]',
    '[[address:Frederick]], MD: [[zip:21702]]',
    '[[address:Frederick]], MD, USA [[zip:21702]]',
  ],
  'phone and fax numbers after a phone word, whatever their grouping': [
    'ph [[phone:503 55 50 142]]',
    'ph [[phone:503 555 01 42]]',
    'fax [[fax:503 555 01 43]]',
    'call [[phone:503/555/0142]]',
    'call [[phone:(503) 555-01422]] (one digit too many, still hers)',
    'cell [[phone:50-555-0142]]',
    'phone: [[phone:503--555--0142]]',
  ],
  'dates with a misspelt month, glued or year-first, holidays with a year, lists and ranges': [
    'DOB [[date:Febuary 3, 1950]]',
    'seen [[date:Janurary 5]]',
    'adm [[date:Decmber 1, 2025]]',
    'DOB [[date:March14, 1952]]',
    'DOB [[date:14.Mar.1952]]',
    'DOB [[date:1952 Mar 14]]',
    'DOB [[date:1952-Mar-14]]',
    'fell at home [[date:Christmas 2024]]',
    'seen on [[date:3/14 and 3/21]]',
    'admitted [[date:3/14-3/21]] at OSH',
    'inpatient [[date:March 14-16]]',
  ],
  'names with initials, nicknames and aliases, and after a greeting': [
    'pt [[name:N. A. Okafor]] in 4',
    'pt [[name:Okafor N.A.]] in 4',
    'pt [[name:OKAFOR N A]] in 4',
    'pt [[name:Robert "Bobby" Jones]] in 4',
    'pt [[name:Okafor, Ngozi (Nkechi)]]',
    'Hi [[name:Ngozi]], your results are back',
    'Dear [[name:Adaeze]], please call the clinic',
  ],
  'names in a note typed all in capitals': [
    'PT [[name:OKAFOR,NGOZI]] IN BED 4 KEEPS PULLING AT HER LINES, PLEASE ADVISE',
    'SPOKE WITH DAUGHTER [[name:ADAEZE]] RE PLAN OF CARE AND DISPO TODAY',
    'CALLED MRS [[name:OKAFOR]] BACK RE PLAN OF CARE AND DISPO TODAY',
    'SPOKE WITH [[name:NGOZI OKAFOR]] RE PLAN OF CARE AND DISPO TODAY PLEASE',
    'FOR [[name:ZORBLAT QUENFEL]]: RE PLAN OF CARE AND DISPO TODAY PLEASE',
  ],
  'names right before the record number, phone or member ID they go with': [
    '[[name:Leib Katz]] [[phone:920 249 5042]] - no vm set up',
    '[[name:Afolarin Koya]] accession # [[other_id:21CH-162165]] on the transplant list',
    '[[name:MASSAWE, NAKATO]] MRN-[[mrn:E-6687734]] - obs vs inpatient?',
    '[[name:OMANI,COMFORT]] sub ID [[health_plan:770344474 57]] - case mgmt says not covered',
    "[[name:Barin Altinok]] driver's lic [[license:947 674 948]] Texas - scanned",
  ],
  'names before a possessive, after "miss", after a birth date and a comma, before where they sit': [
    "[[name:Niels]]'s aunt keeps calling the desk",
    "rehab wants [[name:Puti]]'s D.O.B. [[date:Jan 7 1978]]",
    "how do i talk to [[name:shufen]]'s fiancée about hospice",
    'miss [[name:amanta]] asked us to move her car',
    'remote monitoring for miss [[name:mahaut arnaud]]: hub offline',
    'dob [[date:Jul 29 1992]], [[name:vu thanh hieu]] - pharmacy label has the wrong birth date',
    'ugh [[name:Khaled]] in chair 4 fell again',
    'resus 3 [[name:Bekdik]] in her 30s, ESRD on HD',
  ],
  'dates with the day in words, and a weekday before an ordinal': [
    'she was born on the [[date:fifth of June, 1950]]',
    'seen [[date:June twenty-first]] in clinic',
    'born [[date:twenty-second of March 1944]]',
    'fell at home on [[date:Sunday the 5th]]',
  ],
  'a national mobile number after a town-like phone word': ['mobile [[phone:07700 900123]]'],
  'a given name and a surname the vocabulary also knows, a lone given name doing what patients do': [
    '[[name:Karen Wilson]] reports pain 6/10',
    'msg from [[name:Thomas Jackson]] re refill',
    '[[name:Elizabeth]] is doing well today',
    '[[name:Sandra]] c/o HA x 3 days',
    '[[name:Ashley]] (pt) says hi',
  ],
  'a town and a state in capitals with no comma, a town after a home or a relative from it': [
    '[[address:Hagerstown]] MD resident',
    'pt is from [[address:Boise]] ID',
    'her apartment in [[address:Hagerstown]] has stairs',
    'daughter from [[address:Boise]] flying in',
  ],
  'a name only a person is moved so, a licence with letters a ticket might have': [
    'brought [[name:Labuh]] back from Fast Track, EtCO2 26',
    'wheeled [[name:Terenc]] down to CT',
    'lic [[license:cs754717]] expired',
  ],
  'short dates after last-known-well, follow-up and "adm.", a two-letter given name, an Arabic particle': [
    'OB triage: f/u [[date:121422]], FiO2 70%',
    'appt [[date:042620]] for a recheck',
    'adm. [[date:11/8]] for syncope',
    'LKW [[date:5/29]], NIHSS 12',
    'pt was seen in clinic [[date:5/1]] and again',
    '[[name:Pa Nhia Xiong]] needs a refill',
    '[[name:Omar al-Rashid]] in 4',
  ],
  'Spanish-language street lines with a numbered street, and Puerto Rico developments': [
    'lives at [[address:Calle 5 de Mayo 234]]',
    'lives at [[address:Calle 13 # 45-67]]',
    'lives at [[address:Carrera 7 No. 12-34]]',
    'lives at [[address:Avenida 16 de Septiembre 1020]]',
    'lives at [[address:Calle Luna #12, Apt 3]]',
    '[[address:Urb. Las Lomas]], [[address:Calle 3 #45]]',
  ],
  'a census pair in lower case between a person\'s "for" and a colon': [
    'remote monitoring for [[name:obianuju, omolara]]: hub offline since noon',
    'ICD sn [[device:NG4195345H]] for [[name:mariz, margarida]]: battery ERI',
    'ob triage: [[name:tamang]], discharged yesterday, peep 14',
  ],
  'ages hyphenated or after "she\'s" or set off by commas, a record number after "medical record" alone': [
    '[[age:93-y-o]] woman with CHF',
    "she's [[age:93]] and sharp",
    'pt, [[age:93]], with CHF',
    'medical record [[mrn:482 911 300]]',
    'medical record [[mrn:4829113]]',
  ],
  'the town after a street line: after "in", in lower case, or with no comma before it': [
    'staying at her place at [[address:360 W Kingfisher Court Unit 21]] in [[address:Pocatello]]. strength 4/5',
    "staying at dad's place at [[address:36988 elk ridge ct]] in [[address:barstow]]",
    'lives at [[address:1423 Maple Ave.]] in [[address:Frederick]]',
    'lives alone at [[address:52 s. ala moana row]], [[address:klamath falls]]; still drives',
    '[[address:30562 NE Kuhio Cir]] [[address:Fall River]] WA [[zip:65835]]',
    '[[address:30562 Kuhio Cir]] [[address:Frederick]] WA [[zip:65835]]',
  ],
  'towns that open with a compass word or a place word (North, Port, Lake, Mount, Fort, St.)': [
    'from [[address:East Jonathanfort]], OR',
    '[[address:South Bernardoton]], NV [[zip:89101]]',
    'lives in [[address:St. Paul]], MN',
    '[[address:Port Quenby]], WA [[zip:98362]]',
    'moved to [[address:Lake Theresaview]], MN',
    '[[address:Mt. Quenby]], PA [[zip:15666]]',
    'lives in [[address:West Kuhicstad]] WI [[zip:53040]]',
  ],
  'names after the shorthand "w/"': [
    'talked w/ [[name:zorvan quellick]] about dc',
    'spoke w/ [[name:Tesfanesh Quellick]] re plan',
  ],
  'given names that end like a drug class (Punjabi -vir, Yoruba -arin), and census pairs with two surnames': [
    'redraw for [[name:Sukhvir]], can we share updates there?',
    'portal invite bounced for [[name:Jasvir Quellick]]',
    '[[name:Afolarin Quellick]] brought her pump',
    'scanned into the wrong chart ([[name:Matos Quellick,Zorvan T]])',
    'face sheet: [[name:Urbina Quellick, Zorvan B]], 18 Elm St',
  ],
  'a compact birth date given in brackets after the name it checks': [
    'pt identified by name and DOB ([[name:Zorvan Quellick]], [[date:040593]]) before morphine given',
    'two identifiers: name and dob ([[name:arash amiri]], [[date:10221990]])',
  ],
};

/** Identifier-free clinical lines that look like the families above and must stay unflagged. */
export const CLEAN_LOOKALIKES: string[] = [
  'pain 7/10, BP 150/90, strength 4/5, dilute 1/2000 in NS',
  // Eponyms of two names side by side read as "First Last": they are not a patient.
  'Arnold Chiari malformation on MRI; Austin Flint murmur; Bence Jones proteins positive',
  'Reed Sternberg cells; Howell Jolly bodies; Kayser Fleischer rings; Frank Starling mechanism',
  'Budd Chiari on doppler; Crigler Najjar type 2; Marcus Gunn pupil; Sister Mary Joseph nodule',
  'Child Pugh class B, Tay Sachs carrier, Churg Strauss, Ehlers Danlos, Dix Hallpike positive',
  'Привет, note in Russian: пациент стабилен; interpreter for 中文; speaks 한국어; (العربية) at bedside',
  'αβ blockers, β-agonist, γ-GT 45, Δ change, μg/kg',
  'on Lasix and Coreg; at 3 and 4 pm; near 2 and 3 West',
  'call 911; phone the lab re 3 tubes; call back in 10 min, 2 units; cell count 12 500',
  'Mar is reviewed; pain 7/10 and 3/10; BP 150/90, 140/80; Christmas party for staff; 12 and 14 mg',
  'MWANGI is not here; D.O.B. missing on the form; Hi team, dear all, hello night shift',
  // A note typed in capitals: capitals say nothing about names there.
  'GLENN SHUNT AND HARRINGTON RODS NOTED; PATRICK TEST NEG; PSEUDOMONAS AERUGINOSA IN SPUTUM',
  'PARKINSON DISEASE, ON CARBIDOPA LEVODOPA; GOLYTELY PREP; SOLU MEDROL 125; EWING SARCOMA HX',
  'lives in fear of 10000 steps; from 12000 to 15000 units; Md 2 saw him',
  'lives at home; 2 falls this week; 3 drives a day to dialysis; 12 lead views reviewed',
  'call pharmacy at ext 4402 or x3021 about the Pyxis, pager 4417, ticket # 555-0142, chaplain ext 7-1971',
  // An implant record or a diagnosis before a comma and a word is not a census "Last, First".
  'Implant record: ICD, SN on the device card; admitted for urosepsis, discharged to home with guardian',
  'pt did not miss doses this week, will not miss dialysis; I miss lovenox teaching; miss appointments often',
  "the patient's photo is on the chart; nurse's list; Lasix in chair 4 is due; Pyxis in pod A; Hospice in his home",
  'you may first try the cream; the second of three sons; fifth of vodka daily; Monday the team meets',
  'Jackson Pratt drain removed; Thomas splint applied; Tommy John surgery; Graves disease; Bell palsy',
  'seen by Smith MD today; Dr Okafor MD; house in disarray; her apartment in the basement; son from out of town',
  'brought Lasix back from pharmacy; took Pyxis down for repair; sent Vocera back to IT; ticket CS754717',
  'f/u 2 weeks; appt 30 min; LKW 2 hours ago; adm. 3 units; pain 5/10 at f/u; appt 1/2 day; seen by PA Smith',
  'calle 5 minutes away; camino 2 1/2 miles; sector 4 is busy; Sector General Hospital; paseo 3 days',
  'sitter for rhabdo, etoh: needs one; plan for sepsis, aki: fluids; triage: sepsis, lactate 4',
  "she's 98.6 F; he's 99% sure; pt, 95% on RA; medical records requested; Medi-Cal pending",
  'lives at home in the country; 12 Oak St fall risk signage is up; took a 2 hr drive in the snow',
  'pt lives w/ wife; d/c w/ home health; w/ Lasix and Coreg; seen w/ PT and OT; Factor II, Factor V Leiden, Type III',
  'redraw for oseltamivir; asked for acyclovir; for warfarin reversal; per heparin protocol; on ribavirin',
  'wrong chart (Heme Onc, Zosyn T) noted; Medi-Cal Blue, Shield A pending; Lasix Coreg, Norco X',
  'verified name and DOB (per band, 2 identifiers) before blood; DOB (see chart, 123456 is the order #) pending',
  'North wing, OR 3 is open; South tower, MD aware; East campus, PA student; New onset, OK per MD',
];

const MARK = /\[\[(\w+):(.*?)\]\]/g;

/** One case per marked value: the text without markup, and where the value sits. */
export function formatCases(): AttackCase[] {
  const out: AttackCase[] = [];
  for (const [family, lines] of Object.entries(FORMAT_FAMILIES)) {
    for (const line of lines) {
      const spans: Array<{ kind: string; start: number; end: number }> = [];
      let text = '';
      let last = 0;
      for (const m of line.matchAll(MARK)) {
        text += line.slice(last, m.index);
        spans.push({ kind: m[1] ?? '', start: text.length, end: text.length + (m[2] ?? '').length });
        text += m[2] ?? '';
        last = m.index + m[0].length;
      }
      text += line.slice(last);
      for (const s of spans) out.push({ kind: s.kind, trick: family, text, start: s.start, end: s.end });
    }
  }
  return out;
}
