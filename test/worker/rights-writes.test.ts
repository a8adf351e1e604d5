// Generated from /openapi.json and the contract: mass assignment on every write, and create-once by
// clientId on every entry whose body carries one.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../shared/auth';
import type { Role } from '../../shared/enums';
import { Flag } from '../../shared/flags';
import { Question } from '../../shared/questions';
import { answeredQuestion } from './growth-helpers';
import { api, count, enroll, enrollAdmin, expectError, flagBody, questionBody, rows, seedCatalog } from './helpers';
import { flag as countedFlag, rollupBatch } from './hotspots-helpers';
import {
  allowedRole,
  call,
  type JsonSchema,
  type Operation,
  objectBranches,
  operations,
  sampleBody,
  sessionsByRole,
} from './rights-helpers';

/** Fields a caller must never set on their own behalf unless the endpoint exists to set them. */
const PRIVILEGED: Record<string, unknown> = {
  role: 'admin',
  roles: ['admin'],
  userId: 'abcdef0123456789',
  user_id: 'abcdef0123456789',
  status: 'done',
  anonymous: true,
  id: 'abcdef0123456789',
  createdAt: '2020-01-01T00:00:00.000Z',
  actorId: 'abcdef0123456789',
  mentorId: 'abcdef0123456789',
  claimedBy: 'abcdef0123456789',
  active: true,
  isAdmin: true,
};

/**
 * Privileged names an endpoint declares on purpose, reviewed one by one. A new endpoint declaring one
 * fails below until it is reviewed and added here.
 */
const DECLARED_ON_PURPOSE: Record<string, string[]> = {
  'POST /v1/flags': ['anonymous'], // the sender's choice, at creation only
  'POST /v1/hotspots/{id}/me-too': ['anonymous'],
  'PATCH /v1/hotspots/{id}': ['status'], // a lead moves a hotspot through its workflow
  'PATCH /v1/admin/users/{id}': ['roles'], // admins grant roles (audited)
  'POST /v1/admin/codes': ['roles', 'userId'], // admins make codes for roles or for a user
  'POST /v1/queue/{id}/handoff': ['mentorId'], // hand to a named colleague
  'PATCH /v1/admin/units/{id}': ['active'],
  'PATCH /v1/admin/topics/{id}': ['active'],
  'PATCH /v1/admin/systems/{id}': ['active'],
  'PATCH /v1/admin/channels/{id}': ['active'], // an admin turns a digest channel off or on
  'POST /v1/mentorships': ['mentorId'], // the mentee names the mentor they ask (or none)
  'POST /v1/mentorships/{id}/assign': ['mentorId'], // a lead assigns a mentor with room
};

const declared = (schema: JsonSchema | undefined) =>
  new Set(objectBranches(schema).flatMap((b) => Object.keys(b.properties ?? {})));

describe('mass assignment on every write in /openapi.json', () => {
  let ops: Operation[] = [];
  let sessions: Record<Role, Session>;

  beforeAll(async () => {
    ops = (await operations()).filter((o) => o.isWrite && o.bodySchema);
    sessions = await sessionsByRole();
  });

  it('finds the writes', () => {
    expect(ops.length).toBeGreaterThan(25);
  });

  it('declares every body strict: no additional properties, on every branch', () => {
    for (const op of ops) {
      const branches = objectBranches(op.bodySchema);
      expect(branches.length, op.name).toBeGreaterThan(0);
      for (const b of branches) expect(b.additionalProperties, op.name).toBe(false);
    }
  });

  it('declares a privileged field only where it was reviewed, and never `anonymous` on an update', () => {
    for (const op of ops) {
      const names = [...declared(op.bodySchema)].filter((k) => k in PRIVILEGED);
      expect(names, `${op.name} declares ${names.join(', ')}`).toEqual(
        names.filter((k) => DECLARED_ON_PURPOSE[op.name]?.includes(k)),
      );
      if (op.method === 'patch' || op.method === 'put') expect(names, op.name).not.toContain('anonymous');
    }
  });

  it('refuses every undeclared privileged or unknown field with 400, naming it', async () => {
    let checked = 0;
    for (const op of ops) {
      const role = allowedRole(op);
      const token = role ? sessions[role].token : undefined;
      const known = declared(op.bodySchema);
      const base = sampleBody(op.bodySchema) as Record<string, unknown>;
      for (const [field, value] of Object.entries({ ...PRIVILEGED, definitelyNotAField: 1 })) {
        if (known.has(field)) continue;
        const body = JSON.parse(JSON.stringify(base));
        body[field] = value;
        const res = await call(op, { token, body });
        const text = await res.clone().text();
        expect(res.status, `${op.name} +${field} as ${role}: ${text}`).toBe(400);
        const err = await expectError(res, 400, 'validation_failed');
        const details = JSON.stringify(err.error.details);
        expect(details, `${op.name} +${field}`).toContain('unrecognized_keys');
        expect(details, `${op.name} +${field}`).toContain(field);
        checked += 1;
      }
      // Logging out would end the session used for the routes that follow.
      if (op.path.startsWith('/v1/auth/logout') && role) sessions[role] = await enroll([role]);
    }
    expect(checked).toBeGreaterThan(200);
  }, 120_000);

  it('refuses a prototype-pollution key and leaves objects unpolluted', async () => {
    const s = sessions.clinician;
    const res = await api('/v1/flags', {
      token: s.token,
      body: `{"clientId":"${crypto.randomUUID()}","text":"x","category":"other","frequency":"once","minutesLost":1,"impact":"none","__proto__":{"roles":["admin"]}}`,
    });
    expect(res.status).toBe(400);
    expect(({} as Record<string, unknown>).roles).toBeUndefined();
    const me = (await (await api('/v1/me', { token: s.token })).json()) as { user: { roles: string[] } };
    expect(me.user.roles).toEqual(['clinician']);
  });
});

/**
 * Found by this file and reported to the endpoint's owner (see the issue 7 report): racing retries of
 * an answer get 409 "cannot answer … while it is answered" instead of the replayed 200, because
 * worker/routes/questions.ts looks the clientId up only before its batch, not after losing the race.
 */
const KNOWN_RACE_BUGS: Record<string, string> = {};

/** How to make each create-once entry succeed: its path, caller and a fresh valid body. */
interface Fixture {
  path: string;
  token: string;
  other: string;
  body: () => Record<string, unknown>;
  /** The table and column that must hold exactly one row per clientId. */
  table: string;
}

describe('create-once by clientId on every contract entry whose body has one', () => {
  const fixtures: Record<string, () => Promise<Fixture>> = {
    'POST /v1/flags': async () => ({
      path: '/v1/flags',
      token: (await enroll()).token,
      other: (await enroll()).token,
      body: () => flagBody() as Record<string, unknown>,
      table: 'flags',
    }),
    'POST /v1/questions': async () => {
      const { topicId } = await seedCatalog();
      return {
        path: '/v1/questions',
        token: (await enroll()).token,
        other: (await enroll()).token,
        body: () => questionBody(topicId) as Record<string, unknown>,
        table: 'questions',
      };
    },
    'POST /v1/hotspots/{id}/me-too': async () => {
      const first = await enroll();
      const host = `ehr-${crypto.randomUUID().slice(0, 8)}.example.org`;
      // Sent and counted by the minute's rollup batch, so it names its hotspot.
      const flag = await countedFlag(first.token, { screen: { host, path: '/labs' } });
      return {
        path: `/v1/hotspots/${flag.hotspotId}/me-too`,
        token: (await enroll()).token,
        other: (await enroll()).token,
        body: () => ({ clientId: crypto.randomUUID(), minutesLost: 3 }),
        table: 'flags',
      };
    },
    'POST /v1/hotspots/{id}/cycles': async () => {
      const host = `ehr-${crypto.randomUUID().slice(0, 8)}.example.org`;
      // Sent and counted by the minute's rollup batch, so it names its hotspot.
      const flag = await countedFlag((await enroll()).token, { screen: { host, path: '/labs' } });
      return {
        path: `/v1/hotspots/${flag.hotspotId}/cycles`,
        token: (await enroll(['lead'])).token,
        other: (await enroll(['lead'])).token,
        body: () => ({
          clientId: crypto.randomUUID(),
          changeIdea: 'Autosave the lab order draft',
          prediction: 'Fewer lost orders',
          measure: 'Flags per week',
        }),
        table: 'pdsa_cycles',
      };
    },
    'POST /v1/tips': async () => ({
      path: '/v1/tips',
      token: (await enroll(['mentor'])).token,
      other: (await enroll(['mentor'])).token,
      body: () => ({
        clientId: crypto.randomUUID(),
        screen: { host: 'ehr.example.org', path: '/labs' },
        text: 'Sort the results by time',
      }),
      table: 'tips',
    }),
    'POST /v1/need-to-talk': async () => ({
      path: '/v1/need-to-talk',
      token: (await enroll()).token,
      other: (await enroll()).token,
      body: () => ({ clientId: crypto.randomUUID(), text: 'That shift was a hard one' }),
      table: 'questions',
    }),
    'POST /v1/queue/{id}/answer': async () => {
      const { topicId } = await seedCatalog();
      const asker = await enroll();
      const question = Question.parse(
        await (await api('/v1/questions', { token: asker.token, body: questionBody(topicId) })).json(),
      );
      const mentor = await enroll(['mentor']);
      const other = await enroll(['mentor']);
      for (const m of [mentor, other]) {
        await api('/v1/mentors/me', {
          method: 'PUT',
          token: m.token,
          body: { topicIds: [topicId], disciplines: [], weeklyCapacity: 5, away: false },
        });
      }
      const claim = await api(`/v1/queue/${question.id}/claim`, { method: 'POST', token: mentor.token, body: {} });
      expect(claim.status, await claim.clone().text()).toBe(200);
      return {
        path: `/v1/queue/${question.id}/answer`,
        token: mentor.token,
        other: other.token,
        body: () => ({ clientId: crypto.randomUUID(), text: 'Open the Reconcile tab first.' }),
        table: 'answers',
      };
    },
    'POST /v1/reflections': async () => {
      const { asker, question } = await answeredQuestion();
      return {
        path: '/v1/reflections',
        token: asker.token,
        other: (await enroll()).token,
        body: () => ({
          clientId: crypto.randomUUID(),
          subjectKind: 'question',
          subjectId: question.id,
          text: 'Ask before the round, not after',
        }),
        table: 'reflections',
      };
    },
    'POST /v1/questions/{id}/thanks': async () => {
      const { asker, question } = await answeredQuestion();
      return {
        path: `/v1/questions/${question.id}/thanks`,
        token: asker.token,
        other: (await enroll()).token,
        body: () => ({ clientId: crypto.randomUUID(), text: 'That saved me a phone call' }),
        table: 'thanks',
      };
    },
    'POST /v1/flags/{id}/coaching': async () => {
      const asker = await enroll();
      const host = `ehr-${crypto.randomUUID().slice(0, 8)}.example.org`;
      const res = await api('/v1/flags', { token: asker.token, body: flagBody({ screen: { host, path: '/labs' } }) });
      const flag = Flag.parse(await res.json());
      return {
        path: `/v1/flags/${flag.id}/coaching`,
        token: asker.token,
        other: (await enroll()).token,
        body: () => ({ clientId: crypto.randomUUID(), text: 'How do I turn this into a small test?' }),
        table: 'questions',
      };
    },
    'POST /v1/coaching/{id}/cycles': async () => {
      const asker = await enroll();
      const host = `ehr-${crypto.randomUUID().slice(0, 8)}.example.org`;
      const res = await api('/v1/flags', { token: asker.token, body: flagBody({ screen: { host, path: '/labs' } }) });
      const flag = Flag.parse(await res.json());
      // A cycle belongs to the flag's hotspot, which the minute's rollup batch links.
      await rollupBatch();
      const coaching = await api(`/v1/flags/${flag.id}/coaching`, {
        token: asker.token,
        body: { clientId: crypto.randomUUID(), text: 'How do I test a fix?' },
      });
      const { question } = (await coaching.json()) as { question: { id: string } };
      const sponsor = await enroll(['lead']);
      return {
        path: `/v1/coaching/${question.id}/cycles`,
        token: asker.token,
        other: (await enroll()).token,
        body: () => ({
          clientId: crypto.randomUUID(),
          changeIdea: 'Autosave the draft',
          prediction: 'Fewer lost drafts',
          measure: 'Lost drafts per week',
          sponsorId: sponsor.user.id,
        }),
        table: 'pdsa_cycles',
      };
    },
    'POST /v1/hotspots/{id}/training-gap': async () => {
      const { topicId, hotspotId, lead } = await inProgressHotspot();
      return {
        path: `/v1/hotspots/${hotspotId}/training-gap`,
        token: lead.token,
        other: (await enroll(['lead'])).token,
        body: () => ({ clientId: crypto.randomUUID(), topicId, note: 'Nobody showed us the Reconcile tab' }),
        table: 'tip_requests',
      };
    },
    'POST /v1/tip-requests/{id}/tip': async () => {
      const { topicId, hotspotId, lead } = await inProgressHotspot();
      const [writer, other] = [await enroll(['mentor']), await enroll(['mentor'])];
      for (const m of [writer, other]) {
        await api('/v1/mentors/me', {
          method: 'PUT',
          token: m.token,
          body: { topicIds: [topicId], disciplines: [], weeklyCapacity: 5, away: false },
        });
      }
      const gap = await api(`/v1/hotspots/${hotspotId}/training-gap`, {
        token: lead.token,
        body: { clientId: crypto.randomUUID(), topicId },
      });
      expect(gap.status, await gap.clone().text()).toBe(200);
      const request = await rows<{ id: string }>('SELECT id FROM tip_requests WHERE hotspot_id = ?1', hotspotId);
      return {
        path: `/v1/tip-requests/${request[0]?.id}/tip`,
        token: writer.token,
        other: other.token,
        body: () => ({ clientId: crypto.randomUUID(), text: 'Reconcile tab, then Refresh external history' }),
        table: 'tips',
      };
    },
    'POST /v1/mentorships': async () => ({
      path: '/v1/mentorships',
      token: (await enroll()).token,
      other: (await enroll()).token,
      body: () => ({ clientId: crypto.randomUUID(), purpose: 'My residency year', rhythm: 'monthly' }),
      table: 'mentorships',
    }),
    'POST /v1/admin/channels': async () => ({
      path: '/v1/admin/channels',
      token: (await enrollAdmin()).token,
      other: (await enrollAdmin('Other Admin')).token,
      body: () => ({
        clientId: crypto.randomUUID(),
        kind: 'teams',
        label: 'Quality leads',
        // Never posted to: no digest role and no alerts, at a name that cannot resolve.
        webhookUrl: 'https://teams.example.invalid/workflows/abc',
        digestRoles: [],
        urgentAlerts: false,
      }),
      table: 'digest_channels',
    }),
  };

  let withClientId: Operation[] = [];
  beforeAll(async () => {
    withClientId = (await operations()).filter((o) => o.isWrite && declared(o.bodySchema).has('clientId'));
  });

  it('knows how to exercise every entry with a clientId (add a fixture for a new one)', () => {
    expect(withClientId.length).toBeGreaterThanOrEqual(2);
    for (const op of withClientId) {
      expect(op.contractName, `${op.name} is in the contract`).toBeTruthy();
      expect(Object.keys(fixtures), `${op.name} needs a create-once fixture here`).toContain(op.name);
    }
  });

  for (const name of Object.keys(fixtures)) {
    describe(name, () => {
      const live = async () => withClientId.find((o) => o.name === name);
      const rowsFor = (f: Fixture, clientId: unknown) =>
        count(`SELECT COUNT(*) AS n FROM ${f.table} WHERE client_id = ?1`, clientId);

      it('replays a retry of the same body with 200 and the original, storing one row', async (ctx) => {
        const op = await live();
        if (!op) return ctx.skip(`${name} is not registered yet`);
        const f = await fixtures[name]?.();
        if (!f) return;
        const body = f.body();
        const first = await api(f.path, { token: f.token, body });
        expect(first.status, await first.clone().text()).toBe(op.contract?.status ?? 201);
        const original = await first.json();
        const retry = await api(f.path, { token: f.token, body: { ...body } });
        expect(retry.status, await retry.clone().text()).toBe(200);
        if (f.table !== 'answers') expect(await retry.json()).toEqual(original);
        expect(await rowsFor(f, body.clientId)).toBe(1);
      });

      it('refuses the same clientId with a different body (422) or from another user (422)', async (ctx) => {
        const op = await live();
        if (!op) return ctx.skip(`${name} is not registered yet`);
        const f = await fixtures[name]?.();
        if (!f) return;
        const body = f.body();
        expect((await api(f.path, { token: f.token, body })).status).toBeLessThan(300);
        const changed =
          typeof body.text === 'string'
            ? { ...body, text: `${body.text} (edited)` }
            : typeof body.changeIdea === 'string'
              ? { ...body, changeIdea: `${body.changeIdea} (edited)` }
              : typeof body.label === 'string'
                ? { ...body, label: `${body.label} (edited)` }
                : typeof body.note === 'string'
                  ? { ...body, note: `${body.note} (edited)` }
                  : typeof body.purpose === 'string'
                    ? { ...body, purpose: `${body.purpose} (edited)` }
                    : { ...body, minutesLost: Number(body.minutesLost ?? 0) + 1 };
        await expectError(await api(f.path, { token: f.token, body: changed }), 422, 'idempotency_mismatch');
        await expectError(await api(f.path, { token: f.other, body }), 422, 'idempotency_mismatch');
        expect(await rowsFor(f, body.clientId)).toBe(1);
      });

      // A known bug is marked, not hidden: the test flips to failing once it is fixed, so the mark goes.
      const raceTest = KNOWN_RACE_BUGS[name] ? it.fails : it;
      raceTest('stores one row when the first attempt and its retries race, answering each with 2xx', async (ctx) => {
        const op = await live();
        if (!op) return ctx.skip(`${name} is not registered yet`);
        const f = await fixtures[name]?.();
        if (!f) return;
        const body = f.body();
        const responses = await Promise.all(Array.from({ length: 5 }, () => api(f.path, { token: f.token, body })));
        const statuses = await Promise.all(responses.map(async (r) => `${r.status} ${await r.text()}`));
        for (const s of statuses) expect(Number(s.slice(0, 3)), s).toBeLessThan(300);
        expect(await rowsFor(f, body.clientId)).toBe(1);
      });
    });
  }
});

/** A hotspot with a screen, moved to in progress by a lead: what a training gap resolves. */
async function inProgressHotspot() {
  const { topicId } = await seedCatalog();
  const lead = await enroll(['lead']);
  const host = `ehr-${crypto.randomUUID().slice(0, 8)}.example.org`;
  const f = await countedFlag((await enroll()).token, { screen: { host, path: '/labs' } });
  const hotspotId = f.hotspotId ?? '';
  for (const status of ['acknowledged', 'in_progress']) {
    await api(`/v1/hotspots/${hotspotId}`, { method: 'PATCH', token: lead.token, body: { status } });
  }
  return { topicId, hotspotId, lead };
}
