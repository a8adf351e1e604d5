import { describe, expect, it } from 'vitest';
import { FlagList } from '../../../shared/flags';
import { api, enroll, expectError, issuePaths } from '../helpers';
import { detail, flag, lead, list, screen, uniqueHost } from '../hotspots-helpers';

async function merge(token: string, id: string, into: string) {
  return api(`/v1/hotspots/${id}/merge`, { token, body: { into } });
}
async function unmerge(token: string, id: string) {
  return api(`/v1/hotspots/${id}/unmerge`, { token, method: 'POST' });
}

async function threeHotspots() {
  const host = uniqueHost();
  const a = await enroll();
  const b = await enroll();
  const l = await lead();
  const fa = await flag(a.token, { screen: screen(host, '/orders'), frequency: 'once', minutesLost: 1 });
  const fb = await flag(b.token, { screen: screen(host, '/notes'), frequency: 'once', minutesLost: 2 });
  await flag(a.token, { screen: screen(host, '/notes'), frequency: 'once', minutesLost: 4 });
  const fc = await flag(b.token, { screen: screen(host, '/results'), frequency: 'once', minutesLost: 8 });
  return { host, a, b, l, A: fa.hotspotId ?? '', B: fb.hotspotId ?? '', C: fc.hotspotId ?? '' };
}

describe('merging hotspots', () => {
  it('moves flags and reporters to the target, counting a shared reporter once', async () => {
    const { host, l, A, B } = await threeHotspots();
    const res = await merge(l.token, A, B);
    expect(res.status).toBe(200);
    const target = await detail(l.token, B);
    expect(target).toMatchObject({ flagCount: 3, reporterCount: 2, minutesPerWeek: 7 });
    expect(target.members.map((m) => m.id)).toEqual([A]);
    const merged = await detail(l.token, A);
    expect(merged).toMatchObject({ mergedInto: B, flagCount: 0, reporterCount: 0 });
    const ids = (await list(l.token, { host })).hotspots.map((h) => h.id);
    expect(ids).not.toContain(A);
    expect(ids).toContain(B);
  });

  it('sends new flags on a merged screen to the target, with the target’s status', async () => {
    const { host, a, l, A, B } = await threeHotspots();
    await merge(l.token, A, B);
    await api(`/v1/hotspots/${B}`, {
      method: 'PATCH',
      token: l.token,
      body: { status: 'acknowledged', response: 'Looking into it' },
    });
    const later = await flag(a.token, { screen: screen(host, '/orders') });
    expect(later).toMatchObject({ hotspotId: B, status: 'acknowledged', response: 'Looking into it' });
    const mine = FlagList.parse(await (await api('/v1/flags/mine', { token: a.token })).json());
    // A reporter's flags on the merged screen now carry the target's id, status and response.
    expect(mine.flags.map((f) => f.hotspotId)).not.toContain(A);
    expect(mine.flags.filter((f) => f.hotspotId === B).every((f) => f.status === 'acknowledged')).toBe(true);
    expect((await detail(l.token, B)).flagCount).toBe(4);
  });

  it('merging into a merged hotspot goes to its final target', async () => {
    const { l, A, B, C } = await threeHotspots();
    expect((await merge(l.token, B, C)).status).toBe(200);
    const res = await merge(l.token, A, B);
    expect(res.status).toBe(200);
    expect((await detail(l.token, A)).mergedInto).toBe(C);
    expect(await detail(l.token, C)).toMatchObject({ flagCount: 4, minutesPerWeek: 15 });
  });

  it('refuses self-merge and cycles with 400, and a second merge with 409', async () => {
    const { l, A, B, C } = await threeHotspots();
    let body = await expectError(await merge(l.token, A, A), 400, 'validation_failed');
    expect(issuePaths(body)).toEqual(['into']);
    expect((await merge(l.token, A, B)).status).toBe(200);
    body = await expectError(await merge(l.token, B, A), 400, 'validation_failed');
    expect(body.error.message).toMatch(/cycle/);
    await expectError(await merge(l.token, A, C), 409, 'conflict');
    body = await expectError(await merge(l.token, C, 'abcdefabcdef'), 400, 'validation_failed');
    await expectError(await merge(l.token, 'abcdefabcdef', C), 404, 'not_found');
  });

  it('undoes a merge, restoring both hotspots exactly', async () => {
    const { l, A, B } = await threeHotspots();
    const before = [await detail(l.token, A), await detail(l.token, B)];
    await merge(l.token, A, B);
    const res = await unmerge(l.token, A);
    expect(res.status).toBe(200);
    const after = [await detail(l.token, A), await detail(l.token, B)];
    expect(after.map((d) => [d.mergedInto, d.flagCount, d.reporterCount, d.minutesPerWeek, d.impact])).toEqual(
      before.map((d) => [d.mergedInto, d.flagCount, d.reporterCount, d.minutesPerWeek, d.impact]),
    );
    await expectError(await unmerge(l.token, A), 409, 'conflict');
  });

  it('undoing a middle merge brings back what was merged into it', async () => {
    const { l, A, B, C } = await threeHotspots();
    await merge(l.token, A, B);
    await merge(l.token, B, C);
    expect((await detail(l.token, C)).flagCount).toBe(4);
    await unmerge(l.token, B);
    expect(await detail(l.token, B)).toMatchObject({ mergedInto: null, flagCount: 3 });
    expect(await detail(l.token, A)).toMatchObject({ mergedInto: B });
    expect((await detail(l.token, C)).flagCount).toBe(1);
  });

  it('refuses a status change on a merged hotspot with 409', async () => {
    const { l, A, B } = await threeHotspots();
    await merge(l.token, A, B);
    const res = await api(`/v1/hotspots/${A}`, { method: 'PATCH', token: l.token, body: { status: 'acknowledged' } });
    await expectError(res, 409, 'conflict');
  });
});
