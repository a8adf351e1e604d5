import { describe, expect, it } from 'vitest';
import { CodeCreated } from '../../../../shared/codes';
import { ReceiptKey } from '../../../../shared/receipt-key';
import { api, count, enroll, enrollAdmin, enrollWith, expectError } from '../../helpers';

const keyOf = async (token: string) => {
  const res = await api('/v1/me/receipt-key', { token });
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  return ReceiptKey.parse(await res.json()).key;
};

describe('GET /v1/me/receipt-key', () => {
  it('gives each user their own random 256-bit key, the same on every call', async () => {
    const a = await enroll(['clinician']);
    const b = await enroll(['clinician']);
    const keyA = await keyOf(a.token);
    expect(keyA).toMatch(/^[0-9a-f]{64}$/);
    expect(await keyOf(a.token)).toBe(keyA);
    expect(await keyOf(b.token)).not.toBe(keyA);
    expect(await count('SELECT COUNT(*) AS n FROM receipt_keys WHERE user_id = ?1', a.user.id)).toBe(1);
  });

  it('gives the same key to the same user signing in again on another session', async () => {
    const admin = await enrollAdmin();
    const user = await enroll(['mentor']);
    const first = await keyOf(user.token);
    await api('/v1/auth/logout', { method: 'POST', token: user.token });
    await expectError(await api('/v1/me/receipt-key', { token: user.token }), 401, 'unauthorized');

    const res = await api('/v1/admin/codes', { token: admin.token, body: { kind: 'signin', userId: user.user.id } });
    const again = await enrollWith(CodeCreated.parse(await res.json()).code);
    expect(again.user.id).toBe(user.user.id);
    expect(await keyOf(again.token)).toBe(first);
  });

  it('answers every role, and no one without a token', async () => {
    for (const role of ['clinician', 'mentor', 'lead', 'admin'] as const) {
      const { token } = await enroll([role]);
      expect(await keyOf(token)).toMatch(/^[0-9a-f]{64}$/);
    }
    await expectError(await api('/v1/me/receipt-key'), 401, 'unauthorized');
  });

  it('cannot be asked for another user’s key', async () => {
    const a = await enroll();
    const b = await enroll();
    const keyB = await keyOf(b.token);
    // No parameter picks the user: extra query or a user id in the path change nothing or 404.
    const withQuery = await api(`/v1/me/receipt-key?userId=${b.user.id}`, { token: a.token });
    expect(ReceiptKey.parse(await withQuery.json()).key).not.toBe(keyB);
    expect((await api(`/v1/me/receipt-key/${b.user.id}`, { token: a.token })).status).toBe(404);
  });
});
