// Cases written for the detector's development, apart from the public sample and from the
// independent corpus: the kinds of miss found on text written by other hands (lower-case names,
// names of many cultures after prepositions, census-style names, compact dates, licence, plate,
// serial and transmitter numbers in other formats, '#' with a hyphenated number, counties and
// towns), and clean notes full of words that look like names and numbers but are not.
import { describe, expect, it } from 'vitest';
import { findIdentifiers, type IdentifierKind } from '../../shared/phi';

const found = (text: string): string[] => findIdentifiers(text).map((s) => text.slice(s.start, s.end));
const kinds = (text: string): Array<[IdentifierKind, string]> =>
  findIdentifiers(text).map((s) => [s.kind, text.slice(s.start, s.end)]);

describe('names the sample did not teach', () => {
  it('reads lower-case full names from the lists', () => {
    expect(found('spoke with ngozi okafor about her meds')).toEqual(['ngozi okafor']);
    expect(found('mwangi kamau called twice about the bill')).toEqual(['mwangi kamau']);
    expect(found('message from bogdan kowalczyk re insulin')).toEqual(['bogdan kowalczyk']);
  });
  it('reads names of many cultures after a preposition', () => {
    expect(found('orders for Oluwaseun Adeyemi were lost')).toEqual(['Oluwaseun Adeyemi']);
    expect(found('talked with Tesfaye Gebremedhin at bedside')).toEqual(['Tesfaye Gebremedhin']);
    expect(found('bed 4 is Thi Huong Nguyen')).toEqual(['Thi Huong Nguyen']);
    expect(found('waiting on Mehmet Yilmaz for consent')).toEqual(['Mehmet Yilmaz']);
  });
  it('reads census-style SURNAME,FIRST and Surname, First', () => {
    expect(found('OKAFOR,NGOZI in 4W')).toEqual(['OKAFOR,NGOZI']);
    expect(found('GONZALEZ,MARIA L wrong band')).toEqual(['GONZALEZ,MARIA L']);
    expect(found('label printed Okafor,Ngozi again')).toEqual(['Okafor,Ngozi']);
    expect(found('Kowalczyk, Bogdan needs a sitter')).toEqual(['Kowalczyk, Bogdan']);
  });
});

describe('names the lists lack, read from their context', () => {
  it('reads a name before a verb a person does, or a label or number about them', () => {
    expect(found('Zdravka Petkovic asked for her glasses')).toEqual(['Zdravka Petkovic']);
    expect(found('Oyelade Tamuno D/L 77-301-2291 scanned')).toEqual(['Oyelade Tamuno', '77-301-2291']);
  });
  it('reads a possessive before something a person has', () => {
    expect(found("wrong visit on Zdravka's consent again")).toEqual(['Zdravka']);
  });
  it('reads census-style names the lists do not know', () => {
    expect(found('label: petkovic,zdravka | room 4')).toEqual(['petkovic,zdravka']);
    expect(found('band says TAMUNO, ADA K at triage')).toEqual(['TAMUNO, ADA K']);
  });
  it('reads names after a preposition, with particles and initials', () => {
    expect(found('redraw for Zdravka')).toEqual(['Zdravka']);
    expect(found('prior auth denied for Tamuno van der Berg.')).toEqual(['Tamuno van der Berg']);
    expect(found('tab for Oyelade K. Tamuno')).toEqual(['Oyelade K. Tamuno']);
  });
  it('does not read eponyms, findings or drugs as names', () => {
    for (const t of [
      'is there a protocol for Kelly clamp with Todd paralysis?',
      "anyone know the Ivor Lewis esophagectomy vs Beck's triad?",
      'pls cb re acetaminophen dose, platelets 251',
      'urosepsis, CVP 15, anaphylaxis, aPTT 85',
      'Pt from Texas needs an Amharic interpreter',
    ]) {
      expect(found(t), t).toEqual([]);
    }
  });
});

describe('numbers in formats the sample did not teach', () => {
  it('reads dates and ages in compact and short forms', () => {
    expect(found('DOB 15JAN1993 on the band')).toEqual(['15JAN1993']);
    expect(found('surgery 2-Nov-19 per OSH')).toEqual(['2-Nov-19']);
    expect(found('DOB 3.14.58 smudged')).toEqual(['3.14.58']);
    expect(found('trauma bay 3, 103 years of age')).toEqual(['103 years of age']);
    expect(found('version 1.2.25 deployed')).toEqual([]);
  });
  it('reads SSNs with any one separator used alike', () => {
    expect(found('SSN 123 - 45 - 6789 wrong')).toEqual(['123 - 45 - 6789']);
    expect(found('needs 632.21.7087 on the form')).toEqual(['632.21.7087']);
  });
  it('reads a personal page on a hosting service without a path', () => {
    expect(found('family set up zdravkapetkovic.blogspot.com for updates')).toEqual(['zdravkapetkovic.blogspot.com']);
  });
  it('reads compact dates after DOB or admit', () => {
    expect(kinds('DOB 031458 on the band')).toEqual([['date', '031458']]);
    expect(kinds('DOB: 19580314 wrong')).toEqual([['date', '19580314']]);
    expect(kinds('admit 061524 per ED')).toEqual([['date', '061524']]);
    expect(kinds('adm 20240615 via ED')).toEqual([['date', '20240615']]);
  });
  it('reads licence numbers in any layout after their label', () => {
    expect(kinds('DL S530-4187-6621 scanned')).toEqual([['license', 'S530-4187-6621']]);
    expect(kinds('driver lic A123-456-78-901-0')).toEqual([['license', 'A123-456-78-901-0']]);
    expect(kinds('DL no. 123 456 789 on file')).toEqual([['license', '123 456 789']]);
  });
  it('reads plates, serials and transmitter ids in any layout after their label', () => {
    expect(kinds('plate ABC-1234 towed')).toEqual([['vehicle', 'ABC-1234']]);
    expect(kinds('license plate: 4GHJ 882')).toEqual([['vehicle', '4GHJ 882']]);
    expect(kinds('Dexcom transmitter ID 8NM3KQ')).toEqual([['device', '8NM3KQ']]);
    expect(kinds('pump S/N: 1234-567-890')).toEqual([['device', '1234-567-890']]);
  });
  it("reads '#' and a hyphenated number", () => {
    expect(found('chart #12-3456-78 wrong')).toEqual(['12-3456-78']);
    expect(kinds('acct #4471-2209-13')).toEqual([['account', '4471-2209-13']]);
  });
  it('keeps a grouped value to its own groups', () => {
    expect(found('MRN 123456 4 West')).toEqual(['123456']);
    expect(found('ticket #882104 still open')).toEqual([]);
  });
});

describe('places the sample did not teach', () => {
  it('reads counties in any case, without the words before them', () => {
    expect(found('lives in marion county')).toEqual(['marion county']);
    expect(found('lives out in Fairfax county')).toEqual(['Fairfax county']);
    expect(found('lives in rural Marion County')).toEqual(['Marion County']);
    expect(found('St. Lucie County EMS brought her')).toEqual(['St. Lucie County']);
  });
  it('leaves "the county" and its kin alone', () => {
    expect(found('the county health dept and the same county clinic')).toEqual([]);
  });
});

describe('clean notes stay clean', () => {
  for (const text of [
    'Will call pharmacy; may need Foley; hope to d/c; Mark the I/O; bill the CPT 99213',
    "Graves' disease, Swan-Ganz, Parkinson's, Whipple, Braden 14, Glasgow 15",
    'Rose from bed to chair with Hill-Rom alarm on',
    'Grant access in Epic for Lovenox, Eliquis, Dexcom G7, Omnipod',
    'per Dr. Patel the Hickman stays; ask Pharmacy about the Warfarin Clinic',
    'charge nurse on 4 West said the MICU bed 12 is ready; RT at bedside',
    'Young pt with Crohn flare, Hunt and Hess 2, Fisher grade 3',
    'Bill Medicare for the visit, grant the waiver, hope for the best',
  ]) {
    it(JSON.stringify(text), () => expect(found(text)).toEqual([]));
  }
});
