// Confirmed spans in the audit (issue 13 §7): entries hashed a confirmed span with unsalted SHA-256, so a
// short span could be guessed, and the same span linked a named and an anonymous entry. Now a named
// entry keeps an HMAC under a per-deployment secret (or the kind alone), and an anonymous one nothing.
import { describe, expect, it } from 'vitest';
import { type AuditEntry, AuditPage } from '../../shared/audit';
import type { Session } from '../../shared/auth';
import { findIdentifiers } from '../../shared/phi';
import { confirmationDetails, LOCAL_AUDIT_SPAN_KEY } from '../../worker/services/identifiers';
import { api, enroll, enrollAdmin, randomSecret, sha256Hex } from '../worker/helpers';
import { anonymousFlag, flag, screen, uniqueHost } from '../worker/hotspots-helpers';

const TEXT = 'The downtime policy from 03/14/2025 is not on the intranet';

async function spansOf(text: string) {
  const found = findIdentifiers(text);
  expect(found.length, text).toBeGreaterThan(0);
  return found.map((s) => ({ kind: s.kind, text: text.slice(s.start, s.end) }));
}

async function confirmedSpans(text: string) {
  return Promise.all((await spansOf(text)).map(async (s) => ({ kind: s.kind, sha256: await sha256Hex(s.text) })));
}

async function hmacHex(key: string, message: string): Promise<string> {
  const k = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign('HMAC', k, new TextEncoder().encode(message));
  return Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function confirmations(admin: Session): Promise<AuditEntry[]> {
  const res = await api('/v1/audit?action=identifiers.confirmed_not_identifying&limit=200', { token: admin.token });
  expect(res.status).toBe(200);
  return AuditPage.parse(await res.json()).entries;
}

describe('confirmed spans in the audit', () => {
  it('keeps an HMAC of the span under the deployment’s key, never its SHA-256 or its text', async () => {
    const admin = await enrollAdmin();
    const s = await enroll();
    await flag(s.token, { text: TEXT, confirmedSpans: await confirmedSpans(TEXT) });
    const [entry] = (await confirmations(admin)).filter((e) => e.actorId === s.user.id);
    const [span] = await spansOf(TEXT);
    if (!entry || !span) throw new Error('no entry');
    const json = JSON.stringify(entry);
    expect(json).not.toContain(await sha256Hex(span.text));
    expect(json).not.toContain(span.text);
    // The tests run outside production without AUDIT_SPAN_KEY: the documented local key.
    expect(entry.details).toEqual({
      spans: [{ kind: span.kind, hmac: await hmacHex(LOCAL_AUDIT_SPAN_KEY, `${span.kind}:${span.text}`) }],
    });
  });

  it('differs per secret, and keeps the kind alone where production has no proper secret', async () => {
    const spans = await spansOf(TEXT);
    const keyA = randomSecret();
    const keyB = randomSecret();
    const a = confirmationDetails({ ENVIRONMENT: 'production', AUDIT_SPAN_KEY: keyA }, spans);
    const b = confirmationDetails({ ENVIRONMENT: 'production', AUDIT_SPAN_KEY: keyB }, spans);
    expect(a.spans[0]?.hmac).toMatch(/^[0-9a-f]{64}$/);
    expect(a.spans[0]?.hmac).not.toBe(b.spans[0]?.hmac);
    expect(a.spans[0]?.hmac).not.toBe(await sha256Hex(spans[0]?.text ?? ''));
    // The same deployment gives the same value (two named confirmations of one span can be compared).
    expect(confirmationDetails({ ENVIRONMENT: 'production', AUDIT_SPAN_KEY: keyA }, spans)).toEqual(a);
    const kindOnly = { spans: spans.map((s) => ({ kind: s.kind })) };
    for (const key of [undefined, '', 'short', LOCAL_AUDIT_SPAN_KEY]) {
      expect(confirmationDetails({ ENVIRONMENT: 'production', AUDIT_SPAN_KEY: key }, spans), String(key)).toEqual(
        kindOnly,
      );
    }
    expect(confirmationDetails({ ENVIRONMENT: 'development' }, spans).spans[0]?.hmac).toBe(
      await hmacHex(LOCAL_AUDIT_SPAN_KEY, `${spans[0]?.kind}:${spans[0]?.text}`),
    );
  });

  it('leaves nothing for a confirmation on an anonymous flag or me-too that could link it to its sender', async () => {
    const admin = await enrollAdmin();
    const s = await enroll();
    const before = new Set((await confirmations(admin)).map((e) => e.id));
    const host = uniqueHost();
    const named = await flag(s.token, { text: TEXT, screen: screen(host), confirmedSpans: await confirmedSpans(TEXT) });
    await anonymousFlag(s.token, { text: TEXT, screen: screen(host), confirmedSpans: await confirmedSpans(TEXT) });
    const meToo = await api(`/v1/hotspots/${named.hotspotId}/me-too`, {
      token: s.token,
      body: {
        clientId: crypto.randomUUID(),
        anonymous: true,
        receiptSecret: randomSecret(),
        comment: TEXT,
        confirmedSpans: await confirmedSpans(TEXT),
      },
    });
    expect(meToo.status, await meToo.clone().text()).toBe(201);
    const added = (await confirmations(admin)).filter((e) => !before.has(e.id));
    // Only the named flag's entry: an anonymous one, however bare, would share its span value, or its hour.
    expect(added.filter((e) => e.actorId === null)).toEqual([]);
    expect(added.filter((e) => e.actorId === s.user.id)).toHaveLength(1);
  });
});
