import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { findIdentifiers } from '../../shared/phi';

// The identifier detector's own Worker (worker/detector.ts), reached over the API's DETECTOR binding
// exactly as in production: the API bundle no longer holds the detector (bench `size`).
describe('the detector Worker', () => {
  const texts = [
    'Med rec screen times out before I can save',
    'Patient John Smith MRN 12345678 DOB 03/14/1962 could not be saved',
    'Call me on 555-867-5309 about bed 12',
    '',
  ];

  it('answers each text exactly as findIdentifiers does, in order', async () => {
    const found = await env.DETECTOR.find(texts);
    expect(found).toEqual(texts.map((t) => findIdentifiers(t)));
    expect(found[1]?.map((s) => s.kind)).toEqual(expect.arrayContaining(['name', 'mrn', 'date']));
  });
});
