import { randomUUID } from 'node:crypto';

/** A user the test signed in straight at the API (through the recording proxy, so it is captured too). */
export interface ApiUser {
  token: string;
  user: { id: string; displayName: string; roles: string[] };
}

/**
 * The API as a script sees it, for the parts of the story that happen off-screen (another
 * clinician's earlier question, a colleague's flags). Throws with the error body on any non-2xx.
 */
export function apiClient(apiUrl: string) {
  async function call<T = unknown>(who: ApiUser | null, method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        ...(who ? { authorization: `Bearer ${who.token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  return {
    call,
    enroll: (code: string, displayName: string) =>
      call<ApiUser>(null, 'POST', '/v1/auth/enroll', { code, displayName }),
    /** A mentor's routing: the topics they answer (their own discipline, any wanted). */
    mentorTopics: (mentor: ApiUser, topicIds: string[]) =>
      call(mentor, 'PUT', '/v1/mentors/me', { topicIds, disciplines: [], weeklyCapacity: 10, away: false }),
    flag: (who: ApiUser, body: Record<string, unknown>) =>
      call<{ id: string; hotspotId: string }>(who, 'POST', '/v1/flags', {
        clientId: randomUUID(),
        category: 'other',
        frequency: 'once',
        minutesLost: 0,
        impact: 'none',
        ...body,
      }),
    ask: (who: ApiUser, body: Record<string, unknown>) =>
      call<{ id: string }>(who, 'POST', '/v1/questions', { clientId: randomUUID(), urgency: 'today', ...body }),
    myFlags: (who: ApiUser) =>
      call<{ flags: Array<{ id: string; clientId: string; text: string; hotspotId: string | null }> }>(
        who,
        'GET',
        '/v1/flags/mine',
      ),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;
