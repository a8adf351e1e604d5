/**
 * Route vocabulary for URL de-identification (see ./context.ts).
 *
 * A multi-word path segment or a query value is only kept when every word in
 * it is listed here. The list is deliberately made of generic web, EHR-vendor
 * and clinical-workflow words — never personal names — so a slug such as
 * `order-entry` survives while `john-whitfield` does not. Adding a word here
 * is a privacy decision: only add words that cannot plausibly be a name.
 *
 * All entries are lower-case; lookups lower-case their input.
 */
const WORDS = `
  about access account accounts action actions activities activity add admin
  administration admission admissions admit advance advanced alert alerts
  allergies allergy ambulatory analytics anesthesia api app apps appointment
  appointments approval approvals archive assessment assessments assign
  attachment attachments audit auth authorize balance banner basket bed beds
  billing blood board boards brief browse bundle calendar cancel cardiology
  care careeverywhere cart case cases census change chart charge charges
  charting charts check checkin checkout chemistry chief claims clinic clinical
  clinician clinics close code codes coding communication compose config
  consent consents consult consults contact contacts content coverage create
  critical current custom dashboard dashboards data default demographics
  department detail details device diagnoses diagnosis diet directory
  discharge disclosure doc docs document documentation documents dose download
  draft dx ed edit editor ehr emar emergency encounter encounters end entry
  error event events everywhere exam exchange export external favorites fax
  file files filter find flow flowsheet flowsheets form forms frame fhir
  general graph graphs grid group groups guide guidelines handoff health help
  history home hospital hub image images imaging immunization immunizations
  import in inbasket inbox index info information inpatient insurance intake
  intranet io item items lab labs landing launch layout layouts library lines
  link links list lists load location locations log login logout main manage me self
  management mar med medical medication medications medrec meds menu message
  messages micro microbiology mobile monitor monitoring my navigator new news
  note notes notification notifications nursing obs observation observations
  office oncology open operations or order orders orderset ordersets outpatient
  overview page pages pain panel panels patient patients pending perioperative
  pharmacy physician picker plan plans policies policy portal post power
  powerchart preferences prescription prescriptions prn problem problems
  procedure procedures profile progress protocol protocols provider providers
  queue queues quick radiology record records referral referrals refill
  refills rec reconcile reconciliation register registration report reports
  request requests result results review rounding rounds rx safety save
  schedule schedules scheduling screen screening search section sections
  select send service services settings setup shared sign signin signout
  signed site sites snapshot specimen specimens start status study studies
  summary support surgery surgical synopsis system task tasks team teams
  template templates test tests timeline today tool tools transfer transfers
  triage ui unit units update upload user users view viewer views visit visits
  vital vitals ward web welcome work workflow worklist worklists workspace

  ancillary authorization hsweb authorizations careplan clinicals dicom dispense
  dispensing education flags handover hyperspace isolation lda ldas
  millennium mpage mpages nurse nurses nutrition orderentry patientlist
  pathology problemlist resultsreview chartreview sbar sepsis sitepages
  smartform smartset smartsets smarttext stroke telemetry telehealth
  transfusion ventilator wado wellness worklistmanager

  epic haiku canto rover mychart cerner oracle meditech expanse athena
  athenahealth athenanet athenaone eclinicalworks ecw allscripts sunrise
  touchworks veradigm nextgen sharepoint pacs interconnect prd prod
  production tst test uat dev

  a an and at by for from of on the to with
`;

/** Words that may appear alone or inside multi-word slugs and query values. */
export const ROUTE_VOCAB: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

/**
 * Segments that name a *subject* (a patient, person, account…). The segment
 * that follows one of these is the subject's key, so it is replaced with
 * `:id` even when it is a single plain word (`/patients/okafor`) — unless it
 * is itself a route word (`/patients/search`).
 */
export const SUBJECT_SEGMENTS: ReadonlySet<string> = new Set([
  'patient',
  'patients',
  'pat',
  'pt',
  'person',
  'persons',
  'people',
  'member',
  'members',
  'subscriber',
  'subscribers',
  'user',
  'users',
  'provider',
  'providers',
  'employee',
  'employees',
  'mrn',
  'fin',
  'csn',
  'encounter',
  'encounters',
  'account',
  'accounts',
]);

/** Query keys that name a screen; every other query key is dropped. */
export const SCREEN_QUERY_KEYS: ReadonlySet<string> = new Set(['screen', 'activity', 'tab', 'view', 'section', 'page']);

/** File extensions stripped before classifying a segment (`Login.aspx`). */
export const FILE_EXTENSIONS: ReadonlySet<string> = new Set([
  'html',
  'htm',
  'xhtml',
  'aspx',
  'asp',
  'ashx',
  'asmx',
  'svc',
  'php',
  'jsp',
  'jsf',
  'do',
  'action',
  'cfm',
  'esp',
  'cgi',
  'json',
  'xml',
  'pdf',
  'js',
  'css',
]);
