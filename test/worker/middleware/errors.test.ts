import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { Settings } from '../../../shared/settings';
import { api, BASE, count, enroll, enrollAdmin, expectError, flagBody } from '../helpers';

describe('request limits', () => {
  it('refuses a body over 32 KB with 413 payload_too_large', async () => {
    const s = await enroll();
    const body = JSON.stringify(flagBody({ idea: 'x'.repeat(33 * 1024) }));
    const res = await api('/v1/flags', { token: s.token, body });
    await expectError(res, 413, 'payload_too_large');
  });

  it('refuses a body over 32 KB even without a token', async () => {
    const res = await api('/v1/auth/enroll', { body: JSON.stringify({ code: 'x'.repeat(40 * 1024) }) });
    await expectError(res, 413, 'payload_too_large');
  });

  it('refuses a text/plain body with 415 unsupported_media_type', async () => {
    const s = await enroll();
    const res = await api('/v1/flags', {
      token: s.token,
      body: JSON.stringify(flagBody()),
      headers: { 'content-type': 'text/plain' },
    });
    await expectError(res, 415, 'unsupported_media_type');
  });

  it('refuses streamed bodies, which carry no content-length, by type and by size', async () => {
    const s = await enroll();
    const stream = (text: string) =>
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(text));
          controller.close();
        },
      });
    const post = (body: ReadableStream, type: string) =>
      SELF.fetch(`${BASE}/v1/flags`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.token}`, 'content-type': type },
        body,
      });
    await expectError(await post(stream(JSON.stringify(flagBody())), 'text/plain'), 415, 'unsupported_media_type');
    const big = JSON.stringify(flagBody({ idea: 'x'.repeat(40 * 1024) }));
    await expectError(await post(stream(big), 'application/json'), 413, 'payload_too_large');
  });

  it('refuses a form body with 415 on a public route', async () => {
    const res = await api('/v1/auth/enroll', {
      body: 'code=ABCD-EFGH',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await expectError(res, 415, 'unsupported_media_type');
  });

  it('accepts application/json with a charset', async () => {
    const s = await enroll();
    const res = await api('/v1/flags', {
      token: s.token,
      body: JSON.stringify(flagBody()),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(res.status).toBe(201);
  });

  it('refuses malformed JSON with 400 in the one error shape', async () => {
    const s = await enroll();
    const res = await api('/v1/flags', { token: s.token, body: '{"text": "unterminated' });
    await expectError(res, 400, 'bad_request');
  });

  it('refuses a JSON body that is not an object with 400', async () => {
    const s = await enroll();
    await expectError(await api('/v1/flags', { token: s.token, body: '[1,2,3]' }), 400, 'validation_failed');
    await expectError(await api('/v1/flags', { token: s.token, body: 'null' }), 400, 'validation_failed');
  });
});

describe('extension version', () => {
  it('answers 426 upgrade_required to a version below the organisation minimum', async () => {
    const admin = await enrollAdmin();
    const patch = await api('/v1/admin/settings', {
      method: 'PATCH',
      token: admin.token,
      body: { minExtensionVersion: '1.4.0' },
    });
    expect(Settings.parse(await patch.json()).minExtensionVersion).toBe('1.4.0');

    const s = await enroll();
    const old = await api('/v1/flags', {
      token: s.token,
      body: flagBody(),
      headers: { 'X-Curbside-Version': '1.3.9' },
    });
    const body = await expectError(old, 426, 'upgrade_required');
    expect(body.error.details).toEqual({ minimumVersion: '1.4.0', instructions: null });
    expect(await count('SELECT COUNT(*) AS n FROM flags WHERE user_id = ?1', s.user.id)).toBe(0);

    // Checked before authentication too: an old client learns to update, not to sign in again.
    await expectError(await api('/v1/me', { headers: { 'X-Curbside-Version': '0.9.0' } }), 426, 'upgrade_required');

    for (const version of ['1.4.0', '1.10.0', '2.0.0']) {
      const res = await api('/v1/me', { token: s.token, headers: { 'X-Curbside-Version': version } });
      expect(res.status, version).toBe(200);
    }
    await api('/v1/admin/settings', { method: 'PATCH', token: admin.token, body: { minExtensionVersion: '0.0.0' } });
  });

  it("carries the organisation's update instructions in the 426 itself (an old extension can read nothing else)", async () => {
    const admin = await enrollAdmin();
    const words = 'Restart Chrome, or call the service desk on 5555.';
    await api('/v1/admin/settings', {
      method: 'PATCH',
      token: admin.token,
      body: { minExtensionVersion: '2.0.0', updateInstructions: words },
    });
    const old = await api('/v1/me', { token: admin.token, headers: { 'X-Curbside-Version': '1.9.9' } });
    const body = await expectError(old, 426, 'upgrade_required');
    expect(body.error.details).toEqual({ minimumVersion: '2.0.0', instructions: words });
    await api('/v1/admin/settings', {
      method: 'PATCH',
      token: admin.token,
      body: { minExtensionVersion: '0.0.0', updateInstructions: '' },
    });
  });

  it('does not apply to /health', async () => {
    const res = await api('/health', { headers: { 'X-Curbside-Version': '0.0.1' } });
    expect(res.status).toBe(200);
  });
});

describe('the one error shape', () => {
  it('answers an unknown route with 404 not_found', async () => {
    await expectError(await api('/v1/nothing-here'), 404, 'not_found');
  });

  it('answers an unknown method on a known path with a 404 in the error shape', async () => {
    const s = await enroll();
    await expectError(await api('/v1/flags/mine', { method: 'DELETE', token: s.token }), 404, 'not_found');
  });

  it('puts an X-Request-Id on successes and on errors', async () => {
    const s = await enroll();
    const responses = [
      await api('/health'),
      await api('/v1/me', { token: s.token }),
      await api('/v1/me'),
      await api('/v1/nothing-here'),
      await api('/v1/flags', { token: s.token, body: '{bad' }),
      await api('/v1/flags', { token: s.token, body: {} }),
      await api('/v1/flags', { token: s.token, body: 'x', headers: { 'content-type': 'text/plain' } }),
    ];
    for (const res of responses) expect(res.headers.get('X-Request-Id'), `${res.status}`).toMatch(/^[\w-]{8,}$/);
  });

  it('echoes a caller’s request id', async () => {
    const res = await SELF.fetch(`${BASE}/health`, { headers: { 'X-Request-Id': 'trace-123456' } });
    expect(res.headers.get('X-Request-Id')).toBe('trace-123456');
  });

  it('returns JSON errors without stack traces or internal paths', async () => {
    const s = await enroll();
    for (const res of [
      await api('/v1/flags', { token: s.token, body: '{"a":' }),
      await api('/v1/flags', { token: s.token, body: { clientId: 42 } }),
      await api('/v1/admin/users/abcdef123/deactivate', { method: 'POST', token: s.token }),
    ]) {
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const text = await res.text();
      expect(text).not.toMatch(/\bat \w+ \(|node_modules|worker\/|\.ts\b|Error:/);
    }
  });
});
