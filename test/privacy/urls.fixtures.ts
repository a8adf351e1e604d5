// Attack and realistic EHR URLs for the URL de-identifier. All names and identifiers are synthetic;
// the URL shapes follow what each vendor's web clients and portals look like in the wild.

export type Ehr =
  | 'Epic'
  | 'Oracle Health / Cerner'
  | 'MEDITECH Expanse'
  | 'athenaOne'
  | 'eClinicalWorks'
  | 'NextGen'
  | 'Allscripts / Veradigm'
  | 'Generic';

export interface UrlCase {
  ehr: Ehr;
  name: string;
  url: string;
  /** The de-identified path (with `?query` and `#/route` when kept). */
  path: string;
  /** Identifiers planted in the URL; none may survive as a word of host+path. */
  planted: string[];
}

const JWT = 'eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiJva2Fmb3IiLCJwYXRpZW50IjoiNDgyOTExMyJ9.c2lnbmF0dXJl';
const GUID = '9f1c2e4a-7b3d-4e8a-9c1f-2d3e4f5a6b7c';
const TENANT = 'ec2458f2-1e24-41c8-b71b-0e701af7583d';

export const EHR_CASES: UrlCase[] = [
  // ---------------- Epic: Hyperspace web / Hyperdrive ----------------
  {
    ehr: 'Epic',
    name: 'Hyperdrive chart review activity with CSN',
    url: 'https://hyperdrive.hospital.example/HSWeb_PRD/Hyperspace/Activity/ChartReview?activity=ChartReview&csn=4829113001',
    path: '/hsweb_prd/hyperspace/activity/chartreview?activity=chartreview',
    planted: ['4829113001'],
  },
  {
    ehr: 'Epic',
    name: 'Hyperdrive med rec on a patient keyed by surname',
    url: 'https://hyperdrive.hospital.example/HSWeb_PRD/Hyperspace/Patient/Okafor/MedRec',
    path: '/hsweb_prd/hyperspace/patient/:id/medrec',
    planted: ['okafor'],
  },
  {
    ehr: 'Epic',
    name: 'Hyperdrive In Basket with user and message',
    url: 'https://hyperdrive.hospital.example/Hyperdrive/InBasket/Messages/Nguyen.Thi?msgId=MSG-44192&user=tnguyen',
    path: '/hyperdrive/inbasket/messages/:id',
    planted: ['nguyen', 'thi', '44192', 'tnguyen'],
  },
  {
    ehr: 'Epic',
    name: 'Hyperdrive Storyboard with patient name in file name',
    url: 'https://hyperdrive.hospital.example/Hyperdrive/Storyboard/Kowalski_Anna.html',
    path: '/hyperdrive/storyboard/:id',
    planted: ['kowalski', 'anna'],
  },
  {
    ehr: 'Epic',
    name: 'Hyperdrive launch with a JWT launch context',
    url: `https://hyperdrive.hospital.example/Hyperdrive/Launch/${JWT}?env=PRD`,
    path: '/hyperdrive/launch/:id',
    planted: ['eyJhbGci', 'c2lnbmF0dXJl'],
  },
  {
    ehr: 'Epic',
    name: 'Hyperspace web order entry in a hash route',
    url: 'https://hsweb.hospital.example/HSWeb_PRD/index.html#/activity/order-entry/patient/Abubakar',
    path: '/hsweb_prd/index.html#/activity/order-entry/patient/:id',
    planted: ['abubakar'],
  },
  {
    ehr: 'Epic',
    name: 'Hyperspace web snapshot, jsessionid matrix parameter',
    url: 'https://hsweb.hospital.example/HSWeb_PRD/Snapshot;jsessionid=A1B2C3D4E5/Summary',
    path: '/hsweb_prd/:id/summary',
    planted: ['jsessionid', 'a1b2c3d4e5'],
  },
  // ---------------- Epic: MyChart ----------------
  {
    ehr: 'Epic',
    name: 'MyChart test result details with order id',
    url: 'https://mychart.hospital.example/MyChart/app/test-results/details?orderId=WP-24aGVsbG8tMTIz&eorderid=9921',
    path: '/mychart/app/test-results/details',
    planted: ['aGVsbG8', '9921'],
  },
  {
    ehr: 'Epic',
    name: 'MyChart classic inside.asp with mode',
    url: 'https://mychart.hospital.example/MyChart/inside.asp?mode=labs&eorderid=WP-24aGVsbG8',
    path: '/mychart/inside.asp?mode=labs',
    planted: ['aGVsbG8'],
  },
  {
    ehr: 'Epic',
    name: 'MyChart page saved under the patient surname',
    url: 'https://mychart.hospital.example/mychart/okafor.html',
    path: '/mychart/:id',
    planted: ['okafor'],
  },
  {
    ehr: 'Epic',
    name: 'MyChart visit details with CSN',
    url: 'https://mychart.hospital.example/MyChart/Visits/VisitDetails?csn=WP-24MTIzNDU2Nzg5MA',
    path: '/mychart/visits/visitdetails',
    planted: ['MTIzNDU2Nzg5MA'],
  },
  {
    ehr: 'Epic',
    name: 'MyChart proxy access to a named child',
    url: 'https://mychart.hospital.example/MyChart/Proxy/Switch/Oluwaseun-Adebayo',
    path: '/mychart/proxy/switch/:id',
    planted: ['oluwaseun', 'adebayo'],
  },
  {
    ehr: 'Epic',
    name: 'MyChart messaging with base64 conversation id',
    url: 'https://mychart.hospital.example/MyChart/app/communication-center/conversation/V1RFU1QxMjM0NTY3',
    path: '/mychart/app/communication-center/conversation/:id',
    planted: ['V1RFU1QxMjM0NTY3'],
  },
  {
    ehr: 'Epic',
    name: 'MyChart document named after the patient',
    url: 'https://mychart.hospital.example/MyChart/Documents/Tanaka%20Yuki%20discharge%20summary.pdf',
    path: '/mychart/documents/:id',
    planted: ['tanaka', 'yuki'],
  },
  // ---------------- Epic: Interconnect / FHIR / Care Link ----------------
  {
    ehr: 'Epic',
    name: 'Interconnect FHIR R4 patient read',
    url: 'https://epicfhir.hospital.example/Interconnect-PRD-FHIR/api/FHIR/R4/Patient/eQ9Zx-3kP1vN8a7LmT2bW4g3',
    path: '/interconnect-prd-fhir/api/fhir/r4/patient/:id',
    planted: ['eQ9Zx', '3kP1vN8a7LmT2bW4g3'],
  },
  {
    ehr: 'Epic',
    name: 'Care Link patient search with name in query',
    url: 'https://carelink.hospital.example/EpicCareLink/common/patient_search.asp?lname=Hernandez&fname=Lucia&dob=19580314',
    path: '/epiccarelink/common/patient_search.asp',
    planted: ['hernandez', 'lucia', '19580314'],
  },
  // ---------------- Oracle Health / Cerner ----------------
  {
    ehr: 'Oracle Health / Cerner',
    name: 'PowerChart web orders for a person id',
    url: 'https://powerchart.hospital.example/PowerChart/Chart/Person/11829302/Orders',
    path: '/powerchart/chart/person/:id/orders',
    planted: ['11829302'],
  },
  {
    ehr: 'Oracle Health / Cerner',
    name: 'PowerChart chart keyed by surname (the issue’s /chart/smith/summary)',
    url: 'https://powerchart.hospital.example/chart/smith/summary',
    path: '/chart/:id/summary',
    planted: ['smith'],
  },
  {
    ehr: 'Oracle Health / Cerner',
    name: 'PowerChart patients/chart/<surname>',
    url: 'https://powerchart.hospital.example/patients/chart/okafor',
    path: '/patients/chart/:id',
    planted: ['okafor'],
  },
  {
    ehr: 'Oracle Health / Cerner',
    name: 'Millennium MPage with person and encounter ids',
    url: 'https://millennium.hospital.example/PowerChart/mpages/patientsummary.html?personId=11829302&encntrId=55128833',
    path: '/powerchart/mpages/patientsummary.html',
    planted: ['11829302', '55128833'],
  },
  {
    ehr: 'Oracle Health / Cerner',
    name: 'Millennium iView with FIN and view kept',
    url: 'https://millennium.hospital.example/Millennium/iView/Flowsheet?FIN=9900123456&view=Vitals',
    path: '/millennium/iview/flowsheet?view=vitals',
    planted: ['9900123456'],
  },
  {
    ehr: 'Oracle Health / Cerner',
    name: 'Cerner FHIR R4 tenant GUID and patient id',
    url: `https://fhir-ehr.cerner.example/r4/${TENANT}/Patient/12724066`,
    path: '/r4/:id/patient/:id',
    planted: [TENANT, '12724066'],
  },
  {
    ehr: 'Oracle Health / Cerner',
    name: 'HealtheLife portal results',
    url: 'https://hospital.patientportal.healtheintent.example/pages/health_record/results?personId=11829302',
    path: '/pages/health_record/results',
    planted: ['11829302'],
  },
  {
    ehr: 'Oracle Health / Cerner',
    name: 'Oracle Health web encounter view with surname',
    url: 'https://ehr.oraclehealth.example/encounters/view/okafor',
    path: '/encounters/view/:id',
    planted: ['okafor'],
  },
  {
    ehr: 'Oracle Health / Cerner',
    name: 'CAMM media document under a hashed key',
    url: 'https://camm.hospital.example/camm/content/9b74c9897bac770ffc029102a200c5de/Ramirez_consent.pdf',
    path: '/camm/content/:id/:id',
    planted: ['9b74c9897bac770ffc029102a200c5de', 'ramirez'],
  },
  {
    ehr: 'Oracle Health / Cerner',
    name: 'PowerChart dynamic worklist with Last^First in query',
    url: 'https://powerchart.hospital.example/PowerChart/DynamicWorklist?patientName=Ivanov%5EOlga&tab=Tasks',
    path: '/powerchart/dynamicworklist?tab=tasks',
    planted: ['ivanov', 'olga'],
  },
  // ---------------- MEDITECH Expanse ----------------
  {
    ehr: 'MEDITECH Expanse',
    name: 'Expanse physician status board',
    url: 'https://expanse.hospital.example/Expanse/Web/Physician/StatusBoard?location=4WEST',
    path: '/expanse/web/physician/statusboard',
    planted: ['4west'],
  },
  {
    ehr: 'MEDITECH Expanse',
    name: 'Expanse patient chart keyed by surname with section',
    url: 'https://expanse.hospital.example/Expanse/Patient/Okafor/Chart?section=Problems&lastName=Okafor',
    path: '/expanse/patient/:id/chart?section=problems',
    planted: ['okafor'],
  },
  {
    ehr: 'MEDITECH Expanse',
    name: 'Expanse ambulatory worklist with provider name',
    url: 'https://meditech.hospital.example/expanse/ambulatory/worklist/dr-nguyen?date=03/14/2024',
    path: '/expanse/ambulatory/worklist/:id',
    planted: ['nguyen', '2024'],
  },
  {
    ehr: 'MEDITECH Expanse',
    name: 'Expanse surveillance with account number',
    url: 'https://expanse.hospital.example/Expanse/Surveillance/Account/V00012345678/Sepsis',
    path: '/expanse/surveillance/account/:id/sepsis',
    planted: ['v00012345678'],
  },
  {
    ehr: 'MEDITECH Expanse',
    name: 'MEDITECH patient portal health record by name',
    url: 'https://portal.hospital.example/portal/app/health-record/papadopoulos-eleni',
    path: '/portal/app/health-record/:id',
    planted: ['papadopoulos', 'eleni'],
  },
  {
    ehr: 'MEDITECH Expanse',
    name: 'Expanse nursing eMAR in a hash route with unit number',
    url: 'https://expanse.hospital.example/Expanse/Nursing/#!/emar/unit/M000123456',
    path: '/expanse/nursing#/emar/unit/:id',
    planted: ['m000123456'],
  },
  // ---------------- athenaOne ----------------
  {
    ehr: 'athenaOne',
    name: 'athenaNet patient chart',
    url: 'https://athenanet.athenahealth.example/1/22/clinicals/patient_chart.esp?PATIENTID=482913&DEPARTMENTID=12',
    path: '/:id/:id/clinicals/patient_chart.esp',
    planted: ['482913'],
  },
  {
    ehr: 'athenaOne',
    name: 'athenaNet frameset with nested path in query',
    url: 'https://athenanet.athenahealth.example/1/22/globalframeset.esp?MAINFRAME=/1/22/clinicals/chart.esp%3FPATIENTID%3D482913',
    path: '/:id/:id/globalframeset.esp',
    planted: ['482913'],
  },
  {
    ehr: 'athenaOne',
    name: 'athenaNet quickview',
    url: 'https://athenanet.athenahealth.example/1/22/patient/quickview.esp?PATIENTID=482913',
    path: '/:id/:id/patient/quickview.esp',
    planted: ['482913'],
  },
  {
    ehr: 'athenaOne',
    name: 'athenaNet appointment book for a provider',
    url: 'https://athenanet.athenahealth.example/1/22/scheduling/appointmentbook.esp?PROVIDERID=77&date=2024-03-14',
    path: '/:id/:id/scheduling/appointmentbook.esp',
    planted: ['2024-03-14'],
  },
  {
    ehr: 'athenaOne',
    name: 'athenaOne document named for the patient',
    url: 'https://athenanet.athenahealth.example/1/22/clinicals/documents/Chowdhury_Rahim_referral.pdf',
    path: '/:id/:id/clinicals/documents/:id',
    planted: ['chowdhury', 'rahim'],
  },
  {
    ehr: 'athenaOne',
    name: 'athenaOne new UI chart with patient id',
    url: 'https://athenaone.athenahealth.example/ax/clinicals/chart/482913/encounter/summary',
    path: '/ax/clinicals/chart/:id/encounter/summary',
    planted: ['482913'],
  },
  {
    ehr: 'athenaOne',
    name: 'athena patient portal messages',
    url: 'https://22.portal.athenahealth.example/messages/inbox/thread/aGVsbG9Xb3JsZA',
    path: '/messages/inbox/thread/:id',
    planted: ['aGVsbG9Xb3JsZA'],
  },
  // ---------------- eClinicalWorks ----------------
  {
    ehr: 'eClinicalWorks',
    name: 'eCW web EMR login',
    url: 'https://clinic.ecwcloud.example/mobiledoc/jsp/webemr/login/newLogin.jsp',
    path: '/mobiledoc/jsp/webemr/login/newlogin.jsp',
    planted: [],
  },
  {
    ehr: 'eClinicalWorks',
    name: 'eCW web EMR progress notes in a hash route',
    url: 'https://clinic.ecwcloud.example/mobiledoc/jsp/webemr/index.jsp#/mobiledoc/jsp/webemr/progressnotes/encounter/4829113?pid=99',
    path: '/mobiledoc/jsp/webemr/index.jsp#/mobiledoc/jsp/webemr/progressnotes/encounter/:id',
    planted: ['4829113', 'pid'],
  },
  {
    ehr: 'eClinicalWorks',
    name: 'eCW patient hub keyed by name in a hash route',
    url: 'https://clinic.ecwcloud.example/mobiledoc/jsp/webemr/index.jsp#/patient-hub/nwosu-chidi',
    path: '/mobiledoc/jsp/webemr/index.jsp#/patient-hub/:id',
    planted: ['nwosu', 'chidi'],
  },
  {
    ehr: 'eClinicalWorks',
    name: 'eCW patient info xml call with user id',
    url: 'https://clinic.ecwcloud.example/mobiledoc/jsp/catalog/xml/getPatientInfo.jsp?patientId=4829113&TrUserId=jdoe',
    path: '/mobiledoc/jsp/catalog/xml/getpatientinfo.jsp',
    planted: ['4829113', 'jdoe'],
  },
  {
    ehr: 'eClinicalWorks',
    name: 'healow portal with numbered hosts and paths',
    url: 'https://mycw10.ecwcloud.example/portal1234/jsp/100mp/login_otp.jsp',
    path: '/:id/jsp/:id/login_otp.jsp',
    planted: ['1234', '100mp'],
  },
  {
    ehr: 'eClinicalWorks',
    name: 'eCW scanned document with a surname file name',
    url: 'https://clinic.ecwcloud.example/mobiledoc/jsp/webemr/documents/scanned/Yilmaz.pdf',
    path: '/mobiledoc/jsp/webemr/documents/scanned/:id',
    planted: ['yilmaz'],
  },
  // ---------------- NextGen ----------------
  {
    ehr: 'NextGen',
    name: 'NextGen Office chart encounters',
    url: 'https://app.nextgenoffice.example/practice/5521/patients/4829113/chart/encounters',
    path: '/practice/:id/patients/:id/chart/encounters',
    planted: ['5521', '4829113'],
  },
  {
    ehr: 'NextGen',
    name: 'NextGen Enterprise web template with person GUID',
    url: `https://ngweb.clinic.example/NextGen/EHR/Templates/HPI?person_id=${GUID}`,
    path: '/nextgen/ehr/templates/hpi',
    planted: [GUID],
  },
  {
    ehr: 'NextGen',
    name: 'NextMD portal with a name slug',
    url: 'https://www.nextmd.example/ud2/Home/Index/maria-gonzalez',
    path: '/:id/home/index/:id',
    planted: ['maria', 'gonzalez'],
  },
  {
    ehr: 'NextGen',
    name: 'NextGen Share referral under surname',
    url: 'https://share.nextgen.example/referrals/outgoing/Haddad',
    path: '/referrals/outgoing/:id',
    planted: ['haddad'],
  },
  {
    ehr: 'NextGen',
    name: 'NextGen mobile rounding with enterprise and MRN',
    url: 'https://mobile.nextgen.example/api/v2/enterprise/0001/rounding/MRN00482913',
    path: '/api/v2/enterprise/:id/rounding/:id',
    planted: ['0001', '00482913'],
  },
  // ---------------- Allscripts / Veradigm ----------------
  {
    ehr: 'Allscripts / Veradigm',
    name: 'Sunrise order entry with dotted name slug',
    url: 'https://sunrise.hospital.example/SCMWeb/Patients/doe.jane/OrderEntry?tab=Orders',
    path: '/scmweb/patients/:id/orderentry?tab=orders',
    planted: ['doe', 'jane'],
  },
  {
    ehr: 'Allscripts / Veradigm',
    name: 'TouchWorks results with underscore name slug',
    url: 'https://touchworks.clinic.example/TouchWorks/Clinical/Chart/smith_john/ResultsReview',
    path: '/touchworks/clinical/chart/:id/resultsreview',
    planted: ['smith', 'john'],
  },
  {
    ehr: 'Allscripts / Veradigm',
    name: 'FollowMyHealth dashboard',
    url: 'https://followmyhealth.example/Patient/Dashboard?patientId=4829113',
    path: '/patient/dashboard',
    planted: ['4829113'],
  },
  {
    ehr: 'Allscripts / Veradigm',
    name: 'Practice Fusion chart summary in a hash route with patient GUID',
    url: `https://static.practicefusion.example/apps/ehr/index.html#/PF/charts/patients/${GUID}/summary`,
    path: '/apps/ehr/index.html#/:id/charts/patients/:id/summary',
    planted: [GUID],
  },
  {
    ehr: 'Allscripts / Veradigm',
    name: 'Veradigm ePrescribe select patient with name in query',
    url: 'https://eprescribe.veradigm.example/SelectPatient.aspx?lastName=Petrosyan&firstName=Armen',
    path: '/selectpatient.aspx',
    planted: ['petrosyan', 'armen'],
  },
  {
    ehr: 'Allscripts / Veradigm',
    name: 'Sunrise summary under a compact full name',
    url: 'https://sunrise.hospital.example/SCMWeb/summary/johnsmith',
    path: '/scmweb/summary/:id',
    planted: ['johnsmith'],
  },
];

/** The issue's own examples and the encodings and shapes it lists. */
export const SHAPE_CASES: UrlCase[] = [
  {
    ehr: 'Generic',
    name: 'chart/jane/doe',
    url: 'https://ehr.example/chart/jane/doe',
    path: '/chart/:id/:id',
    planted: ['jane', 'doe'],
  },
  {
    ehr: 'Generic',
    name: 'percent-encoded first letter',
    url: 'https://ehr.example/chart/%4Fkafor/summary',
    path: '/chart/:id/summary',
    planted: ['okafor', 'kafor'],
  },
  {
    ehr: 'Generic',
    name: 'double percent-encoding',
    url: 'https://ehr.example/chart/%254Fkafor/summary',
    path: '/chart/:id/summary',
    planted: ['kafor'],
  },
  {
    ehr: 'Generic',
    name: 'upper-case surname',
    url: 'https://ehr.example/CHART/OKAFOR/SUMMARY',
    path: '/chart/:id/summary',
    planted: ['okafor'],
  },
  {
    ehr: 'Generic',
    name: 'plus as a space between names',
    url: 'https://ehr.example/notes/Ada+Okafor/edit',
    path: '/notes/:id/edit',
    planted: ['ada', 'okafor'],
  },
  {
    ehr: 'Generic',
    name: '%20 between names',
    url: 'https://ehr.example/notes/Ada%20Okafor/edit',
    path: '/notes/:id/edit',
    planted: ['ada', 'okafor'],
  },
  {
    ehr: 'Generic',
    name: 'screen words joined by plus are kept',
    url: 'https://ehr.example/Order+Entry/review',
    path: '/order%2Bentry/review',
    planted: [],
  },
  {
    ehr: 'Generic',
    name: 'double and trailing slashes',
    url: 'https://ehr.example//chart//okafor//',
    path: '/chart/:id',
    planted: ['okafor'],
  },
  {
    ehr: 'Generic',
    name: 'dot segments resolve before de-identification',
    url: 'https://ehr.example/chart/okafor/../summary/./okafor',
    path: '/chart/summary/:id',
    planted: ['okafor'],
  },
  {
    ehr: 'Generic',
    name: 'encoded dot segments',
    url: 'https://ehr.example/chart/%2e%2e/okafor/%2E/notes',
    path: '/:id/notes',
    planted: ['okafor'],
  },
  {
    ehr: 'Generic',
    name: 'Unicode surname',
    url: 'https://ehr.example/chart/Nguyễn/summary',
    path: '/chart/:id/summary',
    planted: ['nguy'],
  },
  {
    ehr: 'Generic',
    name: 'Cyrillic look-alike letters in a screen word',
    url: 'https://ehr.example/сhart/summary',
    path: '/:id/summary',
    planted: [],
  },
  {
    ehr: 'Generic',
    name: 'CJK name',
    url: 'https://ehr.example/patients/山田太郎/chart',
    path: '/patients/:id/chart',
    planted: ['%e5'],
  },
  {
    ehr: 'Generic',
    name: 'Arabic name in file name',
    url: 'https://ehr.example/documents/%D8%AD%D8%B3%D9%8A%D9%86.pdf',
    path: '/documents/:id',
    planted: ['%d8'],
  },
  {
    ehr: 'Generic',
    name: 'zero-width space inside a screen word',
    url: 'https://ehr.example/chart/sum%E2%80%8Bmary',
    path: '/chart/:id',
    planted: ['%e2'],
  },
  {
    ehr: 'Generic',
    name: 'camel-cased name and screen',
    url: 'https://ehr.example/app/OkaforChart',
    path: '/app/:id',
    planted: ['okafor'],
  },
  {
    ehr: 'Generic',
    name: 'name and screen in one slug',
    url: 'https://ehr.example/app/chart-okafor',
    path: '/app/:id',
    planted: ['okafor'],
  },
  {
    ehr: 'Generic',
    name: 'apostrophe surname',
    url: "https://ehr.example/chart/O'Brien/summary",
    path: '/chart/:id/summary',
    planted: ['brien'],
  },
  {
    ehr: 'Generic',
    name: 'Last,First',
    url: 'https://ehr.example/results/Whitfield,John/report.pdf',
    path: '/results/:id/report.pdf',
    planted: ['whitfield', 'john'],
  },
  {
    ehr: 'Generic',
    name: 'e-mail in path',
    url: 'https://ehr.example/messages/compose/ada.okafor@mail.example',
    path: '/messages/compose/:id',
    planted: ['ada', 'okafor', 'mail'],
  },
  {
    ehr: 'Generic',
    name: 'lower-case random token without digits',
    url: 'https://ehr.example/sso/kqzvbxwrtyplmnsd/landing',
    path: '/sso/:id/landing',
    planted: ['kqzvbxwrtyplmnsd'],
  },
  {
    ehr: 'Generic',
    name: 'base64url id without digits',
    url: 'https://ehr.example/documents/aGVsbG8tV29ybGQ_/view',
    path: '/documents/:id/view',
    planted: ['aGVsbG8'],
  },
  {
    ehr: 'Generic',
    name: 'JWT as a path segment',
    url: `https://ehr.example/launch/${JWT}`,
    path: '/launch/:id',
    planted: ['eyJhbGci'],
  },
  {
    ehr: 'Generic',
    name: 'GUID and SHA-256 hash',
    url: `https://ehr.example/orders/${GUID}/results/3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b`,
    path: '/orders/:id/results/:id',
    planted: [GUID, '3a7bd3e2'],
  },
  {
    ehr: 'Generic',
    name: 'MRN mixed token',
    url: 'https://ehr.example/chart/E1234567/summary',
    path: '/chart/:id/summary',
    planted: ['e1234567'],
  },
  {
    ehr: 'Generic',
    name: 'over-long letters-only word',
    url: `https://ehr.example/chart/${'abcdefghij'.repeat(4)}`,
    path: '/chart/:id',
    planted: ['abcdefghij'],
  },
  {
    ehr: 'Generic',
    name: 'hash route with a query carrying a name',
    url: 'https://ehr.example/app/#/chart/summary?patient=Okafor',
    path: '/app#/chart/summary',
    planted: ['okafor'],
  },
  {
    ehr: 'Generic',
    name: 'hash that is not a route is dropped',
    url: 'https://ehr.example/chart/summary#mrn=00482913&name=Okafor',
    path: '/chart/summary',
    planted: ['okafor', '00482913'],
  },
  {
    ehr: 'Generic',
    name: 'OAuth implicit-flow fragment is dropped',
    url: 'https://ehr.example/smart/callback#access_token=eyJhbGciOiJIUzI1NiJ9.e30.x&state=okafor',
    path: '/smart/callback',
    planted: ['eyJhbGci', 'okafor'],
  },
  {
    ehr: 'Generic',
    name: 'screen query key whose value is a surname',
    url: 'https://ehr.example/chart?view=Okafor&tab=Orders',
    path: '/chart?tab=orders',
    planted: ['okafor'],
  },
  {
    ehr: 'Generic',
    name: 'screen query key whose value is a surname that is also a word',
    url: 'https://ehr.example/chart?view=Ward&tab=Page',
    path: '/chart',
    planted: ['ward', 'page'],
  },
  {
    ehr: 'Generic',
    name: 'screen query value joining two names',
    url: 'https://ehr.example/chart?section=Case%20Power',
    path: '/chart',
    planted: ['case', 'power'],
  },
  {
    ehr: 'Generic',
    name: 'surname that is also a screen word, alone in a segment',
    url: 'https://ehr.example/summary/ward',
    path: '/summary/:id',
    planted: ['ward'],
  },
  {
    ehr: 'Generic',
    name: 'two surnames that are also screen words in one slug',
    url: 'https://ehr.example/chart/page-ward',
    path: '/chart/:id',
    planted: ['page', 'ward'],
  },
  {
    ehr: 'Generic',
    name: 'userinfo, port and IP host',
    url: 'https://okafor:pa55@10.20.30.40:8443/chart/summary',
    path: '/chart/summary',
    planted: ['okafor', 'pa55'],
  },
  {
    ehr: 'Generic',
    name: 'IDN host in punycode, name in path',
    url: 'https://klinik-münchen.example/akte/Müller',
    path: '/:id/:id',
    planted: ['ller'],
  },
];

/**
 * Surnames and given names of many origins, as an attacker would plant them. Some are also
 * English words that a screen vocabulary might hold (Ward, Page, Case, Power, Link, Post).
 */
export const NAMES = `
  Okafor Adeyemi Nwosu Eze Chukwu Mensah Osei Owusu Kamau Otieno Wanjiru Abubakar Bello Tesfaye Bekele
  Haile Abdi Warsame Diallo Traore Ndiaye Fall Nguyen Tran Pham Hoang Vo Do Le Kim Park Choi Lee Jung
  Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao Wong Chan Ng
  Tanaka Suzuki Takahashi Yamamoto Watanabe Sato Ito Nakamura Patel Shah Singh Kumar Gupta Reddy
  Iyer Banerjee Chowdhury Das Rao Mehta Nair Khan Ahmed Hussain Rahman Ali Haddad Khoury Nasser Farah
  Mansour Yilmaz Demir Kaya Sahin Hosseini Rostami Karimi Cohen Levi Friedman Goldberg Katz Garcia
  Rodriguez Martinez Hernandez Lopez Gonzalez Perez Sanchez Ramirez Torres Flores Rivera Gomez Diaz
  Reyes Cruz Morales Ortiz Silva Santos Oliveira Souza Pereira Costa Ferreira Rossi Russo Bianchi
  Romano Colombo Esposito Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker Dubois Durand
  Moreau Laurent Lefebvre Kowalski Nowak Wisniewski Ivanov Petrov Smirnov Kuznetsov Popescu Horvat
  Novak Nagy Toth Dvorak Jensen Hansen Nielsen Andersen Johansson Eriksson Larsen Virtanen Korhonen
  Murphy Kelly Walsh Byrne MacDonald Campbell Stewart Smith Johnson Williams Brown Jones Miller Davis
  Wilson Anderson Taylor Thomas Moore Jackson Martin Thompson White Harris Clark Lewis Robinson Walker
  Young Allen King Wright Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips
  Parker Evans Edwards Collins Morris Cook Rogers Reed Bailey Bell Cooper Richardson Cox Howard Ward
  Page Case Power Link Post Hall Rose Banks Fields Marsh Booth Newman Newton Logan Marin Anand Bedford
  Homeward Chartrand Lister Carey Dean Mayo Gill Hunt Lane Long Day Summers Winter Price Cash Frame
  Brain Close Story Law Carr Hope Tuilagi Ngata Fonoti Kahananui Papadopoulos Petrosyan Beridze
  Etxeberria Bautista Mohamed Oyelaran Achterberg Vries Berg Sorensen Lindqvist Kapoor Malhotra
  Ada John Jane Maria Mohammed Aisha Fatima Wei Yuki Priya Ravi Olga Ivan Chidi Ngozi Kwame Amara
  Sione Mele Ed An Pat Bill Will Grace Joy Faith May June April Dawn Athena Carol Gene Mark Art Don
  Sue Rob Al Jo Bo Eve Ian Ana Ina Thea Ona Ata Lucia Eleni Armen Rahim Anna Thi Oluwaseun
`
  .split(/\s+/)
  .filter(Boolean);

/**
 * Where names hide: `{N}` a name as written, `{n}` lower case, `{F}` a given name. Each raw path
 * must come out as `out`.
 */
export const NAME_TEMPLATES: { raw: string; out: string }[] = [
  { raw: '/chart/{N}/summary', out: '/chart/:id/summary' },
  { raw: '/patients/chart/{n}', out: '/patients/chart/:id' },
  { raw: '/encounters/view/{n}', out: '/encounters/view/:id' },
  { raw: '/mychart/{n}.html', out: '/mychart/:id' },
  { raw: '/chart/{F}/{N}', out: '/chart/:id/:id' },
  { raw: '/summary/{F}{n}', out: '/summary/:id' },
  { raw: '/summary/{n}', out: '/summary/:id' },
  { raw: '/{N}', out: '/:id' },
  { raw: '/{n}/medrec', out: '/:id/medrec' },
  { raw: '/results/{N}-{F}/report.pdf', out: '/results/:id/report.pdf' },
  { raw: '/documents/{N}_labs.pdf', out: '/documents/:id' },
  { raw: '/Chart/{UPPER}/MedRec', out: '/chart/:id/medrec' },
  { raw: '/chart/{pct}/summary', out: '/chart/:id/summary' },
  { raw: '/chart/{N};jsessionid=ABC/summary', out: '/chart/:id/summary' },
  { raw: '/notes/{F}+{N}/edit', out: '/notes/:id/edit' },
  { raw: '/notes/{F}%20{N}/edit', out: '/notes/:id/edit' },
  { raw: '/app/{N}Summary', out: '/app/:id' },
  { raw: '/app/chart-{n}', out: '/app/:id' },
  { raw: '/chart/{n}.{f}', out: '/chart/:id' },
  { raw: '//chart//{n}//', out: '/chart/:id' },
  { raw: '/index.html#/patient/{N}/summary', out: '/index.html#/patient/:id/summary' },
  { raw: '/index.html#!/summary/{n}', out: '/index.html#/summary/:id' },
  { raw: '/chart?view={N}&tab=orders', out: '/chart?tab=orders' },
  { raw: '/chart?mode={n}', out: '/chart' },
];

/** Fills a template with a surname and a given name. */
export function fillName(raw: string, surname: string, given: string): string {
  const pct = `%${surname.charCodeAt(0).toString(16).toUpperCase()}${surname.slice(1)}`;
  return raw
    .replaceAll('{N}', surname)
    .replaceAll('{n}', surname.toLowerCase())
    .replaceAll('{UPPER}', surname.toUpperCase())
    .replaceAll('{pct}', pct)
    .replaceAll('{F}', given)
    .replaceAll('{f}', given.toLowerCase());
}
