// Words that look like names or places but, in a clinician's note, are not the
// patient's: eponyms, drugs, products and vendors, staff roles, units, months
// and weekdays, and plain English words. The detector uses them to veto a
// candidate name or city that has no strong cue (a title, a relation word, a
// DOB after it). All lower case.

import { isEverydayName } from './phi-names';

const words = (s: string): string[] => s.trim().split(/\s+/);

/** Grammatical words and very common verbs: never part of a name or a street. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  words(`
a an the this that these those there here it its it's i i'm me my we us our you your he him his she her they them their
who whom whose which what when where why how is am are was were be been being do does did done doing have has had having
will would shall should can could may might must not no nor yes and or but if then than so as at by for from in into of off
on onto out over to too up down with within without via per about above after again against all any both each few more most
other some such only own same just also very once during before below between through under until while because
says said say told tell tells asked asks ask wants want wanted keeps keep kept calls called call calling came come comes
gets got get gave give gives goes went go going lives lived live living needs need needed states stated reports reported
refuses refused refusing fell falls fall has is was still now again already never always ever even please thanks thank
ok okay hi hello hey re fyi pls per vs etc eg ie aka abt bc thru thx tho plz w/ w/o
`),
);

/** Plain English words that are also given names or surnames (will, rose, hope, park). */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  words(`
will may june april august art bill bob rob mark grant rose lily hope faith joy grace dawn sue pat chase lane page rich
gay young long king white brown green black gray grey wood woods stone hill hills lake park rice bell ball hall lee love day
best price cook hunt ward west north south east little small short strong hardy early moody sharp swift wise noble
rush low bliss story summer winter autumn spring storm rain snow sky river brook cliff dale glen heath moss reed
ray jay guy max don dean frank earnest ernest miles major may will sunny star angel candy ginger honey holly ivy
jade ruby pearl amber crystal destiny harmony melody patience prudence charity constance trinity justice liberty
royal king queen prince princess duke earl baron knight bishop pope chance carter mason porter cooper baker fisher
hunter shepherd walker turner miller taylor smith barber butler chandler fuller gardener glover mercer parker sawyer
slater tanner thatcher weaver wright booker cash child church cross field ford gates golden good hale hart hawk
hay head holmes hood hope house jewel keys lamb land law light lord lovett mann march marsh mayer mead moon more
morning nash new nice north oak oaks paine pink plant pool pope post power pride read reading rock rose rowe
sage salt sands savage scott sharp short silver sims snow sparks spear speed stamp steel steele stout street
sweet swift temple thorn tower town trim troy vail vale wade wall walls waters webb well wells west wheeler
whitehead wild wills wing winters wolf wolfe wood worth young rn md do np pa ed al art doc hank jack jean bud
sonny buddy baby sis bro honey dear nurse doctor son sister brother mom dad mother father
`),
);

/** Eponyms, drugs, devices, products, vendors, roles, units, calendar words. */
export const CLINICAL_VOCAB: ReadonlySet<string> = new Set(
  words(`
parkinson parkinson's alzheimer alzheimer's huntington huntington's foley glasgow braden swan ganz swan-ganz whipple hodgkin
hodgkin's cushing cushing's addison addison's graves crohn crohn's bell bell's hickman jackson-pratt jackson pratt morse wells
beers valsalva lyme apgar babinski kernig brudzinski murphy murphy's mcburney trendelenburg fowler fowler's sims allen allen's
romberg homan homan's homans levine pfannenstiel kussmaul cheyne stokes cheyne-stokes korsakoff wernicke wernicke's broca
guillain barre guillain-barre kawasaki raynaud raynaud's sjogren sjogren's tourette tourette's asperger asperger's down
down's marfan turner klinefelter epstein barr epstein-barr barrett barrett's hashimoto hashimoto's meniere kaposi paget
paget's bartholin lisfranc colles smith's boxer's baker's osgood schlatter legg perthes sengstaken blakemore minnesota
sump groshong broviac quinton mahurkar tenckhoff ommaya penrose blake hemovac pleurx heimlich ambu bair hugger
doppler holter coude malecot pezzer sager thomas hare buck buck's bryant russell halo gardner-wells
rass cam-icu ciwa cows gcs nihss meld child-pugh ranson apache sofa qsofa curb wells geneva caprini padua morse
norton waterlow apgar bishop ballard dubowitz tanner mallampati cormack lehane mccabe killip nyha gold borg karnofsky ecog
hunt hess fisher spetzler martin rankin barthel katz lawton folstein moca mmse phq gad audit cage dast stratify hendrich
zofran tylenol motrin advil aleve lasix coumadin eliquis xarelto pradaxa lovenox heparin keppra dilantin ativan versed haldol
seroquel zyprexa narcan norco percocet dilaudid toradol protonix pepcid reglan phenergan benadryl decadron solu-medrol
rocephin zosyn vanco vancomycin cefepime unasyn augmentin keflex bactrim cipro levaquin flagyl diflucan tamiflu lantus
humalog novolog levemir tresiba ozempic trulicity jardiance farxiga entresto lipitor crestor zocor plavix brilinta
metoprolol lisinopril amlodipine insulin morphine fentanyl propofol precedex levophed vasopressin epinephrine dopamine
dobutamine milrinone nitro nitroglycerin cardizem digoxin amiodarone adenosine atropine ketamine etomidate rocuronium
succinylcholine vecuronium sugammadex kcl magnesium potassium sodium calcium phos mag lactate saline albumin prbc ffp
epic cerner powerchart pyxis omnicell vocera uptodate kronos meditech hyperspace haiku canto rover citrix imprivata
allscripts athena athenahealth eclinicalworks nextgen cpsi paragon soarian sunrise mckesson medhost alaris sigma baxter
hospira carefusion bd philips ge siemens masimo zoll stryker hillrom hill-rom welch allyn medtronic abbott boston
dexcom libre omnipod tandem tslim t-slim minimed guardian medline cardinal cisco teams zoom outlook excel word sharepoint
teams tigerconnect tigertext spok amion qgenda workday lawson peoplesoft api healthstream relias lexicomp micromedex
medscape dynamed epocrates openevidence chatgpt google microsoft apple android iphone ipad windows dragon nuance fluency
curbside mychart healthconnect followmyhealth myhealth beaker willow cupid optime stork radiant clarity caboodle bugsy haiku rover
ehr emr mar avs hpi ros pmh psh ddx cbc bmp cmp abg vbg ekg ecg cxr mri ct pet us echo tte tee eeg emg
rn lpn cna np pa md do dnp crna rt pt ot slp st cm sw msw pharmd rph tech medic emt paramedic hospitalist intensivist
resident intern attending fellow nurse charge preceptor educator manager director supervisor coordinator navigator
chaplain dietitian pharmacist therapist physician provider surgeon anesthesiologist anesthetist radiologist pathologist
cardiologist nephrologist neurologist oncologist pulmonologist psychiatrist psychologist scribe transporter sitter
security registration admitting billing coding him it helpdesk desk team staff unit floor ward icu micu sicu cvicu
ccu nicu picu pacu pacu ed er or ir cath lab ld l&d med surg med-surg tele telemetry ortho neuro onc peds ob gyn psych
rehab hospice snf ltac ltach ltc alf home homecare dialysis infusion clinic pharmacy radiology lab laboratory
tower wing pavilion annex campus building north south east west main central general memorial university regional
community medical center hospital health system county st saint mercy providence baptist methodist presbyterian
kaiser sutter banner atrium advocate ascension trinity christus adventhealth intermountain geisinger mayo 

january february march april may june july august september october november december jan feb mar apr jun jul aug
sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
today tomorrow yesterday tonight morning afternoon evening night noon midnight weekend weekday holiday christmas thanksgiving
easter
english spanish french chinese mandarin cantonese vietnamese korean japanese arabic russian portuguese haitian creole
somali hindi urdu tagalog polish italian german farsi
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois indiana iowa
kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada
hampshire jersey mexico york carolina dakota ohio oklahoma oregon pennsylvania rhode island tennessee texas utah
vermont virginia washington wisconsin wyoming puerto rico guam
afghanistan albania algeria angola argentina armenia australia austria bangladesh belarus belgium bhutan bolivia bosnia
brazil bulgaria burma cambodia cameroon canada chile china colombia congo cuba czechia denmark dominican ecuador egypt
eritrea ethiopia fiji finland france gambia germany ghana greece guatemala guinea guyana haiti honduras hungary iceland
india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya korea kosovo kuwait laos latvia
lebanon liberia libya lithuania macedonia malawi malaysia mali micronesia moldova mongolia morocco mozambique myanmar
nepal netherlands nicaragua niger nigeria norway pakistan palestine panama paraguay peru philippines poland portugal
qatar romania russia rwanda samoa saudi senegal serbia sierra leone singapore slovakia slovenia somalia spain sri lanka
sudan sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga trinidad tunisia turkey uganda ukraine
uruguay uzbekistan venezuela vietnam yemen zambia zimbabwe
dari pashto punjabi tigrinya amharic oromo swahili yoruba igbo hausa twi ewe wolof hmong karen burmese nepali bengali
gujarati marathi tamil telugu kannada malayalam sinhala thai khmer lao ukrainian romanian hungarian greek turkish kurdish
hebrew yiddish dutch swedish norwegian danish finnish czech slovak serbian croatian bosnian albanian asl
guarantor accession rec vin lic handoff sticker facesheet epi empi mbi hicn npi dea upin ein tin mrn# ssn# fin#
osh huc rpm rvr esrd aki ckd svt dka hhs bmi asa nstemi stemi acs chf copd cva tia uti cauti clabsi vap mrsa vre cdiff
afib aflutter dvt pe gib ugib lgib sbo ards sirs mods icp cpp map mews news pews los snf ltach irf dme hha pcp ent gi
ob gyn nicu picu pacu cath ecmo impella lvad iabp crrt cvvh hd pd ptt inr bnp ck ldh lft lfts bmp cmp cbc abg vbg
rrt rapid stroke sepsis trauma code blue rrt stat prn npo qid tid bid qhs qam qpm ad lib
spiriva symbicort advair breo trelegy duoneb xopenex proventil ventolin flovent pulmicort singulair
aldrete mallory weiss mallory-weiss salter salter-harris wolff wolff-parkinson-white osgood-schlatter janeway gleason
lund browder lund-browder osler nikolsky tinel phalen finkelstein mcmurray lachman apley ortolani barlow galeazzi
moro landau centor framingham pecarn ottawa kocher lanz pfannenstiel chassaignac monteggia galeazzi
rolando maisonneuve hill-sachs bankart boutonniere swan-neck charcot charcot's
stevens-johnson kaposi's cheyne mcginn-white mcginn virchow's horner horner's brown-sequard
korotkoff kussmaul's quincke quincke's traube austin-flint steell coombs korotkoff's
endo takotsubo dupuytren hartmann virchow trousseau chvostek kehr beck fournier ludwig cullen
yankauer dobhoff fontan norwood rastelli jatene senning blalock taussig
dob d.o.b bday mrn ssn dl fin csn har acct id pt pts ins ph cell mobile home callback fax email addr tel
street avenue road drive lane boulevard highway parkway court plaza rd ave blvd ln ct hwy pkwy apt ste
coli aureus diff pneumoniae difficile pylori faecalis epidermidis
nephro cards pulm heme renal gi id palli pall endo rheum derm uro gen surg neurosurg ortho ent optho ophtho
baby boy girl infant twin newborn neonate
min mins sec secs hr hrs wk wks mo mos yr yrs egfr crcl
honda toyota ford chevy chevrolet nissan hyundai kia subaru tesla bmw mercedes audi volkswagen dodge buick mazda lexus
acura camry civic corolla accord altima silverado tahoe prius jeep
temp temps tmax tmin vitals vital sats spo etco peep fio pip vent vented bipap cpap hfnc nrb optiflow airvo
subscriber guarantor policyholder beneficiary enrollee insured payer carrier
stimulator neurostimulator sensor pacemaker defibrillator transmitter receiver generator monitor pump implant
implantable programmer reader glucometer nebulizer concentrator
novo facto vivo vitro situ utero loco
portal overdose opioid opioids withdrawal intox sitter huddle rounds census handoff
america american usa us u.s. medicare medicaid tricare aetna cigna humana anthem bcbs united unitedhealthcare
`),
);

/**
 * Eponyms of two names side by side ("Arnold Chiari", "Bence Jones", "Marcus Gunn"), which read as a
 * person's first name and surname: as a name they need a title or relation word before them.
 */
export const EPONYM_PAIRS: ReadonlySet<string> = new Set(
  `arnold chiari|budd chiari|lambert eaton|austin flint|mary joseph|tommy john|treacher collins|bence jones|reed sternberg|howell jolly|crigler najjar|ehlers danlos|adams stokes|sturge weber|peutz jeghers|osler weber|weber rendu|ziehl neelsen|dix hallpike|kayser fleischer|frank starling|lange nielsen|churg strauss|henoch schonlein|marcus gunn|pelger huet|chediak higashi|diamond blackfan|tay sachs|wiskott aldrich|austin moore|mallory weiss|stevens johnson|dubin johnson|guillain barre|charcot marie|marie tooth|dandy walker|prader willi|holt oram|argyll robertson|brown sequard|wolff parkinson|parkinson white|zollinger ellison|shy drager|osgood schlatter|kearns sayre|beckwith wiedemann|lance adams|romano ward|wernicke korsakoff|cheyne stokes|swan ganz|hill sachs|legg calve|calve perthes|jackson pratt|sengstaken blakemore|bair hugger|ramsay hunt|lou gehrig|pierre robin|grey turner|bezold jarisch|hering breuer|hamman rich|louis bar|waterhouse friderichsen|fitz hugh|hugh curtis|plummer vinson|lown ganong|ganong levine|millard gubler|kluver bucy|niemann pick|bernard soulier|von willebrand|gardner wells|salter harris|hand schuller|schuller christian|creutzfeldt jakob|klippel feil|klippel trenaunay|kasabach merritt|child pugh|sister kenny|samuel levine|sturge-weber|roux en|lou gehrigs`.split(
    '|',
  ),
);

/** Is this word (any case) a known non-name: function word or clinical/product term? */
export function isVocab(word: string): boolean {
  if (FUNCTION_WORDS.has(word) || CLINICAL_VOCAB.has(word)) return true;
  // Most callers pass a lower-case key already: fold only what needs it.
  if (!/[A-Z’]/.test(word)) return false;
  const w = word.toLowerCase().replace(/[’]/g, "'");
  return FUNCTION_WORDS.has(w) || CLINICAL_VOCAB.has(w);
}

/** Stop list for lower-case text: vocabulary plus everyday words that double as names. */
export function isCommonWord(word: string): boolean {
  const w = /[A-Z]/.test(word) ? word.toLowerCase() : word;
  return isVocab(w) || COMMON_WORDS.has(w) || isEverydayName(w);
}
