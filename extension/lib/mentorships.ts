import { signal } from '@preact/signals';
import { endpoints } from '../../shared/api';
import type {
  MentorChoiceList,
  Mentorship,
  MentorshipRequest,
  ProgrammeMentorships,
  Rhythm,
} from '../../shared/mentorships';
import type { ConfirmedSpan } from '../../shared/text';
import type { SessionApi } from './session-api';

export interface MentorshipReport {
  /** A change landed: say so in the surface's status line. */
  ok: (message: string) => void;
  /** A call failed: the surface shows the error. */
  fail: (error: unknown) => void;
}

/**
 * Mentorships as every surface holds them (the popup for a mentee, the inbox for a mentor, the dashboard
 * for a lead): signals plus actions. A change replaces its mentorship in whichever list holds it.
 */
export function createMentorships(call: SessionApi['call'], report: MentorshipReport) {
  /** Mine, as mentee or mentor; null until loaded. */
  const mine = signal<Mentorship[] | null>(null);
  const choices = signal<MentorChoiceList['mentors'] | null>(null);
  /** A lead's view; null until loaded. */
  const programme = signal<ProgrammeMentorships | null>(null);
  const busy = signal(false);

  // One clientId per request until it is stored: a retry after a lost response is the same request.
  let pendingClientId: string | null = null;

  async function run<T>(work: () => Promise<T>, done?: string): Promise<T | null> {
    if (busy.value) return null;
    busy.value = true;
    try {
      const result = await work();
      if (done) report.ok(done);
      return result;
    } catch (e) {
      report.fail(e);
      return null;
    } finally {
      busy.value = false;
    }
  }

  const replace = (m: Mentorship) => {
    if (mine.value) mine.value = mine.value.map((x) => (x.id === m.id ? m : x));
    const p = programme.value;
    if (p) programme.value = { ...p, mentorships: p.mentorships.map((x) => (x.id === m.id ? m : x)) };
  };

  /** Loads quietly: a surface without mentorships (or an older API) simply shows none. */
  async function load() {
    try {
      mine.value = (await call(endpoints.myMentorships, {})).mentorships;
    } catch {
      mine.value ??= [];
    }
  }

  async function loadChoices() {
    const got = await run(() => call(endpoints.mentorChoices, {}));
    if (got) choices.value = got.mentors;
  }

  async function loadProgramme() {
    const got = await run(() => call(endpoints.programmeMentorships, {}));
    if (got) programme.value = got;
  }

  async function request(body: Omit<MentorshipRequest, 'clientId'>): Promise<boolean> {
    pendingClientId ??= crypto.randomUUID();
    const clientId = pendingClientId;
    const made = await run(
      () => call(endpoints.requestMentorship, { body: { ...body, clientId } }),
      body.mentorId ? 'Request sent to the mentor.' : 'Request sent: a programme lead will find you a mentor.',
    );
    if (!made) return false;
    pendingClientId = null;
    mine.value = [made, ...(mine.value ?? [])];
    return true;
  }

  const change = async (m: Mentorship | null) => {
    if (m) replace(m);
    return m !== null;
  };
  const params = (id: string) => ({ params: { id } });

  return {
    mine,
    choices,
    programme,
    busy,
    load,
    loadChoices,
    loadProgramme,
    request,
    accept: async (id: string) =>
      change(await run(() => call(endpoints.acceptMentorship, params(id)), 'Mentorship accepted.')),
    decline: async (id: string) =>
      change(await run(() => call(endpoints.declineMentorship, params(id)), 'Request declined.')),
    end: async (id: string) => change(await run(() => call(endpoints.endMentorship, params(id)), 'Mentorship ended.')),
    checkIn: async (id: string) =>
      change(await run(() => call(endpoints.recordCheckIn, params(id)), 'Check-in recorded.')),
    saveGoals: async (id: string, goals: string, rhythm: Rhythm, confirmedSpans?: ConfirmedSpan[]) =>
      change(
        await run(
          () =>
            call(endpoints.saveMentorshipGoals, {
              ...params(id),
              body: { goals, rhythm, ...(confirmedSpans ? { confirmedSpans } : {}) },
            }),
          'Goals saved.',
        ),
      ),
    assign: async (id: string, mentorId: string) => {
      const done = await change(
        await run(() => call(endpoints.assignMentor, { ...params(id), body: { mentorId } }), 'Mentor assigned.'),
      );
      // The mentors' room changed: read it again.
      if (done) await loadProgramme();
      return done;
    },
  };
}

export type Mentorships = ReturnType<typeof createMentorships>;
