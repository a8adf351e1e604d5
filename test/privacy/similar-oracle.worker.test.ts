// "Similar flags" as an oracle (issue 13 §6): a draft must learn nothing about what anyone wrote.
// Matching reads only the public title and screen of hotspots that k distinct named reporters other
// than the caller flagged; a draft with too few distinctive words gets an empty answer; no score.
import { describe, expect, it } from 'vitest';
import type { Session } from '../../shared/auth';
import { SimilarList } from '../../shared/hotspots';
import { api, enroll } from '../worker/helpers';
import { anonymousFlag, flag, lead, screen, uniqueHost } from '../worker/hotspots-helpers';

/** k as the organisation's default settings have it. */
const K = 3;

async function similar(token: string, host: string, text: string) {
  const res = await api('/v1/flags/similar', { token, body: { host, text } });
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  return { raw: json as { hotspots: Record<string, unknown>[] }, ...SimilarList.parse(json) };
}

async function setTitle(hotspotId: string, title: string) {
  const l = await lead();
  const res = await api(`/v1/hotspots/${hotspotId}`, { method: 'PATCH', token: l.token, body: { title } });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** `n` named reporters, each flagging the same screen with `text`; returns the hotspot id. */
async function namedFlags(n: number, host: string, path: string, text: string, reporters: Session[] = []) {
  const people = [...reporters];
  while (people.length < n) people.push(await enroll());
  let id = '';
  for (const p of people) id = (await flag(p.token, { screen: screen(host, path), text })).hotspotId ?? '';
  return id;
}

describe('similar flags are no oracle on what others wrote', () => {
  it('cannot tell whether a word is in a below-k flag’s text', async () => {
    const host = uniqueHost();
    const victim = await enroll();
    await flag(victim.token, {
      screen: screen(host, '/orders/:id'),
      text: 'Quokkaward printer jams whenever the marmoset labels run out',
    });
    const prober = await enroll();
    for (const draft of [
      'quokkaward',
      'quokkaward marmoset',
      'quokkaward printer jams marmoset labels',
      'quokkaward printer jams whenever the marmoset labels run out',
    ]) {
      expect((await similar(prober.token, host, draft)).hotspots, draft).toEqual([]);
    }
  });

  it('cannot tell whether a word is in an anonymous flag’s text, and anonymous flags never make k', async () => {
    const host = uniqueHost();
    // K - 1 named reporters and several anonymous flags: every view counted the anonymous ones as one
    // more reporter, so the hotspot "met k" with K - 1 real people.
    const id = await namedFlags(K - 1, host, '/labs/:id', 'Lab results screen freezes on refresh');
    const sender = await enroll();
    for (let i = 0; i < 3; i++) {
      await anonymousFlag(sender.token, {
        screen: screen(host, '/labs/:id'),
        text: `Pangolinsky results vanish after the wombatty timeout ${i}`,
      });
    }
    await setTitle(id, 'Lab results freeze');
    const prober = await enroll();
    for (const draft of ['pangolinsky wombatty', 'pangolinsky results vanish after the wombatty timeout']) {
      expect((await similar(prober.token, host, draft)).hotspots, draft).toEqual([]);
    }
    // Not even by its public title: K - 1 named reporters do not meet k, however many anonymous flags.
    expect((await similar(prober.token, host, 'lab results freeze on this labs screen')).hotspots).toEqual([]);
  });

  it('matches a hotspot that meets k on its public title and screen, never on its flags’ text', async () => {
    const host = uniqueHost();
    const id = await namedFlags(K, host, '/medrec/reconcile', 'The capybarish button greys out after the third dose');
    const prober = await enroll();
    // Words only in the flags' text find nothing.
    expect((await similar(prober.token, host, 'capybarish button greys out after the third dose')).hotspots).toEqual(
      [],
    );
    // The screen's words find it…
    const byScreen = await similar(prober.token, host, 'medrec reconcile tab keeps timing out on save');
    expect(byScreen.hotspots.map((h) => h.id)).toEqual([id]);
    // …and so does the title a lead gave it.
    await setTitle(id, 'Allergy banner hides dose field');
    const byTitle = await similar(prober.token, host, 'the allergy banner hides the dose field again');
    expect(byTitle.hotspots.map((h) => h.id)).toEqual([id]);
    // Only on this system.
    expect(
      (await similar(prober.token, uniqueHost(), 'the allergy banner hides the dose field again')).hotspots,
    ).toEqual([]);
  });

  it('returns no score, only what every clinician on the system already sees', async () => {
    const host = uniqueHost();
    const id = await namedFlags(K, host, '/discharge/summary', 'Discharge summary loses the follow-up plan');
    const prober = await enroll();
    const { raw, hotspots } = await similar(prober.token, host, 'discharge summary screen drops the plan');
    expect(hotspots.map((h) => h.id)).toEqual([id]);
    for (const h of raw.hotspots) expect(Object.keys(h)).not.toContain('score');
    expect(JSON.stringify(raw)).not.toMatch(/score|loses the follow-up/i);
  });

  it('answers a draft with too few distinctive words with an empty list, not an error', async () => {
    const host = uniqueHost();
    await namedFlags(K, host, '/handover/board', 'Handover board does not refresh');
    const prober = await enroll();
    // The screen's own words, but only two distinctive ones (stop words and numbers do not count).
    for (const draft of ['handover board', 'the handover board is it', 'handover board 1234 5678']) {
      expect((await similar(prober.token, host, draft)).hotspots, draft).toEqual([]);
    }
    expect((await similar(prober.token, host, 'handover board never refreshes')).hotspots).toHaveLength(1);
  });

  it('does not let the caller’s own flags help a hotspot reach k', async () => {
    const host = uniqueHost();
    const me = await enroll();
    const id = await namedFlags(K, host, '/vitals/flowsheet', 'Flowsheet rows vanish', [me]);
    const draft = 'vitals flowsheet rows vanish again';
    // K reporters counting me: K - 1 others, so not for me…
    expect((await similar(me.token, host, draft)).hotspots).toEqual([]);
    // …but for someone who flagged nothing there.
    const other = await enroll();
    expect((await similar(other.token, host, draft)).hotspots.map((h) => h.id)).toEqual([id]);
  });
});
