// Multi-use local demo codes: each enrolls a new user with exactly that role.
export const DEMO_CODES = [
  ['DEMO-CLINICIAN', ['clinician'], 'nursing', 'unit-4west'],
  ['DEMO-MENTOR', ['mentor'], 'nursing', 'unit-micu'],
  ['DEMO-LEAD', ['lead'], 'nursing', 'unit-4west'],
  ['DEMO-ADMIN', ['admin'], 'admin', null],
];
