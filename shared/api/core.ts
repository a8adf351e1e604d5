import { z } from 'zod';
import { EnrollRequest, Me, Ok, Session } from '../auth';
import { TopicList, UnitList } from '../catalog';
import { Flag, FlagCreate, FlagList, ReceiptStatusRequest, ReceiptStatusResponse } from '../flags';
import { Question, QuestionCreate, QuestionList } from '../questions';
import { PublicSettings } from '../settings';
import { ANY_SIGNED_IN, type Endpoint, REPORTERS } from './endpoint';

export const Health = z.object({ ok: z.literal(true), version: z.string() });

/** Sign-in, the catalog every user reads, and a clinician's own flags and questions. */
export const coreEndpoints = {
  health: {
    method: 'get',
    path: '/health',
    summary: 'Liveness check',
    tag: 'meta',
    roles: ['public'],
    response: Health,
    status: 200,
  },
  enroll: {
    method: 'post',
    path: '/v1/auth/enroll',
    summary: 'Exchange an enrollment or sign-in code for a token',
    tag: 'auth',
    roles: ['public'],
    body: EnrollRequest,
    response: Session,
    status: 200,
  },
  logout: {
    method: 'post',
    path: '/v1/auth/logout',
    summary: 'Revoke this device’s token',
    tag: 'auth',
    roles: ANY_SIGNED_IN,
    response: Ok,
    status: 200,
  },
  logoutAll: {
    method: 'post',
    path: '/v1/auth/logout-all',
    summary: 'Revoke every token of the signed-in user',
    tag: 'auth',
    roles: ANY_SIGNED_IN,
    response: Ok,
    status: 200,
  },
  me: {
    method: 'get',
    path: '/v1/me',
    summary: 'The signed-in user',
    tag: 'auth',
    roles: ANY_SIGNED_IN,
    response: Me,
    status: 200,
  },
  settings: {
    method: 'get',
    path: '/v1/settings',
    summary: 'Organisation settings every user may read',
    tag: 'catalog',
    roles: ANY_SIGNED_IN,
    response: PublicSettings,
    status: 200,
  },
  topics: {
    method: 'get',
    path: '/v1/topics',
    summary: 'Active question topics',
    tag: 'catalog',
    roles: ANY_SIGNED_IN,
    response: TopicList,
    status: 200,
  },
  units: {
    method: 'get',
    path: '/v1/units',
    summary: 'Active units',
    tag: 'catalog',
    roles: ANY_SIGNED_IN,
    response: UnitList,
    status: 200,
  },
  createFlag: {
    method: 'post',
    path: '/v1/flags',
    summary: 'Flag a workflow friction point (a retry with the same clientId returns the original)',
    tag: 'flags',
    roles: REPORTERS,
    body: FlagCreate,
    response: Flag,
    status: 201,
  },
  myFlags: {
    method: 'get',
    path: '/v1/flags/mine',
    summary: 'My named flags',
    tag: 'flags',
    roles: REPORTERS,
    response: FlagList,
    status: 200,
  },
  receiptStatus: {
    method: 'post',
    path: '/v1/receipts/status',
    summary: 'Status of anonymous flags, by receipt secret alone',
    tag: 'flags',
    roles: ['public'],
    body: ReceiptStatusRequest,
    response: ReceiptStatusResponse,
    status: 200,
  },
  createQuestion: {
    method: 'post',
    path: '/v1/questions',
    summary: 'Ask a mentor (a retry with the same clientId returns the original)',
    tag: 'questions',
    roles: REPORTERS,
    body: QuestionCreate,
    response: Question,
    status: 201,
  },
  myQuestions: {
    method: 'get',
    path: '/v1/questions/mine',
    summary: 'My questions with their answers',
    tag: 'questions',
    roles: REPORTERS,
    response: QuestionList,
    status: 200,
  },
} as const satisfies Record<string, Endpoint>;
