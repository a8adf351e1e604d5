// Generated from the contract and /openapi.json: every write that takes typed text refuses a patient
// identifier in each of its free-text fields, and accepts a span the user confirmed by kind + hash.
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Session } from '../../../shared/auth';
import type { Role } from '../../../shared/enums';
import { Flag } from '../../../shared/flags';
import { findIdentifiers } from '../../../shared/phi';
import { isFreeText } from '../../../shared/text';
import { api, enroll, flagBody, rows, sha256Hex } from '../helpers';
import {
  allowedRole,
  call,
  type Operation,
  objectBranches,
  operations,
  sampleBody,
  sessionsByRole,
} from '../rights-helpers';

// Synthetic: a made-up patient name and date of birth.
const IDENTIFYING = 'Mrs. Okonkwo-Pratt DOB 03/14/1958 was moved twice';

/** Bodies whose minimal sample misses a cross-field rule get the one field that satisfies it. */
const OVERRIDES: Record<string, Record<string, unknown>> = {
  'POST /v1/queue/{id}/handoff': { disciplineWanted: 'nursing' },
  // A decision and a result belong to the Act stage only, and Act needs both.
  'POST /v1/small-tests/{id}/advance': { stage: 'act', decision: 'adopt', result: 'Saves about four minutes' },
};

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; options?: z.ZodType[] };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Dotted paths of the free-text fields a body schema declares (object branches of unions included). */
function freeTextPaths(schema: z.ZodType, prefix = ''): string[] {
  if (isFreeText(schema)) return [prefix];
  const def = defOf(schema);
  if (def.innerType) return freeTextPaths(def.innerType, prefix);
  if (def.type === 'pipe' && def.in) return freeTextPaths(def.in, prefix);
  if (def.type === 'union') return [...new Set((def.options ?? []).flatMap((o) => freeTextPaths(o, prefix)))];
  if (def.type === 'object') {
    const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
    return Object.entries(shape).flatMap(([k, v]) => freeTextPaths(v, prefix ? `${prefix}.${k}` : k));
  }
  return [];
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1) as string] = value;
}

describe('the identifier check on every write', () => {
  let ops: Operation[] = [];
  let sessions: Record<Role, Session>;

  beforeAll(async () => {
    ops = (await operations()).filter((op) => op.isWrite && op.contract?.body);
    sessions = await sessionsByRole();
  });

  it('finds the identifiers in the test text', () => {
    expect(findIdentifiers(IDENTIFYING).map((s) => s.kind)).toEqual(expect.arrayContaining(['name', 'date']));
  });

  it('covers the writes that take typed text, and each lets the user confirm a span', () => {
    const withText = ops.filter((op) => op.contract?.body && freeTextPaths(op.contract.body).length > 0);
    expect(withText.map((op) => op.name)).toEqual(expect.arrayContaining(['POST /v1/flags', 'POST /v1/questions']));
    for (const op of withText) {
      const keys = objectBranches(op.bodySchema).flatMap((b) => Object.keys(b.properties ?? {}));
      expect(keys, `${op.name} must accept confirmedSpans`).toContain('confirmedSpans');
    }
  });

  it('refuses an identifier in every free-text field of every write with 422 and the spans', async () => {
    const refusals: string[] = [];
    for (const op of ops) {
      const paths = op.contract?.body ? freeTextPaths(op.contract.body) : [];
      for (const path of paths) {
        const role = allowedRole(op);
        const body = { ...(sampleBody(op.bodySchema) as object), ...OVERRIDES[op.name] } as Record<string, unknown>;
        if (body.screen !== undefined) body.screen = { host: 'ehr.example.org', path: '/chart/:id/medrec' };
        setPath(body, path, IDENTIFYING);
        const res = await call(op, { token: role ? sessions[role].token : undefined, body });
        const text = await res.text();
        expect(res.status, `${op.name} ${path}: ${text}`).toBe(422);
        const error = JSON.parse(text) as { error: { code: string; details: { spans: Array<{ field: string }> } } };
        expect(error.error.code).toBe('identifiers_found');
        expect(error.error.details.spans.map((s) => s.field)).toContain(path);
        refusals.push(`${op.name} ${path}`);
      }
    }
    expect(refusals.length).toBeGreaterThanOrEqual(10);
  });

  it('accepts a confirmed span and audits only its kind and keyed hash', async () => {
    const s = await enroll(['clinician']);
    // "Parkinson" style false alarms happen; here the user vouches for the date being a policy date.
    const text = 'The new downtime policy from 03/14 is not in the intranet yet';
    const spans = findIdentifiers(text);
    expect(spans.length).toBeGreaterThan(0);
    const refused = await api('/v1/flags', { token: s.token, body: flagBody({ text }) });
    expect(refused.status).toBe(422);
    const confirmedSpans = await Promise.all(
      spans.map(async (sp) => ({ kind: sp.kind, sha256: await sha256Hex(text.slice(sp.start, sp.end)) })),
    );
    const res = await api('/v1/flags', { token: s.token, body: flagBody({ text, confirmedSpans }) });
    expect(res.status).toBe(201);
    expect(Flag.parse(await res.json()).text).toBe(text);
    const audit = await rows<{ details: string; actor_id: string | null }>(
      "SELECT details, actor_id FROM audit WHERE action = 'identifiers.confirmed_not_identifying'",
    );
    const mine = audit.filter((a) => a.actor_id === s.user.id);
    expect(mine).toHaveLength(1);
    // An HMAC under the deployment's key, never the plain SHA-256 (test/privacy/confirmation-audit).
    expect(mine[0]?.details).toContain('"hmac"');
    expect(mine[0]?.details).not.toContain(confirmedSpans[0]?.sha256);
    expect(mine[0]?.details).not.toContain('03/14');
  });

  it('does not accept a confirmation for a different span', async () => {
    const s = await enroll(['clinician']);
    const text = 'Call the daughter of Mr. Abernathy-Quill back';
    const other = [{ kind: 'name' as const, sha256: await sha256Hex('Someone Else') }];
    const res = await api('/v1/flags', { token: s.token, body: flagBody({ text, confirmedSpans: other }) });
    expect(res.status).toBe(422);
  });
});
