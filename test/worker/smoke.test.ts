import { describe, expect, it } from 'vitest';
import { api, enroll, seedCatalog } from './helpers';

describe('smoke', () => {
  it('enrolls and flags', async () => {
    const { unitId } = await seedCatalog();
    const s = await enroll(['clinician'], 'Nurse Test');
    const res = await api('/v1/flags', {
      token: s.token,
      body: {
        clientId: crypto.randomUUID(),
        text: 'med rec screen times out',
        category: 'documentation_ehr',
        frequency: 'daily',
        minutesLost: 5,
        impact: 'delay',
        unitId,
        screen: { host: 'ehr.example.org', path: '/medrec/:id' },
      },
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    const doc = (await (await api('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(doc.paths['/v1/flags']?.post).toMatchObject({ 'x-roles': ['clinician', 'mentor', 'lead'] });
  });
});
