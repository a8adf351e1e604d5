/**
 * Screen vocabulary for URL de-identification (see ./context.ts).
 *
 * A path segment, a hash-route segment or a screen query value is kept only when every word in
 * it is listed here (or it is a segment an admin used in a screen of that system). The words are
 * generic web-app, EHR-workflow and vendor-product words, never personal names, so `order-entry`
 * and `MedRec` survive while `smith`, `john-whitfield` and random tokens become `:id`.
 *
 * Adding a word here is a privacy decision: only add words that cannot plausibly be a name.
 * Useful words that are also names (Ward, Page, Case, Link, Post…) are left out on purpose and
 * listed in NAME_LIKE; test/privacy/urls.shared.test.ts checks the list against names of many
 * origins. All entries are lower case; lookups lower-case their input.
 */

/** Generic web-application words: frames, navigation, actions, sign-in, file and API plumbing. */
const APP_WORDS = `
  about access account accounts action actions activate active add addendum admin administration
  advanced ajax alert alerts all api app apps approval approvals approve archive assets assign
  assigned assignment assignments attachment attachments audit auth authentication authorize
  auto back base batch blob board boards book browse bundle bundles calendar callback cancel
  catalog center change changes chat check checklist checklists client code codes column
  columns common compare comparison complete completed component components compose config
  confirm confirmation connect console contact contacts container content contents context core
  create current custom daily dashboard dashboards data default delete desktop detail details
  dialog directory display doc docs document documents done download draft drafts dynamic edit
  editor end entry error errors event events expired export external favorites fax feed feedback
  fetch file files filter find folder folders footer form forms frames frameset gateway get
  global graph graphs grid group groups guide header help hidden history home hub import inbox
  incoming index info information inside item items landing latest launch launcher launchpad
  layout layouts legal library links list lists load locate log login logoff logon logout
  lookup main maintenance manage management me menu message messages messaging mine mobile modal
  mode module modules monitor month monthly nav navigation navigator new news next notfound
  notification notifications now open outbox outgoing overview pages panel panels past
  pending picker plugin plugins popup portal preferences preview prev previous print printing
  privacy private profile proxy public query queue queues quick received recent redirect
  refresh reload remove reply report reports request requests reset resource resources response
  responses rest review route router routes rpc save scan scanned scanning screen screens search
  section sections secure select self send sent server service services servlet session sessions
  set settings setup share shared sharing shell show sidebar sign signed signin signon signout
  site sites snapshot soap sort sso start static statement statements status step steps submit
  success summary support survey surveys switch sync system systems tab table tables tabs task
  tasks template templates terms thread threads time timeline timeout today toggle token tool
  toolbar tools tracker tracking trash tree ui unread unsigned upcoming update updates upload user
  users view viewer views web webapp webapps webservice website weekly welcome widget widgets
  window wizard work workflow workflows workspace www xml jsp cgi bin svc activity activities
  analytics conversation conversations device general otp personal outside
`;

/** Clinical and EHR-workflow words that name screens, lists and activities. */
const CLINICAL_WORDS = `
  acute addenda admission admissions admit advisory advisories after allergies allergy ambulatory
  amend anesthesia appointment appointments arrival assessment assessments attest attestation
  authorization authorizations avs balance banner barcode basket bed bedboard beds behavioral
  benefits best billing blood bmi cardiac cardiology care careplan cases census charge
  charges chart charting charts checkin checkout chemistry chemo chief claim claims clinic
  clinical clinicals clinician clinics coding communication consent consents consult consults
  correspondence cosign coverage critical decision delivery demographics denial denials
  department diagnoses diagnosis dialysis dictation diet discharge disclosure dispense dispensing
  dob dose dx education eligibility emar emergency emr encounter encounters enterprise
  everywhere evisit exam exchange financial flags flow flowsheet flowsheets fluid fluids followup
  follow formulary goal goals growth guarantor guidelines handoff handover health hospital hpi
  huddle icd icu imaging immunization immunizations infusion inpatient insurance intake
  intervention interventions io isolation lab labor labs lda ldas letter letters lines location
  locations mar maternity measures med medical medication medications medrec meds mental micro
  microbiology monitoring newborn nicu note notes nurse nurses nursing nutrition obs observation
  observations office oncology operations order orders orderset ordersets outcome outcomes
  outpatient outreach output pain pathology pathway pathways patient patients payment payments
  pediatrics peds pend perioperative pharmacy physician picu plan plans policies policy
  population practice practices prescription prescriptions preventive prior prn problem problems
  procedure procedures progress protocol protocols provider providers psych quality
  questionnaire questionnaires radiology readmission reason recall reconcile reconciliation record
  records referral referrals refill refills registration register registries registry reminder
  reminders renal restraint restraints result results rounding rounds roster rx safety schedule
  schedules scheduling screening sedation sepsis series shift shifts signature signatures
  smartform smartset smartsets smarttext social specimen specimens staff staffing statusboard
  stroke studies study superbill surgery surgical surveillance synopsis team teams telehealth
  telemetry televisit test tests tracking transcription transfer transfers transfusion transition
  transitions treatment triage unit units utilization vaccine vaccines ventilator video virtual
  visit visits vital vitals waiting wellness whiteboard worklist worklists wound accession
  instructions intubation modality ccd ccda cda cds hl7 fhir dicom wado pacs hie
  bpa notewriter writer storyboard chartreview resultsreview orderentry problemlist
  patientlist inbasket careeverywhere handoffs ipass sbar mpage mpages iview smart advance brief
  cart documentation ehr image images rec ancillary worklistmanager quickview person persons people
  member members subscriber subscribers employee employees pt mrn csn
`;

/** Vendor, product and module names, and deployment words (PRD, TST). */
const VENDOR_WORDS = `
  epic hyperspace hyperdrive hsweb haiku mychart carelink epiccarelink interconnect
  cerner oracle oraclehealth powerchart powernote powerorders millennium firstnet surginet
  pharmnet radnet pathnet camm discern healthelife healtheintent meditech expanse
  athenahealth athenanet athenaone athenaclinicals athenacollector ax ecw eclinicalworks mobiledoc
  webemr healow nextgen nextmd allscripts sunrise scm scmweb touchworks veradigm followmyhealth
  practicefusion eprescribe sharepoint sitepages intranet prd prod production tst uat
`;

/** Short function words: they join slugs (`plan-of-care`) but never stand for a screen alone. */
const FUNCTION_WORD_LIST = `a and at by for from in of on the to up with`;

const words = (text: string) => text.split(/\s+/).filter(Boolean);

export const FUNCTION_WORDS: ReadonlySet<string> = new Set(words(FUNCTION_WORD_LIST));

/**
 * Screen words that are also personal names (surnames such as Ward, Page, Case, Link, Post, Close,
 * Frame, Brain, Read; given names such as Ed, Dev, An, My, Or, Athena), so they are not in the
 * vocabulary: alone, in a slug (`chart-ward`) or joined (`edward`) they become `:id`. An admin's
 * screen cannot make one of them pass alone either; a slug an admin names (`ward-list`) can.
 */
export const NAME_LIKE: ReadonlySet<string> = new Set(
  words('an athena brain canto case close dev ed frame link my or page pat post power read rover ward'),
);

/** Every word a kept segment may be made of. */
export const ROUTE_VOCAB: ReadonlySet<string> = new Set([
  ...words(APP_WORDS),
  ...words(CLINICAL_WORDS),
  ...words(VENDOR_WORDS),
  ...FUNCTION_WORDS,
]);

/**
 * Listed words that begin many given names (Mar-: Marc, Marco, Marta; Bin), so they may stand
 * alone (`/mar`) but never start or join a longer word: `marchart` could be Marc Hart.
 */
const NOT_JOINED = new Set(words('mar bin'));

/**
 * Words a joined lower-case segment (`orderentry`, `getpatientinfo`) may be split into: three
 * letters or more, not a function word and not a name's first letters, so names cannot pass as
 * screens by spelling (`logan` = log + an, `marin` = mar + in, `anand` = an + and). Checked
 * against 3.6 million given-name + surname joins: the only ones kept spell screen words anyway
 * (`maingrid`, `landing`, `balance`, `sharing`).
 */
export const COMPOUND_PARTS: ReadonlySet<string> = new Set(
  [...ROUTE_VOCAB].filter((w) => w.length >= 3 && !FUNCTION_WORDS.has(w) && !NOT_JOINED.has(w)),
);

/**
 * Segments that name a *subject* (a patient, person, account…). The segment that follows one is
 * the subject's key, so it is kept only when it is itself a single listed screen word
 * (`/patients/search`), never a joined word or an admin's word (`/patients/okafor` → `:id`).
 */
export const SUBJECT_SEGMENTS: ReadonlySet<string> = new Set(
  words(`
    patient patients pat pt person persons people member members subscriber subscribers user users
    provider providers employee employees mrn fin csn encounter encounters account accounts
  `),
);

/** Query keys that name a screen; every other query key is dropped. */
export const SCREEN_QUERY_KEYS: ReadonlySet<string> = new Set([
  'screen',
  'activity',
  'tab',
  'view',
  'section',
  'page',
  'mode',
]);

/** File extensions kept on a screen-word file name (`Login.aspx`, `patient_chart.esp`). */
export const FILE_EXTENSIONS: ReadonlySet<string> = new Set(
  words(`html htm xhtml aspx asp ashx asmx svc php jsp jsf do action cfm esp cgi json xml pdf js css`),
);
