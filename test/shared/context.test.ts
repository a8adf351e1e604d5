// All URLs, names and identifiers below are synthetic.
import { describe, expect, it } from 'vitest';
import {
  deidentifyPath,
  deidentifyUrl,
  ID_PLACEHOLDER,
  looksIdentifying,
  matchScreen,
  screenKey,
  tryDeidentifyUrl,
} from '../../shared/context';

interface Case {
  name: string;
  url: string;
  host: string;
  path: string;
  /** Identifiers planted in the URL that must not survive. */
  planted: string[];
}

const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0ODI5MTEzIn0.c2lnbmF0dXJlWhitfield';
const UUID = '4a1c9f2e-7b3d-4e8a-9c1f-2d3e4f5a6b7c';

const CASES: Case[] = [
  // --- Epic (Hyperspace web, Interconnect, Haiku-ish mobile, MyChart, Care Everywhere) ---
  {
    name: 'Epic Interconnect API with MRN in query',
    url: 'https://epic.hospital.example/Interconnect-PRD-MyChart/api/epic/2014/Clinical/Patient/GETPATIENTDEMOGRAPHICS?PatientID=E1234567&PatientIDType=MRN',
    host: 'epic.hospital.example',
    path: '/interconnect-prd-mychart/api/epic/:id/clinical/patient/:id',
    planted: ['E1234567'],
  },
  {
    name: 'Epic Hyperspace web activity with CSN and MRN',
    url: 'https://hyperspace.hospital.example/HSWeb_PRD/Hyperspace/Activity/MedRec?activity=MedRec&csn=4829113001&mrn=00482913',
    host: 'hyperspace.hospital.example',
    path: '/hsweb_prd/hyperspace/activity/medrec?activity=medrec',
    planted: ['4829113001', '00482913'],
  },
  {
    name: 'Epic Haiku-ish mobile notes with fragment',
    url: 'https://haiku.hospital.example/mobile/patients/Z7891234/notes#note-5521',
    host: 'haiku.hospital.example',
    path: '/mobile/patients/:id/notes',
    planted: ['Z7891234', '5521'],
  },
  {
    name: 'Epic Care Everywhere with name and DOB in query',
    url: 'https://careeverywhere.hospital.example/CareEverywhere/Outside/Records?patient=Whitfield%2CJohn&dob=1958-03-14',
    host: 'careeverywhere.hospital.example',
    path: '/careeverywhere/outside/records',
    planted: ['Whitfield', 'John', '1958'],
  },
  {
    name: 'Epic MyChart test result with order ids',
    url: 'https://mychart.hospital.example/MyChart/Clinical/TestResults/Details?eorderid=WP-24aGVsbG8tMTIz&ordId=9921',
    host: 'mychart.hospital.example',
    path: '/mychart/clinical/testresults/details',
    planted: ['WP-24aGVsbG8tMTIz', '9921'],
  },
  {
    name: 'Epic CSN as a matrix-style path segment',
    url: 'https://epic.hospital.example/EpicWeb/Encounter/CSN=4829113001/Summary',
    host: 'epic.hospital.example',
    path: '/epicweb/encounter/:id/summary',
    planted: ['4829113001', 'CSN='],
  },
  {
    name: 'Epic on a non-default port with encounterId',
    url: 'https://epicprd.hospital.example:8443/Hyperspace/OrderEntry?view=order-entry&encounterId=88213',
    host: 'epicprd.hospital.example:8443',
    path: '/hyperspace/orderentry?view=order-entry',
    planted: ['88213'],
  },
  {
    name: 'Epic with explicit default port',
    url: 'https://epic.hospital.example:443/Chart/Review?tab=Results&mrn=00482913',
    host: 'epic.hospital.example',
    path: '/chart/review?tab=results',
    planted: ['00482913', ':443'],
  },
  {
    name: 'Epic FHIR R4 patient read',
    url: 'https://fhir.hospital.example/api/FHIR/R4/Patient/eQ9Zx-3kP1vN8a7LmT2bW4g3/',
    host: 'fhir.hospital.example',
    path: '/api/fhir/r4/patient/:id',
    planted: ['eQ9Zx-3kP1vN8a7LmT2bW4g3'],
  },
  {
    name: 'FHIR patient keyed by a digit-free slug',
    url: 'https://fhir.hospital.example/fhir/R4/Patient/okafor',
    host: 'fhir.hospital.example',
    path: '/fhir/r4/patient/:id',
    planted: ['okafor'],
  },
  // --- Cerner / Oracle Health PowerChart & Millennium ---
  {
    name: 'PowerChart with MRN-like path token',
    url: 'https://powerchart.hospital.example/PowerChart/Chart/Patient/MRN-4829113/Orders',
    host: 'powerchart.hospital.example',
    path: '/powerchart/chart/patient/:id/orders',
    planted: ['4829113', 'MRN-'],
  },
  {
    name: 'Millennium MPage with person, encounter and FIN',
    url: 'https://millennium.hospital.example/PowerChart/mpages/patientsummary.html?personId=11829302&encntrId=55128833&FIN=9900123456',
    host: 'millennium.hospital.example',
    path: '/powerchart/mpages/patientsummary.html',
    planted: ['11829302', '55128833', '9900123456'],
  },
  {
    name: 'PowerChart person UUID and compact date',
    url: `https://cerner.hospital.example/PowerChart/Person/${UUID}/Encounter/20240314/Flowsheets`,
    host: 'cerner.hospital.example',
    path: '/powerchart/person/:id/encounter/:id/flowsheets',
    planted: [UUID, '4a1c9f2e', '20240314'],
  },
  {
    name: 'Millennium eMAR with FIN in query',
    url: 'https://millennium.hospital.example/Millennium/MAR/eMAR?fin=4400921837&view=MAR',
    host: 'millennium.hospital.example',
    path: '/millennium/mar/emar?view=mar',
    planted: ['4400921837'],
  },
  {
    name: 'IP-literal PowerChart host with MRN query',
    url: 'http://10.20.30.40:8080/PowerChart/App?MRN=E1234567',
    host: '10.20.30.40:8080',
    path: '/powerchart/app',
    planted: ['E1234567'],
  },
  // --- Meditech Expanse ---
  {
    name: 'Expanse patient chart keyed by surname',
    url: 'https://expanse.hospital.example/Expanse/Patient/Okafor/Chart?section=Problems&lastName=Okafor',
    host: 'expanse.hospital.example',
    path: '/expanse/patient/:id/chart?section=problems',
    planted: ['Okafor'],
  },
  {
    name: 'Expanse worklist with slash date and provider name',
    url: 'https://meditech.hospital.example/expanse/ambulatory/worklist?date=03/14/2024&provider=Dr.Nguyen',
    host: 'meditech.hospital.example',
    path: '/expanse/ambulatory/worklist',
    planted: ['2024', 'Nguyen'],
  },
  // --- athenahealth ---
  {
    name: 'athenaNet patient chart',
    url: 'https://athenanet.athenahealth.example/1/22/clinicals/patient_chart.esp?PATIENTID=482913&DEPARTMENTID=12',
    host: 'athenanet.athenahealth.example',
    path: '/:id/:id/clinicals/patient_chart.esp',
    planted: ['482913'],
  },
  {
    name: 'athenaNet frameset with nested path in query',
    url: 'https://athenanet.athenahealth.example/1/22/globalframeset.esp?MAINFRAME=/1/22/clinicals/chart.esp%3FPATIENTID%3D482913',
    host: 'athenanet.athenahealth.example',
    path: '/:id/:id/globalframeset.esp',
    planted: ['482913'],
  },
  // --- eClinicalWorks ---
  {
    name: 'eCW web EMR with hash-routed patient',
    url: 'https://ecw.clinic.example/mobiledoc/jsp/webemr/index.jsp#/mobiledoc/jsp/webemr/patient/jellybean.jsp?pid=4829113',
    host: 'ecw.clinic.example',
    // The SPA route in the fragment is kept, de-identified like a path; its query is dropped.
    path: '/mobiledoc/jsp/webemr/index.jsp#/mobiledoc/jsp/webemr/patient/:id',
    planted: ['4829113', 'jellybean'],
  },
  {
    name: 'eCW patient info with user id',
    url: 'https://ecw.clinic.example/mobiledoc/jsp/catalog/xml/getPatientInfo.jsp?patientId=4829113&sessionDID=991&TrUserId=jdoe',
    host: 'ecw.clinic.example',
    path: '/mobiledoc/jsp/catalog/xml/getpatientinfo.jsp',
    planted: ['4829113', 'jdoe'],
  },
  // --- Allscripts / Veradigm ---
  {
    name: 'Sunrise order entry with dotted name slug',
    url: 'https://sunrise.hospital.example/SCMWeb/Patients/doe.jane/OrderEntry?tab=Orders',
    host: 'sunrise.hospital.example',
    path: '/scmweb/patients/:id/orderentry?tab=orders',
    planted: ['doe', 'jane'],
  },
  {
    name: 'TouchWorks results with underscore name slug',
    url: 'https://touchworks.clinic.example/TouchWorks/Clinical/Chart/smith_john/ResultsReview',
    host: 'touchworks.clinic.example',
    path: '/touchworks/clinical/chart/:id/resultsreview',
    planted: ['smith', 'john'],
  },
  // --- Lab portal ---
  {
    name: 'Lab portal accession with DOB and surname',
    url: 'https://labs.reflab.example/results/accession/LAB-2024-0031187?dob=1958-03-14&lastName=Okafor',
    host: 'labs.reflab.example',
    path: '/results/accession/:id',
    planted: ['0031187', '1958', 'Okafor'],
  },
  {
    name: 'Lab portal report under Last,First',
    url: 'https://portal.reflab.example/Results/Whitfield,John/Report.pdf',
    host: 'portal.reflab.example',
    path: '/results/:id/report.pdf',
    planted: ['Whitfield', 'John'],
  },
  // --- PACS ---
  {
    name: 'PACS viewer with DICOM study UID',
    url: 'https://pacs.hospital.example/viewer/studies/1.2.840.113619.2.55.3.604688119.969.1268071029.320/series?accession=RAD88213',
    host: 'pacs.hospital.example',
    path: '/viewer/studies/:id/series',
    planted: ['113619', '604688119', 'RAD88213'],
  },
  {
    name: 'PACS WADO request',
    url: 'https://pacs.hospital.example/wado?requestType=WADO&studyUID=1.2.840.1.99&objectUID=1.2.3.4&patientName=Okafor%5EAda',
    host: 'pacs.hospital.example',
    path: '/wado',
    planted: ['1.2.840', 'Okafor', 'Ada'],
  },
  // --- Intranet / SharePoint ---
  {
    name: 'SharePoint nursing protocol page',
    url: 'https://intranet.hospital.example/sites/Nursing/SitePages/Sepsis-Protocol.aspx?web=1',
    host: 'intranet.hospital.example',
    path: '/sites/nursing/sitepages/sepsis-protocol.aspx',
    planted: ['web=1'],
  },
  {
    name: 'SharePoint document library with patient file name in query',
    url: 'https://hospital.sharepoint.example/sites/Clinical/Shared%20Documents/Forms/AllItems.aspx?id=%2Fsites%2FClinical%2FShared%20Documents%2FJohn%20Whitfield%20consult.pdf',
    host: 'hospital.sharepoint.example',
    path: '/sites/clinical/shared%20documents/forms/allitems.aspx',
    planted: ['John', 'Whitfield'],
  },
  {
    name: 'Intranet staff profile',
    url: 'https://intranet.hospital.example/people/jwhitfield/profile',
    host: 'intranet.hospital.example',
    path: '/people/:id/profile',
    planted: ['jwhitfield'],
  },
  // --- Credentials, fragments, tokens ---
  {
    name: 'credentials and fragment are dropped',
    url: 'https://jdoe:Secr3t@ehr.hospital.example/Chart/Summary#mrn=00482913',
    host: 'ehr.hospital.example',
    path: '/chart/summary',
    planted: ['jdoe', 'Secr3t', '00482913'],
  },
  {
    name: 'JWT in path',
    url: `https://ehr.hospital.example/launch/${JWT}?iss=https%3A%2F%2Ffhir.hospital.example`,
    host: 'ehr.hospital.example',
    path: '/launch/:id',
    planted: ['eyJhbGci', 'Whitfield', 'iss'],
  },
  {
    name: 'JWT and token in query',
    url: `https://ehr.hospital.example/smart/launch?launch=${JWT}&access_token=kQzVbXwRtYpLmNsD`,
    host: 'ehr.hospital.example',
    path: '/smart/launch',
    planted: ['eyJhbGci', 'kQzVbXwRtYpLmNsD'],
  },
  {
    name: 'UUID encounter id in query, screen view kept',
    url: `https://ehr.hospital.example/Encounters/List?view=Worklist&encounterId=${UUID}`,
    host: 'ehr.hospital.example',
    path: '/encounters/list?view=worklist',
    planted: [UUID],
  },
  {
    name: 'email in path',
    url: 'https://ehr.hospital.example/messages/compose/jane.doe@mail.example',
    host: 'ehr.hospital.example',
    path: '/messages/compose/:id',
    planted: ['jane', 'doe', 'mail.example'],
  },
  {
    name: 'matrix parameters',
    url: 'https://ehr.hospital.example/chart;jsessionid=ABC123XYZ/notes',
    host: 'ehr.hospital.example',
    path: '/:id/notes',
    planted: ['jsessionid', 'ABC123XYZ'],
  },
  {
    name: 'digit-free random session token',
    url: 'https://ehr.hospital.example/sso/kQzVbXwRtYpLmNsD/landing',
    host: 'ehr.hospital.example',
    path: '/sso/:id/landing',
    planted: ['kQzVbXwRtYpLmNsD'],
  },
  {
    name: 'long hex id',
    url: 'https://ehr.hospital.example/orders/deadbeefcafe1234',
    host: 'ehr.hospital.example',
    path: '/orders/:id',
    planted: ['deadbeef'],
  },
  // --- Dates ---
  {
    name: 'ISO date in path',
    url: 'https://ehr.hospital.example/schedule/2024-03-14/clinic',
    host: 'ehr.hospital.example',
    path: '/schedule/:id/clinic',
    planted: ['2024', '03-14'],
  },
  {
    name: 'US-style DOB in path',
    url: 'https://ehr.hospital.example/patients/search/dob/03-14-1958',
    host: 'ehr.hospital.example',
    path: '/patients/search/dob/:id',
    planted: ['1958', '03-14'],
  },
  {
    name: 'compact date in path',
    url: 'https://ehr.hospital.example/census/20240314/ward',
    host: 'ehr.hospital.example',
    // "ward" alone is also a surname (Ward), so it is not kept on its own.
    path: '/census/:id/:id',
    planted: ['20240314'],
  },
  // --- Names and encodings ---
  {
    name: 'percent-encoded Last, First in path',
    url: 'https://ehr.hospital.example/patients/Whitfield%2C%20John/chart',
    host: 'ehr.hospital.example',
    path: '/patients/:id/chart',
    planted: ['Whitfield', 'John'],
  },
  {
    name: 'name slug after patients with trailing slash',
    url: 'https://ehr.hospital.example/patients/john-whitfield/',
    host: 'ehr.hospital.example',
    path: '/patients/:id',
    planted: ['john', 'whitfield'],
  },
  {
    name: 'name slug in a non-subject position',
    url: 'https://ehr.hospital.example/consults/maria-okafor/note',
    host: 'ehr.hospital.example',
    path: '/consults/:id/note',
    planted: ['maria', 'okafor'],
  },
  {
    name: 'malformed percent-encoding',
    url: 'https://ehr.hospital.example/notes/%E0%A4%A/edit',
    host: 'ehr.hospital.example',
    path: '/notes/:id/edit',
    planted: ['%E0'],
  },
  {
    name: 'encoded slash inside a segment',
    url: 'https://ehr.hospital.example/documents/reports%2FOkafor/view',
    host: 'ehr.hospital.example',
    path: '/documents/:id/view',
    planted: ['Okafor'],
  },
  {
    name: 'MRN as a whole path segment',
    url: 'https://ehr.hospital.example/chart/E1234567/summary',
    host: 'ehr.hospital.example',
    path: '/chart/:id/summary',
    planted: ['E1234567'],
  },
  // --- Hosts, casing, normalisation ---
  {
    name: 'loopback host kept',
    url: 'http://127.0.0.1/ehr/home?user=jdoe',
    host: '127.0.0.1',
    path: '/ehr/home',
    planted: ['jdoe'],
  },
  {
    name: 'IPv6 host with port kept',
    url: 'http://[fd00::12]:8443/ehr?patient=Okafor',
    host: '[fd00::12]:8443',
    path: '/ehr',
    planted: ['Okafor'],
  },
  {
    name: 'upper-case scheme, host and path',
    url: 'HTTPS://EHR.Hospital.Example/Results/Review',
    host: 'ehr.hospital.example',
    path: '/results/review',
    planted: [],
  },
  {
    name: 'duplicate and trailing slashes collapse',
    url: 'https://ehr.hospital.example//chart///summary/',
    host: 'ehr.hospital.example',
    path: '/chart/summary',
    planted: [],
  },
  {
    name: 'root path',
    url: 'https://ehr.hospital.example/?mrn=00482913',
    host: 'ehr.hospital.example',
    path: '/',
    planted: ['00482913'],
  },
  // --- Query screen keys ---
  {
    name: 'screen keys sorted, case-insensitive, lower-cased',
    url: 'https://ehr.hospital.example/chart?VIEW=Summary&Tab=Orders&screen=order%20entry&mrn=00482913',
    host: 'ehr.hospital.example',
    path: '/chart?screen=order%20entry&tab=orders&view=summary',
    planted: ['00482913'],
  },
  {
    name: 'screen keys with identifying values dropped',
    url: 'https://ehr.hospital.example/chart?view=Whitfield&tab=Results2&page=2&section=john-whitfield&activity=Notes',
    host: 'ehr.hospital.example',
    path: '/chart?activity=notes',
    planted: ['Whitfield', 'Results2', 'john'],
  },
  {
    name: 'over-long screen value dropped',
    url: `https://ehr.hospital.example/chart?view=${'review-'.repeat(7)}notes`,
    host: 'ehr.hospital.example',
    path: '/chart',
    planted: [],
  },
];

describe('deidentifyUrl on EHR-like URLs', () => {
  it('has a broad fixture set', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(45);
  });

  for (const c of CASES) {
    it(c.name, () => {
      expect(deidentifyUrl(c.url)).toEqual({ host: c.host, path: c.path });
    });
  }

  it('never leaks a planted identifier into host+path', () => {
    for (const c of CASES) {
      const key = screenKey(deidentifyUrl(c.url)).toLowerCase();
      for (const id of c.planted) {
        expect(key, `${c.name}: ${id}`).not.toContain(id.toLowerCase());
      }
    }
  });

  it('produces paths that deidentifyPath leaves unchanged (idempotent)', () => {
    for (const c of CASES) {
      expect(deidentifyPath(c.path), c.name).toBe(c.path);
    }
  });
});

describe('path caps', () => {
  it('keeps at most 12 segments and marks the cut', () => {
    const url = `https://ehr.hospital.example/${Array(15).fill('chart').join('/')}`;
    const { path } = deidentifyUrl(url);
    expect(path).toBe(`/${Array(12).fill('chart').join('/')}/…`);
    expect(deidentifyPath(path)).toBe(path);
  });

  it('keeps at most 200 characters and marks the cut', () => {
    const word = 'medicationreconciliationreview'; // 30 characters, all screen words
    const { path } = deidentifyUrl(`https://ehr.hospital.example/${Array(8).fill(word).join('/')}`);
    expect(path.length).toBeLessThanOrEqual(200);
    expect(path).toBe(`/${Array(6).fill(word).join('/')}/…`);
    expect(deidentifyPath(path)).toBe(path);
  });
});

describe('non-web and invalid URLs', () => {
  const rejected = [
    'chrome://newtab/',
    'chrome-extension://abcdefghijklmnop/popup.html',
    'moz-extension://1234/popup.html',
    'file:///C:/Users/jdoe/Downloads/Okafor-labs.pdf',
    'about:blank',
    'data:text/html,<h1>Okafor</h1>',
    'javascript:void(0)',
    'ftp://files.hospital.example/Okafor.pdf',
    'not a url',
    '',
  ];

  for (const url of rejected) {
    it(`rejects ${JSON.stringify(url)}`, () => {
      expect(tryDeidentifyUrl(url)).toBeNull();
      expect(() => deidentifyUrl(url)).toThrow(/only valid http\(s\) URLs/);
    });
  }

  it('does not echo the URL in the error', () => {
    expect(() => deidentifyUrl('file:///home/jdoe/Okafor.pdf')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('Okafor') }),
    );
  });
});

describe('looksIdentifying', () => {
  const kept = [
    'med-rec',
    'order-entry',
    'patient-chart',
    'results-review',
    'in-basket',
    'chart-review',
    'mar',
    'flowsheets',
    'notes',
    'MedRec',
    'PowerChart',
    'v2',
    'R4',
    'Login.aspx',
    'epic',
  ];
  const identifying = [
    '',
    ID_PLACEHOLDER,
    'john-smith',
    'smith_john',
    'Whitfield,John',
    'doe.jane',
    'E1234567',
    'MRN-4829113',
    '2024-03-14',
    '03-14-1958',
    '20240314',
    UUID,
    'deadbeef12',
    'jane.doe@mail.example',
    'csn=4829113',
    'chart;jsessionid=x',
    "o'brien",
    'kQzVbXwRtYpLmNsD',
    'a'.repeat(31),
  ];

  it.each(kept)('keeps %s', (segment) => {
    expect(looksIdentifying(segment)).toBe(false);
  });
  it.each(identifying)('flags %s', (segment) => {
    expect(looksIdentifying(segment)).toBe(true);
  });
});

describe('screenKey and matchScreen', () => {
  it('joins host and path', () => {
    expect(screenKey({ host: 'ehr.hospital.example', path: '/chart/review' })).toBe(
      'ehr.hospital.example/chart/review',
    );
  });

  it('matches identifiers against :id', () => {
    expect(matchScreen('/patients/:id/chart', '/patients/4829113/chart')).toBe(true);
    expect(matchScreen('/patients/:id/chart', '/patients/john-whitfield/chart')).toBe(true);
    expect(matchScreen('/patients/4829113/chart', '/patients/E1234567/chart')).toBe(true);
  });

  it('normalises case, slashes and query before comparing', () => {
    expect(matchScreen('/Chart/Review/', '/chart/review')).toBe(true);
    expect(matchScreen('/chart?tab=orders', '/Chart?mrn=00482913&TAB=Orders#x')).toBe(true);
    expect(matchScreen('chart/review', '/chart/review')).toBe(true);
    expect(deidentifyPath('//ehr.hospital.example/chart')).toBe('/:id/chart');
  });

  it('does not match different screens', () => {
    expect(matchScreen('/chart/review', '/chart/summary')).toBe(false);
    expect(matchScreen('/patients/:id', '/patients/:id/chart')).toBe(false);
    expect(matchScreen('/chart?tab=orders', '/chart')).toBe(false);
    expect(matchScreen('/patients/search', '/patients/:id')).toBe(false);
  });
});
