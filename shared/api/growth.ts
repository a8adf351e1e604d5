import { Ok } from '../auth';
import { Coaching, CoachingCreate, CoachingCreated, CoachingList, FramingUpdate } from '../coaching';
import {
  MentorImpact,
  Reflection,
  ReflectionCreate,
  ReflectionList,
  ThanksCreate,
  ThanksSent,
  ThanksSentList,
} from '../growth';
import { IdParams } from '../ids';
import { type Endpoint, REPORTERS } from './endpoint';

/**
 * Growth: private reflections (the author's alone, no other role reads them by any route) and
 * "This helped" thank-yous with the mentor's own impact.
 */
export const growthEndpoints = {
  createReflection: {
    method: 'post',
    path: '/v1/reflections',
    summary: 'Reflect on an answered question or a cycle I own at Study: private to me',
    tag: 'growth',
    roles: REPORTERS,
    body: ReflectionCreate,
    response: Reflection,
    status: 201,
  },
  myReflections: {
    method: 'get',
    path: '/v1/reflections/mine',
    summary: 'My reflections, newest first (nobody else can read them)',
    tag: 'growth',
    roles: REPORTERS,
    response: ReflectionList,
    status: 200,
  },
  deleteReflection: {
    method: 'delete',
    path: '/v1/reflections/{id}',
    summary: 'Delete one of my reflections',
    tag: 'growth',
    roles: REPORTERS,
    params: IdParams,
    response: Ok,
    status: 200,
  },
  thankMentor: {
    method: 'post',
    path: '/v1/questions/{id}/thanks',
    summary: 'Thank the mentors who answered my question (once per question)',
    tag: 'growth',
    roles: REPORTERS,
    params: IdParams,
    body: ThanksCreate,
    response: ThanksSent,
    status: 201,
  },
  myThanksSent: {
    method: 'get',
    path: '/v1/thanks/sent',
    summary: 'The thank-yous I have sent',
    tag: 'growth',
    roles: REPORTERS,
    response: ThanksSentList,
    status: 200,
  },
  myImpact: {
    method: 'get',
    path: '/v1/mentors/me/impact',
    summary: 'My impact as a mentor: answers given, marked helpful, reads of my published answers, thanks',
    tag: 'growth',
    roles: ['mentor'],
    response: MentorImpact,
    status: 200,
  },
  askForCoaching: {
    method: 'post',
    path: '/v1/flags/{id}/coaching',
    summary: 'Help me shape this: ask an improvement coach about one of my named flags (once per flag)',
    tag: 'growth',
    roles: REPORTERS,
    params: IdParams,
    body: CoachingCreate,
    response: CoachingCreated,
    status: 201,
  },
  myCoaching: {
    method: 'get',
    path: '/v1/coaching/mine',
    summary: 'My coaching threads: the flag each is about and its framing card',
    tag: 'growth',
    roles: REPORTERS,
    response: CoachingList,
    status: 200,
  },
  coaching: {
    method: 'get',
    path: '/v1/coaching/{id}',
    summary: 'One coaching thread’s flag and framing card, by its question id (the asker, or a mentor it routes to)',
    tag: 'growth',
    roles: REPORTERS,
    params: IdParams,
    response: Coaching,
    status: 200,
  },
  saveFramingCard: {
    method: 'put',
    path: '/v1/coaching/{id}/card',
    summary: 'Save the framing card (the asker, or the mentor holding the question); names the revision it edited',
    tag: 'growth',
    roles: REPORTERS,
    params: IdParams,
    body: FramingUpdate,
    response: Coaching,
    status: 200,
  },
} as const satisfies Record<string, Endpoint>;
