import { describe, expect, it, vi } from 'vitest';
import { createApi } from '../../../extension/lib/api';
import { ApiError, NetworkError } from '../../../extension/lib/errors';
import { endpoints } from '../../../shared/api';

const user = {
  id: 'user_123456',
  displayName: 'Sam Rivera',
  discipline: 'nursing',
  unitId: null,
  roles: ['clinician'],
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
};

function fakeFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  return vi.fn<typeof fetch>(async () =>
    typeof body === 'string' ? new Response(body, { status, headers }) : Response.json(body, { status, headers }),
  );
}

function client(fetchFn: typeof fetch, token: string | null = 'tok_abc') {
  return createApi({ baseUrl: 'https://api.example.org/', getToken: () => token, fetchFn, version: '1.2.3' });
}

function requestOf(fetchFn: ReturnType<typeof fakeFetch>) {
  const [url, init] = fetchFn.mock.calls[0] ?? [];
  return {
    url: String(url),
    init: init as RequestInit,
    headers: (init as RequestInit).headers as Record<string, string>,
  };
}

describe('api client', () => {
  it('sends the token, the version and a JSON body, and parses the answer with the endpoint schema', async () => {
    const fetchFn = fakeFetch(200, { ok: true });
    await expect(client(fetchFn).call(endpoints.logout, {})).resolves.toEqual({ ok: true });
    const { url, init, headers } = requestOf(fetchFn);
    expect(url).toBe('https://api.example.org/v1/auth/logout');
    expect(init.method).toBe('POST');
    expect(headers.Authorization).toBe('Bearer tok_abc');
    expect(headers['X-Curbside-Version']).toBe('1.2.3');
  });

  it('never sends the token to public endpoints, so receipt lookups stay anonymous', async () => {
    const fetchFn = fakeFetch(200, { flags: [null] });
    await client(fetchFn).call(endpoints.receiptStatus, { body: { secrets: ['a'.repeat(64)] } });
    const { headers, init } = requestOf(fetchFn);
    expect(headers.Authorization).toBeUndefined();
    expect(headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(String(init.body))).toEqual({ secrets: ['a'.repeat(64)] });
  });

  it('fills path parameters and builds the query string', async () => {
    const fetchFn = fakeFetch(200, { users: [] });
    await client(fetchFn).call(endpoints.adminListUsers, { query: { role: 'mentor', q: undefined } });
    expect(requestOf(fetchFn).url).toBe('https://api.example.org/v1/admin/users?role=mentor');

    const revoke = fakeFetch(404, { error: { code: 'not_found', message: 'No such code' } });
    await expect(client(revoke).call(endpoints.adminRevokeCode, { params: { id: 'code/../x1' } })).rejects.toThrow();
    expect(requestOf(revoke).url).toBe('https://api.example.org/v1/admin/codes/code%2F..%2Fx1/revoke');
  });

  it('returns the parsed session on enroll', async () => {
    const fetchFn = fakeFetch(200, { token: 't', expiresAt: '2026-02-01T00:00:00.000Z', user });
    const session = await client(fetchFn, null).call(endpoints.enroll, { body: { code: 'ABCD-1234' } });
    expect(session.user.displayName).toBe('Sam Rivera');
  });

  it('maps the shared error body to ApiError with status, code, message and details', async () => {
    const details = { field: 'text', spans: [{ start: 0, end: 4, kind: 'name' }] };
    const fetchFn = fakeFetch(422, { error: { code: 'identifiers_found', message: 'Looks like a name', details } });
    const error = await client(fetchFn)
      .call(endpoints.logout, {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'identifiers_found', message: 'Looks like a name', details });
  });

  it('reads Retry-After and copes with an error body that is not ours', async () => {
    const fetchFn = fakeFetch(503, '<html>Bad gateway</html>', { 'Retry-After': '120' });
    const error = await client(fetchFn)
      .call(endpoints.logout, {})
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: 'internal', retryAfter: 120 });
  });

  it('throws NetworkError when the request never gets an answer', async () => {
    const fetchFn = vi.fn<typeof fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(client(fetchFn).call(endpoints.logout, {})).rejects.toBeInstanceOf(NetworkError);
  });

  it('refuses a success body that does not match the contract', async () => {
    const fetchFn = fakeFetch(200, { ok: 'yes' });
    await expect(client(fetchFn).call(endpoints.logout, {})).rejects.toMatchObject({ code: 'internal' });
  });
});
