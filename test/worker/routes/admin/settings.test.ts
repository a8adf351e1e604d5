import { describe, expect, it } from 'vitest';
import { api, enroll, enrollAdmin, expectError, issuePaths } from '../../helpers';

const patch = (token: string, body: unknown) => api('/v1/admin/settings', { method: 'PATCH', token, body });

describe('settings validation the admin form relies on', () => {
  it('reports every invalid field at once, each with a path and a message, and changes nothing', async () => {
    const admin = await enrollAdmin();
    const before = await (await api('/v1/admin/settings', { token: admin.token })).json();
    const err = await expectError(
      await patch(admin.token, {
        kAnonymity: 1,
        idleSignOutMinutes: -1,
        timeZone: 'Atlantis/Capital',
        retentionDays: -30,
        incidentReportingUrl: 'not a url',
        frequencyMultipliers: { daily: -1, every_shift: 10, every_patient: 50 },
      }),
      400,
      'validation_failed',
    );
    expect(issuePaths(err).sort()).toEqual(
      [
        'frequencyMultipliers.daily',
        'idleSignOutMinutes',
        'incidentReportingUrl',
        'kAnonymity',
        'retentionDays',
        'timeZone',
      ].sort(),
    );
    for (const d of err.error.details as { message: string }[]) expect(d.message).toBeTruthy();
    expect(
      (err.error.details as { path: string[]; message: string }[]).find((d) => d.path[0] === 'timeZone')?.message,
    ).toBe('Unknown time zone');
    expect(await (await api('/v1/admin/settings', { token: admin.token })).json()).toEqual(before);
  });

  it('turns idle sign-out on for every user through the public settings', async () => {
    const admin = await enrollAdmin();
    expect((await patch(admin.token, { idleSignOutMinutes: 15 })).status).toBe(200);
    const user = await enroll();
    const visible = (await (await api('/v1/settings', { token: user.token })).json()) as { idleSignOutMinutes: number };
    expect(visible.idleSignOutMinutes).toBe(15);
    expect((await patch(admin.token, { idleSignOutMinutes: 0 })).status).toBe(200);
  });

  it('refuses settings changes from every other role', async () => {
    for (const role of ['clinician', 'mentor', 'lead'] as const) {
      const { token } = await enroll([role]);
      await expectError(await patch(token, { kAnonymity: 10 }), 403, 'forbidden');
    }
  });
});
