import { z } from 'zod';
import { Ok } from '../auth';
import type { Role } from '../enums';
import { IdParams } from '../ids';
import { KbEntry, KbSearch, KbSearchResult, ScreenTip, ScreenTipList, ScreenTipsQuery, TipCreate } from '../kb';
import {
  AnswerCreate,
  ClarifyCreate,
  HandOffCreate,
  InboxSummary,
  MentorList,
  MentorProfile,
  MentorProfileView,
  PeerAudit,
  Publication,
  QueueActionResult,
  QueueItemDetail,
  QueueList,
  QueueQuery,
  ShareableBody,
} from '../mentoring';
import { ConsentBody, HelpfulBody, NeedToTalkCreate, NeedToTalkCreated, Question, ReplyCreate } from '../questions';
import { ANY_SIGNED_IN, type Endpoint, REPORTERS } from './endpoint';

/** Who works the queue: mentors take questions, peer supporters take "need to talk". */
export const QUEUE_WORKERS = ['mentor', 'peer_supporter'] as const satisfies readonly Role[];
export const PEER_SUPPORTERS = ['peer_supporter'] as const satisfies readonly Role[];

const queueAction = (path: string, summary: string) =>
  ({
    method: 'post',
    path: `/v1/queue/{id}/${path}`,
    summary,
    tag: 'queue',
    roles: QUEUE_WORKERS,
    params: IdParams,
    response: QueueActionResult,
    status: 200,
  }) as const;

const askerAction = (path: string, summary: string) =>
  ({
    method: 'post',
    path: `/v1/questions/{id}/${path}`,
    summary,
    tag: 'questions',
    roles: REPORTERS,
    params: IdParams,
    response: Question,
    status: 200,
  }) as const;

/** The mentor queue, the asker's side of a thread, peer support and the knowledge base. */
export const mentorEndpoints = {
  myMentorProfile: {
    method: 'get',
    path: '/v1/mentors/me',
    summary: 'My mentor profile: topics, disciplines, weekly capacity, away',
    tag: 'mentors',
    roles: QUEUE_WORKERS,
    response: MentorProfileView,
    status: 200,
  },
  putMentorProfile: {
    method: 'put',
    path: '/v1/mentors/me',
    summary: 'Set my mentor profile',
    tag: 'mentors',
    roles: QUEUE_WORKERS,
    body: MentorProfile,
    response: MentorProfileView,
    status: 200,
  },
  listMentors: {
    method: 'get',
    path: '/v1/mentors',
    summary: 'Colleagues a question can be handed to (peer supporters only to peer supporters)',
    tag: 'mentors',
    roles: QUEUE_WORKERS,
    response: MentorList,
    status: 200,
  },
  queue: {
    method: 'get',
    path: '/v1/queue',
    summary: 'Questions I can take, by urgency then age, with SLA and claim state',
    tag: 'queue',
    roles: QUEUE_WORKERS,
    query: QueueQuery,
    response: QueueList,
    status: 200,
  },
  queueSummary: {
    method: 'get',
    path: '/v1/queue/summary',
    summary: 'Counts for the toolbar badge and notifications',
    tag: 'queue',
    roles: QUEUE_WORKERS,
    response: InboxSummary,
    status: 200,
  },
  queueItem: {
    method: 'get',
    path: '/v1/queue/{id}',
    summary: 'One question in my routing, with its thread and hand-offs',
    tag: 'queue',
    roles: QUEUE_WORKERS,
    params: IdParams,
    response: QueueItemDetail,
    status: 200,
  },
  claimQuestion: queueAction('claim', 'Claim a question (exclusive; the claim expires after the set time)'),
  releaseQuestion: queueAction('release', 'Give my claim back to the queue'),
  answerQuestion: {
    ...queueAction('answer', 'Answer a question I have claimed'),
    body: AnswerCreate,
  },
  clarifyQuestion: {
    ...queueAction('clarify', 'Ask the asker a clarifying question (pauses the SLA)'),
    body: ClarifyCreate,
  },
  handOffQuestion: {
    ...queueAction('handoff', 'Hand a question I have claimed to a topic, discipline or named colleague'),
    body: HandOffCreate,
  },
  closeQueueQuestion: queueAction('close', 'Close a question I have claimed or answered'),
  markShareable: {
    ...queueAction('shareable', 'Mark my answer shareable to the knowledge base (or not)'),
    body: ShareableBody,
  },
  replyToQuestion: {
    ...askerAction('reply', 'Reply to a clarifying question on my question (resumes the SLA)'),
    body: ReplyCreate,
  },
  markHelpful: { ...askerAction('helpful', 'Say whether the answer helped'), body: HelpfulBody },
  consentToShare: {
    ...askerAction('consent', 'Consent (or not) to a de-identified copy in the knowledge base'),
    body: ConsentBody,
    response: z.object({ question: Question, publication: Publication }),
  },
  closeMyQuestion: askerAction('close', 'Close my question'),
  needToTalk: {
    method: 'post',
    path: '/v1/need-to-talk',
    summary: 'Ask for a peer supporter after a hard case; returns support contacts at once',
    tag: 'questions',
    roles: REPORTERS,
    body: NeedToTalkCreate,
    response: NeedToTalkCreated,
    status: 201,
  },
  peerSupportAudit: {
    method: 'get',
    path: '/v1/peer-support/audit',
    summary: 'Every grant and removal of the peer supporter role',
    tag: 'mentors',
    roles: PEER_SUPPORTERS,
    response: PeerAudit,
    status: 200,
  },
  kbSearch: {
    method: 'post',
    path: '/v1/kb/search',
    summary: 'Search published answers (the query in the body, redacted by the client)',
    tag: 'kb',
    roles: ANY_SIGNED_IN,
    body: KbSearch,
    response: KbSearchResult,
    status: 200,
  },
  kbOpen: {
    method: 'post',
    path: '/v1/kb/{id}/open',
    summary: 'Open a published answer (counted as a deflection)',
    tag: 'kb',
    roles: ANY_SIGNED_IN,
    params: IdParams,
    response: KbEntry,
    status: 200,
  },
  screenTips: {
    method: 'get',
    path: '/v1/kb/screen-tips',
    summary: 'Published answers and tips for a system; the client matches the path itself',
    tag: 'kb',
    roles: ANY_SIGNED_IN,
    query: ScreenTipsQuery,
    response: ScreenTipList,
    status: 200,
  },
  createTip: {
    method: 'post',
    path: '/v1/tips',
    summary: 'Write a short tip for a screen',
    tag: 'kb',
    roles: ['mentor'],
    body: TipCreate,
    response: ScreenTip,
    status: 201,
  },
  deleteTip: {
    method: 'delete',
    path: '/v1/tips/{id}',
    summary: 'Remove a tip I wrote',
    tag: 'kb',
    roles: ['mentor'],
    params: IdParams,
    response: Ok,
    status: 200,
  },
} as const satisfies Record<string, Endpoint>;
