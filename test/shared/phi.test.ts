import { describe, expect, it } from 'vitest';
import {
  findIdentifiers,
  IDENTIFIER_KINDS,
  type IdentifierKind,
  KIND_LABELS,
  redactIdentifiers,
} from '../../shared/phi';

/** The identifiers found in `text`, as [kind, value] pairs. */
function found(text: string): Array<[IdentifierKind, string]> {
  return findIdentifiers(text).map((s) => [s.kind, text.slice(s.start, s.end)]);
}

/** Values found, whatever their kind. */
function values(text: string): string[] {
  return found(text).map(([, v]) => v);
}

describe('findIdentifiers: names', () => {
  it('reads a title, marking the name only', () => {
    expect(found('please call Mrs. Abernethy-Cole back')).toEqual([['name', 'Abernethy-Cole']]);
    expect(found('ms vandermeer asked for the AVS')).toEqual([['name', 'vandermeer']]);
  });
  it('reads a relation word before the name', () => {
    expect(found('her nephew Tobias Lindqvist is the contact')).toEqual([['name', 'Tobias Lindqvist']]);
    expect(values('callback son Mateo')).toEqual(['Mateo']);
  });
  it('reads Last, First and LAST, FIRST M', () => {
    expect(values('wrong label on Whitcombe, Harriet again')).toEqual(['Whitcombe, Harriet']);
    expect(values('OKONKWO, CHINEDU A | 54 yo | bed 4')).toEqual(['OKONKWO, CHINEDU A']);
  });
  it('reads an initial and a surname, and lower-case full names', () => {
    expect(values('R. Castellanos DOB 02/03/1961')).toEqual(['R. Castellanos', '02/03/1961']);
    expect(values('maria gonzalez keeps paging the desk')).toEqual(['maria gonzalez']);
  });
  it('reads a name before DOB or an age', () => {
    expect(values('Tomasz Wierzbicki (DOB 5/6/1948) on 3 East')).toEqual(['Tomasz Wierzbicki', '5/6/1948']);
    expect(values('Beatriz, 93 y/o, fell overnight')).toEqual(['Beatriz', '93 y/o']);
  });
  it('leaves eponyms, products, roles and clinicians alone', () => {
    for (const t of [
      'Foley catheter and Swan-Ganz placed, Glasgow coma scale 14',
      "new to Parkinson's and Hodgkin pts, Braden score 12, Whipple procedure tomorrow",
      'Epic, Cerner, PowerChart, Pyxis, Omnicell, Vocera, UpToDate, Kronos and Meditech all froze',
      'charge nurse paged the hospitalist; PA and RT at bedside',
      'Dr. Chen said to hold the heparin',
      'Jackson-Pratt drain and Hickman line care per the Morse fall protocol',
    ]) {
      expect(found(t), t).toEqual([]);
    }
  });
});

describe('findIdentifiers: dates and ages', () => {
  it('finds dates in every common layout', () => {
    for (const d of ['03/14/1958', '3/14/58', '14 Mar 2023', 'March 14th, 2023', '2023-03-14', '14-Mar-2023']) {
      expect(values(`adm ${d} via ED`), d).toEqual([d]);
    }
    expect(values('seen 6/21 in clinic')).toEqual(['6/21']);
    expect(values('dc planned for Oct 9')).toEqual(['Oct 9']);
  });
  it('marks a birth year only when it implies an age over 89', () => {
    const old = new Date().getFullYear() - 95;
    expect(found(`pt was born in ${old}`)).toEqual([['date', String(old)]]);
    expect(found('pt was born in 1950, on metformin')).toEqual([]);
  });
  it('finds ages over 89 with their unit, or the number after a label', () => {
    expect(values('a 93 yo with CHF')).toEqual(['93 yo']);
    expect(values('she is a 97-year-old')).toEqual(['97-year-old']);
    expect(values('91F with syncope')).toEqual(['91F']);
    expect(values('pt is aged 102')).toEqual(['102']);
  });
  it('leaves ages up to 89, years, times and ratios alone', () => {
    for (const t of [
      'pt is 78 yo, 89 y/o sister, 64M',
      'since the 2024 upgrade the report is slow',
      'meds due at 0700, 1930 and 7:30, pass at 3am',
      'BP 150/90, pain 7/10, strength 4/5 bilaterally',
    ]) {
      expect(found(t), t).toEqual([]);
    }
  });
});

describe('findIdentifiers: numbers by label and by shape', () => {
  it('finds record, account, plan, licence, vehicle, device and other numbers by their labels', () => {
    expect(found('MRN 00917734 and MR# E5521987')).toEqual([
      ['mrn', '00917734'],
      ['mrn', 'E5521987'],
    ]);
    expect(found('wrong FIN 6620018842 on the consent')).toEqual([['account', '6620018842']]);
    expect(found('CSN 80012345678, HAR 44120937')).toEqual([
      ['account', '80012345678'],
      ['account', '44120937'],
    ]);
    expect(found('Medicaid ID QRT448812093 denied')).toEqual([['health_plan', 'QRT448812093']]);
    expect(found('DL# W4410982 scanned')).toEqual([['license', 'W4410982']]);
    expect(found('car plate 5TRM882 in the lot')).toEqual([['vehicle', '5TRM882']]);
    expect(found('pump serial no. KPL558231Z')).toEqual([['device', 'KPL558231Z']]);
    expect(found('accession 25-118-4470 mislabeled')).toEqual([['other_id', '25-118-4470']]);
  });
  it('finds SSNs, a Medicare MBI and a VIN by shape', () => {
    expect(found('ssn 412-66-0831 on the face sheet')).toEqual([['ssn', '412-66-0831']]);
    expect(found('SSN was 412660831')).toEqual([['ssn', '412660831']]);
    expect(found('card says 2XK9-WD3-RT51')).toEqual([['health_plan', '2XK9-WD3-RT51']]);
    expect(found('VIN 2FMDK48C97BA12345')).toEqual([['vehicle', '2FMDK48C97BA12345']]);
  });
  it('finds phones, faxes, e-mail, links and IP addresses', () => {
    expect(found('daughter cell (612) 555-0187')).toEqual([['phone', '(612) 555-0187']]);
    expect(found('call 612.555.0187 or 6125550187')).toEqual([
      ['phone', '612.555.0187'],
      ['phone', '6125550187'],
    ]);
    expect(found('fax 612-555-0190 for records')).toEqual([['fax', '612-555-0190']]);
    expect(found('send to g.ferraro@example.net please')).toEqual([['email', 'g.ferraro@example.net']]);
    expect(found('portal https://portal.example.org/msg?id=77812')).toEqual([
      ['url', 'https://portal.example.org/msg?id=77812'],
    ]);
    expect(found('home monitor 192.168.40.12 offline')).toEqual([['ip', '192.168.40.12']]);
  });
  it('leaves doses, labs, scores, rooms, codes, tickets and extensions alone', () => {
    for (const t of [
      'gave 5 mg IV and 40 mEq PO, K 3.2, INR 2.4',
      'GCS 14, CIWA 18, RASS -2, pain 7/10',
      'bed 12, rm 512B, room 4120, bay 3, 4 West, 5N, MICU',
      'bill CPT 99223 and 74177 with ICD N18.4',
      'ticket INC0048213 and ticket #882104 still open',
      'pharmacy at x4410 or ext. 54410',
      'the MRN field, the fax queue and the DOB box are all blank',
    ]) {
      expect(found(t), t).toEqual([]);
    }
  });
});

describe('findIdentifiers: addresses', () => {
  it('finds a street line with unit, the city and the ZIP', () => {
    expect(found('lives at 2291 Briar Creek Rd Apt 3C, Florence, KY 41042')).toEqual([
      ['address', '2291 Briar Creek Rd Apt 3C'],
      ['address', 'Florence'],
      ['zip', '41042'],
    ]);
    expect(found('mail to PO Box 8812, Taos, NM 87571-1234')).toEqual([
      ['address', 'PO Box 8812'],
      ['address', 'Taos'],
      ['zip', '87571-1234'],
    ]);
  });
  it('finds a ZIP by its label but not a CPT code', () => {
    expect(found('zip 30318 rejected')).toEqual([['zip', '30318']]);
    expect(found('billed 99213 today')).toEqual([]);
  });
});

describe('findIdentifiers: output shape', () => {
  it('returns sorted, non-overlapping spans inside the text', () => {
    const text = 'SMITH, ANNA | 94 yo | MRN 5512093\nMrs. Smith at 14 Oak Ln, Dover, DE 19901 (302) 555-0111';
    const spans = findIdentifiers(text);
    expect(spans.length).toBeGreaterThan(5);
    let prevEnd = 0;
    for (const s of spans) {
      expect(s.start).toBeLessThan(s.end);
      expect(s.end).toBeLessThanOrEqual(text.length);
      expect(s.start).toBeGreaterThanOrEqual(prevEnd);
      prevEnd = s.end;
    }
  });
  it('returns nothing for empty text', () => {
    expect(findIdentifiers('')).toEqual([]);
  });
});

describe('redactIdentifiers', () => {
  it('replaces each span by its kind in brackets', () => {
    expect(redactIdentifiers('Mrs. Okonjo DOB 3/14/1941, MRN 7781204, cell 612-555-0187')).toBe(
      'Mrs. [NAME] DOB [DATE], MRN [MRN], cell [PHONE]',
    );
  });
  it('takes precomputed spans and leaves text without identifiers unchanged', () => {
    expect(redactIdentifiers('abc def', [{ start: 4, end: 7, kind: 'other_id' }])).toBe('abc [OTHER_ID]');
    expect(redactIdentifiers('pain 7/10 after 5 mg')).toBe('pain 7/10 after 5 mg');
  });
});

describe('KIND_LABELS', () => {
  it('has a phrase for every kind', () => {
    for (const k of IDENTIFIER_KINDS) expect(KIND_LABELS[k]).toMatch(/^an? /);
    expect(KIND_LABELS.date).toBe('a date (e.g. date of birth)');
    expect(KIND_LABELS.mrn).toBe('a medical record number');
  });
});
