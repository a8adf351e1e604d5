// Clinical vocabulary for corpus2: words a detector must leave alone. Eponyms are people's names but
// never the patient's; drugs, devices, vendors, wards, roles, scores and codes carry the clinical meaning.
// Written for corpus2 alone (not drawn from the development corpus's lexicon). Lists are packed as
// '|'-separated strings so they stay readable at the formatter's line width.

/** 'a|b|c' → ['a', 'b', 'c'] */
export const words = (packed: string): string[] => packed.split('|');

export const EPONYMS = words(
  "Graves'|Graves disease|Swan-Ganz|Parkinson's|Parkinson disease|Foley|Crohn's|Addison's|Cushing's|" +
    "Hashimoto's|Hodgkin's|non-Hodgkin lymphoma|Bell's palsy|Guillain-Barré|Guillain-Barre|" +
    'Kussmaul breathing|Cheyne-Stokes|Trendelenburg|reverse Trendelenburg|Heimlich|Allen test|' +
    "Murphy's sign|McBurney's point|Romberg|Babinski|Apgar|Braden score|Morse fall score|" +
    "Glasgow coma scale|Wells score|Mallampati|Lachman|Tinel's sign|Phalen's test|Kernig's sign|Whipple|" +
    "Nissen fundoplication|Roux-en-Y|Hartmann's pouch|Billroth II|Jackson-Pratt drain|Penrose drain|" +
    'Hickman line|Broviac|Groshong|Port-a-Cath|Pleur-evac|Sengstaken-Blakemore tube|Yankauer|Ambu bag|' +
    'Bair Hugger|Coudé catheter|Malecot|Dobhoff tube|Ommaya reservoir|Tenckhoff catheter|' +
    "Quinton catheter|Impella|Alzheimer's|Huntington's|Wilson's disease|Raynaud's|Sjögren's|" +
    "Kawasaki disease|Ménière's|Stevens-Johnson|Wernicke|Korsakoff|Mallory-Weiss tear|Barrett esophagus|" +
    'Brugada pattern|Wolff-Parkinson-White|Mobitz II|Wenckebach|Osborn waves|Virchow triad|Hickam|' +
    'Cullen sign|Grey Turner sign|Chvostek|Trousseau sign|Homans sign|Levine sign|Austin Flint murmur|' +
    'Korotkoff|Valsalva|Epley maneuver|Dix-Hallpike|Seldinger technique|Bishop score|Ranson criteria|' +
    'Child-Pugh|MELD|Duke criteria|Centor|Caprini score|Richmond agitation scale|Ramsay scale|Fick|' +
    'Frank-Starling|Starling|Doppler|Holter monitor|Gram stain|Ziehl-Neelsen|Coombs test|Westergren|' +
    'Schilling|Pap smear|Denver shunt|Blakemore|Minerva brace|Thomas splint|Buck traction|' +
    'Colles fracture|Smith fracture|Monteggia|Galeazzi|Salter-Harris II|Baker cyst|Dupuytren|' +
    'Osgood-Schlatter|Legg-Calvé-Perthes|Charcot foot|Marfan|Turner syndrome|Down syndrome|Tourette|' +
    'Asperger|Lewy body|Creutzfeldt-Jakob|Takotsubo|Prinzmetal|Kaposi sarcoma|Burkitt|Ewing sarcoma|' +
    'Wilms tumor|Pancoast|Klatskin|Krukenberg|Zenker',
);

export const DRUGS = words(
  'heparin|enoxaparin|apixaban|rivaroxaban|warfarin|vancomycin|pip-tazo|piperacillin-tazobactam|' +
    'cefepime|ceftriaxone|meropenem|metoprolol|labetalol|hydralazine|furosemide|bumetanide|' +
    'insulin glargine|insulin lispro|ondansetron|hydromorphone|oxycodone|acetaminophen|ketorolac|' +
    'dexmedetomidine|propofol|norepinephrine|vasopressin|phenylephrine|amiodarone|diltiazem|' +
    'levetiracetam|lorazepam|haloperidol|quetiapine|pantoprazole|KCl|mag sulfate|albuterol|ipratropium|' +
    'prednisone|methylprednisolone|tacrolimus|Lovenox|Eliquis|Xarelto|Zosyn|Lasix|Dilaudid|Tylenol|' +
    'Toradol|Precedex|Levophed|Keppra|Ativan|Haldol|Seroquel|Protonix|Narcan|naloxone|Bactrim|Augmentin|' +
    'Flagyl|metronidazole|Cipro|Zofran|Reglan|Coumadin|Plavix|Brilinta|Entresto|Jardiance|Ozempic|' +
    'Trulicity|metformin|gabapentin|Neurontin|nicardipine|clevidipine|TPA|alteplase|TXA|Kcentra|' +
    'vitamin K|D50|dextrose 10%|lactated Ringer|normal saline|albumin 25%|PRBCs|FFP|cryo|Humalog|Lantus|' +
    'Solu-Medrol|Decadron|dexamethasone|fentanyl|morphine|ketamine|rocuronium|succinylcholine|sugammadex',
);

export const DOSES = words(
  '5 mg|2.5mg|40 mEq|20 meq|1 g|4.5 g|0.5 mg|12.5 mg|25mcg|50 mcg/hr|0.1 mcg/kg/min|2 units|8 units|' +
    '10u|1 L|500 mL|250ml|125 mL/h|75 ml/hr|1.5 mg/kg|15 mL|650 mg|1000mg|30 mg|0.4 mg|3 mL|2 puffs|' +
    '1 tab|2 tabs|100 mg|80 mg',
);
export const ROUTES = words('IV|PO|SQ|subq|IM|PR|SL|via NG|per G-tube|inhaled|IVPB|IV push');
export const FREQ = words('q6h|q4h prn|BID|TID|daily|qHS|q8h|x1|stat|once|q12h|qAM|PRN');

export const DEVICES = words(
  'Pyxis|Omnicell|Vocera badge|Alaris pump|Sigma Spectrum|Baxter pump|Medtronic|Dexcom G7|' +
    'FreeStyle Libre|Tandem t:slim|Omnipod|Masimo|Philips IntelliVue|GE Carescape|Hill-Rom bed|' +
    'Stryker bed|Haiku|Rover|Epic|Cerner|PowerChart|Hyperspace|MyChart|Kronos|UpToDate|Lexicomp|Teams|' +
    'Imprivata|Citrix|the Zebra printer|the BCMA scanner|the WOW|the COW|glucometer|the bladder scanner|' +
    'Sage wipes|PICC|midline|art line|central line|trach|PEG|NG tube|chest tube|BiPAP|HFNC|vent|LVAD|' +
    'wound vac|SCDs|telemetry box|K-pad',
);

export const WARDS = words(
  '4 West|5N|6 East|MICU|SICU|CVICU|PACU|L&D|the ED|obs|step-down|tele|med-surg|NICU|PICU|onc|ortho|' +
    'neuro ICU|the burn unit|rehab|inpatient psych|pod B|pod C|fast track|triage|the cath lab|IR|endo|' +
    'dialysis|pre-op|day surgery|7 South|3W',
);

export const ROLES = words(
  'charge nurse|hospitalist|resident|intern|attending|RT|PT|OT|SLP|pharmacist|case manager|social work|' +
    'nurse manager|house sup|rapid response|night float|the fellow|NP|PA|CNA|tech|unit clerk|transport|' +
    'EVS|IT|the help desk|informatics|the educator|wound care RN|chaplain',
);

export const LABS: readonly (() => string)[] = [
  () => 'K 3.1',
  () => 'k 5.9',
  () => 'Na 128',
  () => 'Cr 2.4',
  () => 'BUN 44',
  () => 'INR 2.6',
  () => 'Hgb 6.8',
  () => 'hgb 7.9',
  () => 'plt 42',
  () => 'WBC 17.3',
  () => 'lactate 4.1',
  () => 'trop 0.08',
  () => 'BNP 1430',
  () => 'A1c 9.2',
  () => 'glucose 41',
  () => 'BG 388',
  () => 'Mg 1.4',
  () => 'phos 1.9',
  () => 'TSH 0.01',
  () => 'ammonia 88',
  () => 'lipase 1200',
  () => 'pH 7.21',
  () => 'pCO2 61',
  () => 'ABG 7.28/58/66',
  () => 'BMP 138/4.2/101/24/18/1.1',
  () => 'CK 2310',
  () => 'ferritin 1010',
  () => 'D-dimer 3.42',
  () => 'procal 2.7',
  () => 'vanc trough 22',
  () => 'anion gap 19',
  () => 'eGFR 28',
];
export const VITALS = words(
  'BP 168/94|bp 82/50|MAP 58|HR 124|hr 38|RR 28|SpO2 86%|sat 91% on 4L|T 38.9|temp 101.3|pain 8/10|' +
    'pain 3/10|GCS 9|gcs 14|CIWA 21|COWS 12|RASS -2|CAM positive|NIHSS 7|strength 4/5|Apgars 8/9|' +
    'MoCA 19/30|Braden 12|Morse 65|PHQ-9 18|FiO2 60%|PEEP 10|UOP 20/hr',
);
export const TIMES = words(
  '0700|1900|0300|2330|7:30|19:45|3am|11 pm|noon|midnight|at shift change|0645|around 1400|by 1600|' +
    'q15min|for 40 min|in 2 hrs|x3 days|POD 2|hospital day 6|last night',
);
export const ROOMS = words(
  'room 4120|rm 512B|bed 12|bay 3|bed 7A|room 3-214|B-14|pod C bed 7|hall bed 2|rm 22|isolation room 9|' +
    'bed 31|room 618|chair 4|trauma bay 1|resus 2|room 1102',
);
export const CODES = words(
  'CPT 99223|CPT 93306|99291|74177|ICD-10 N18.4|I50.23|E11.65|J96.01|HCPCS J1885|DRG 871|' +
    'ticket INC0048213|INC0120934|ticket #882104|REQ0033112|ext 4410|x5521|ext. 54410|pager 2231|' +
    'spectra 6612|order set 3307|ESI 2|ASA III|NYHA III|stage 3b|grade 2|Mallampati 3',
);
/** Numbers that look like identifiers and are not: product, bin, ratio, volume, interval. */
export const TRAPS = words(
  'NDC 0409-4888-02|Pyxis bin 12-4-3|weight 82.4 kg|I&O +1.2L|EF 25-30%|QTc 512|12-lead|2/2 bottles|' +
    '3/6 sets of cultures|1:1 sitter|ratio 4:1|turns q2h|room 4-112|order #5521|rate 0.05 mcg/kg/min|' +
    'tidal volume 450|Na 128 -> 134|glucose 212|CVP 14|PA pressures 52/28|line day 9|gauge 18|' +
    '20G in L AC|14 Fr|size 7.5 ETT at 23 cm|NPO after 2359|level 4 trauma|fluid bolus 30 mL/kg|' +
    'SBT 30 min|x2-4410|extension 6-1203|BMI 41.2|CrCl 24|MAP goal > 65',
);
export const AGES_UNDER_90 = [
  '78 yo',
  '64M',
  '89 y/o',
  '52F',
  '33 year old',
  '71-year-old',
  '8 mo',
  '3 wk old',
  '45yo',
  '81 yo F',
];

export const COMPLAINTS = words(
  'the order keeps timing out|the MAR would not refresh|the scanner rejects the wristband|' +
    'BCMA override again|the pump library is outdated|the med rec screen wiped my entries|' +
    'the discharge button is greyed out|the sepsis alert fired twice|' +
    'the handoff tool drops the last line|printing labels takes 5 min|the downtime report was empty|' +
    'cannot find the restraint order|the flowsheet row is missing|the fall risk banner is wrong|' +
    'the I&O totals do not add up|consult order needs a callback number|' +
    'telemetry alarms are not reaching my phone|the isolation sign prints blank|' +
    'pharmacy verify is backed up|the blood consent form will not sign|' +
    'the insulin calculator rounds oddly|the dose range check blocks it|' +
    'the transfer center never called back|bed board shows the wrong status|the lab label printer jammed',
);
export const QUESTIONS = words(
  'is that normal?|how do I escalate?|who do I page for this?|should I hold the next dose?|' +
    'can I override it safely?|any tips?|what is the protocol here?|is there a workaround?|' +
    'do I need a new order?|does anyone know why?|ok to proceed?|who owns this build?',
);

/** Every word of the vocabulary above, lower case: name tokens that collide with it are left out of the pools. */
export function vocabularyWords(): Set<string> {
  const all = [
    ...EPONYMS,
    ...DRUGS,
    ...DOSES,
    ...ROUTES,
    ...FREQ,
    ...DEVICES,
    ...WARDS,
    ...ROLES,
    ...LABS.map((f) => f()),
    ...VITALS,
    ...TIMES,
    ...ROOMS,
    ...CODES,
    ...TRAPS,
    ...AGES_UNDER_90,
    ...COMPLAINTS,
    ...QUESTIONS,
  ];
  return new Set(all.flatMap((s) => s.toLowerCase().split(/[^\p{L}]+/u)).filter(Boolean));
}
