import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/auth';
import { CreditPreference } from '../../../shared/credit';
import type { Discipline } from '../../../shared/enums';
import { FlagList } from '../../../shared/flags';
import { api, enroll, enrollAdmin, expectError } from '../helpers';
import { anonymousFlag, clinicianIn, flag, hourlyBatch, screen, uniqueHost } from '../hotspots-helpers';
import { setSettings } from '../mentor-helpers';

const creditMe = (s: Session, on: boolean) =>
  api('/v1/me/credit', { method: 'PUT', token: s.token, body: { creditMe: on } });

async function unit(name: string): Promise<string> {
  const id = `unit${crypto.randomUUID().slice(0, 8)}`;
  await env.DB.prepare('INSERT INTO units (id, name) VALUES (?1, ?2)').bind(id, name).run();
  return id;
}

/** A reporter of `discipline` on a unit, who opted in (or not). */
async function reporter(unitId: string | null, discipline: Discipline, optIn: boolean) {
  const s = await clinicianIn(unitId, `Rep ${crypto.randomUUID().slice(0, 4)}`);
  await env.DB.prepare('UPDATE users SET discipline = ?2 WHERE id = ?1').bind(s.user.id, discipline).run();
  expect((await creditMe(s, optIn)).status).toBe(200);
  return s;
}

async function myFlag(s: Session) {
  const res = await api('/v1/flags/mine', { token: s.token });
  return FlagList.parse(await res.json()).flags[0];
}

describe('reporters’ credit on "you said, we did"', () => {
  it('is off until a reporter opts in, and only they change it', async () => {
    const s = await enroll();
    const read = async () => CreditPreference.parse(await (await api('/v1/me/credit', { token: s.token })).json());
    expect(await read()).toEqual({ creditMe: false });
    await creditMe(s, true);
    expect(await read()).toEqual({ creditMe: true });
    await expectError(
      await api('/v1/me/credit', { method: 'PUT', token: s.token, body: { creditMe: true, userId: 'x' } }),
      400,
      'validation_failed',
    );
    const admin = await enrollAdmin();
    await expectError(await api('/v1/me/credit', { token: admin.token }), 403, 'forbidden');
  });

  it('credits opted-in reporters in groups of at least k, never a smaller group, never opt-outs or anonymous flags', async () => {
    const admin = await enrollAdmin();
    await setSettings(admin, { kAnonymity: 3 });
    const host = uniqueHost();
    const west = await unit(`4 West ${host.slice(4, 8)}`);
    const east = await unit(`5 East ${host.slice(4, 8)}`);
    const nurses = await Promise.all([1, 2, 3, 4].map(() => reporter(west, 'nursing', true)));
    const pharmacists = await Promise.all([1, 2].map(() => reporter(east, 'pharmacy', true))); // under k
    const optedOut = await Promise.all([1, 2, 3].map(() => reporter(east, 'therapy', false)));
    // Opted in, but flagging anonymously: never credited.
    const quiet = await Promise.all([1, 2, 3].map(() => reporter(east, 'medicine', true)));
    for (const s of [...nurses, ...pharmacists, ...optedOut]) await flag(s.token, { screen: screen(host) });
    for (const s of quiet) await anonymousFlag(s.token, { screen: screen(host) });
    await hourlyBatch();

    // A nurse reads "4 nurses on 4 West" (3 others meet k); nothing else reaches k.
    const seen = await myFlag(nurses[0] as Session);
    expect(seen?.credit).toEqual([{ discipline: 'nursing', unitName: expect.stringMatching(/^4 West/), count: 4 }]);
    // A pharmacist sees the nurses too, but never the 2 pharmacists, and no therapists or physicians at all.
    const other = await myFlag(pharmacists[0] as Session);
    expect(other?.credit?.map((g) => g.discipline)).toEqual(['nursing']);
    for (const g of other?.credit ?? []) expect(g.count).toBeGreaterThanOrEqual(3);

    // When one nurse opts out, the group falls under k for the others and disappears.
    await creditMe(nurses[3] as Session, false);
    expect((await myFlag(nurses[0] as Session))?.credit).toEqual([]);
  });
});
