import { z } from 'zod';
import { EnrollRequest, Me, Ok, Session } from './auth';
import { NamedCreate, NamedPatch, Topic, TopicList, Unit, UnitList } from './catalog';
import { CodeCreate, CodeCreated, CodeInfo, CodeList } from './codes';
import { Role } from './enums';
import { Flag, FlagCreate, FlagList, ReceiptStatusRequest, ReceiptStatusResponse } from './flags';
import { IdParams } from './ids';
import { Question, QuestionCreate, QuestionList } from './questions';
import { PublicSettings, Settings, SettingsPatch } from './settings';
import { User, UserList, UserListQuery, UserPatch } from './users';

/** `public` needs no token; every other entry is a role that may call. */
export type Access = Role | 'public';

export interface Endpoint {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** OpenAPI style: `{id}` marks a path parameter. */
  path: string;
  summary: string;
  tag: string;
  roles: readonly Access[];
  body?: z.ZodType;
  query?: z.ZodObject;
  params?: z.ZodObject;
  response: z.ZodType;
  status: 200 | 201;
}

const ANY_SIGNED_IN = Role.options;
const REPORTERS = ['clinician', 'mentor', 'lead'] as const satisfies readonly Role[];
const ADMIN = ['admin'] as const satisfies readonly Role[];

export const Health = z.object({ ok: z.literal(true), version: z.string() });

/**
 * The API contract both sides build on: the worker registers each entry (validation, role check,
 * identifier check, OpenAPI with `x-roles`), and the extension's client calls by entry.
 */
export const endpoints = {
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
  adminCreateCode: {
    method: 'post',
    path: '/v1/admin/codes',
    summary: 'Create an enrollment or sign-in code (shown once)',
    tag: 'admin',
    roles: ADMIN,
    body: CodeCreate,
    response: CodeCreated,
    status: 201,
  },
  adminListCodes: {
    method: 'get',
    path: '/v1/admin/codes',
    summary: 'List codes (never the codes themselves)',
    tag: 'admin',
    roles: ADMIN,
    response: CodeList,
    status: 200,
  },
  adminRevokeCode: {
    method: 'post',
    path: '/v1/admin/codes/{id}/revoke',
    summary: 'Revoke a code',
    tag: 'admin',
    roles: ADMIN,
    params: IdParams,
    response: CodeInfo,
    status: 200,
  },
  adminListUsers: {
    method: 'get',
    path: '/v1/admin/users',
    summary: 'List and search users',
    tag: 'admin',
    roles: ADMIN,
    query: UserListQuery,
    response: UserList,
    status: 200,
  },
  adminPatchUser: {
    method: 'patch',
    path: '/v1/admin/users/{id}',
    summary: 'Change a user’s roles, unit, discipline or name',
    tag: 'admin',
    roles: ADMIN,
    params: IdParams,
    body: UserPatch,
    response: User,
    status: 200,
  },
  adminDeactivateUser: {
    method: 'post',
    path: '/v1/admin/users/{id}/deactivate',
    summary: 'Deactivate a user and revoke all their tokens',
    tag: 'admin',
    roles: ADMIN,
    params: IdParams,
    response: User,
    status: 200,
  },
  adminListUnits: {
    method: 'get',
    path: '/v1/admin/units',
    summary: 'All units, inactive included',
    tag: 'admin',
    roles: ADMIN,
    response: UnitList,
    status: 200,
  },
  adminCreateUnit: {
    method: 'post',
    path: '/v1/admin/units',
    summary: 'Add a unit',
    tag: 'admin',
    roles: ADMIN,
    body: NamedCreate,
    response: Unit,
    status: 201,
  },
  adminPatchUnit: {
    method: 'patch',
    path: '/v1/admin/units/{id}',
    summary: 'Rename or (de)activate a unit',
    tag: 'admin',
    roles: ADMIN,
    params: IdParams,
    body: NamedPatch,
    response: Unit,
    status: 200,
  },
  adminListTopics: {
    method: 'get',
    path: '/v1/admin/topics',
    summary: 'All topics, inactive included',
    tag: 'admin',
    roles: ADMIN,
    response: TopicList,
    status: 200,
  },
  adminCreateTopic: {
    method: 'post',
    path: '/v1/admin/topics',
    summary: 'Add a topic',
    tag: 'admin',
    roles: ADMIN,
    body: NamedCreate,
    response: Topic,
    status: 201,
  },
  adminPatchTopic: {
    method: 'patch',
    path: '/v1/admin/topics/{id}',
    summary: 'Rename or (de)activate a topic',
    tag: 'admin',
    roles: ADMIN,
    params: IdParams,
    body: NamedPatch,
    response: Topic,
    status: 200,
  },
  adminGetSettings: {
    method: 'get',
    path: '/v1/admin/settings',
    summary: 'Organisation settings',
    tag: 'admin',
    roles: ADMIN,
    response: Settings,
    status: 200,
  },
  adminPatchSettings: {
    method: 'patch',
    path: '/v1/admin/settings',
    summary: 'Change organisation settings',
    tag: 'admin',
    roles: ADMIN,
    body: SettingsPatch,
    response: Settings,
    status: 200,
  },
} as const satisfies Record<string, Endpoint>;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;

type Infer<T> = T extends z.ZodType ? z.input<T> : never;
type Out<T> = T extends z.ZodType ? z.output<T> : never;

/** What a caller passes for an endpoint: only the parts it declares. */
export type CallInput<E extends Endpoint> = (E extends { body: z.ZodType } ? { body: Infer<E['body']> } : unknown) &
  (E extends { query: z.ZodType } ? { query?: Infer<E['query']> } : unknown) &
  (E extends { params: z.ZodType } ? { params: Infer<E['params']> } : unknown);

/** What a handler receives after validation. */
export type HandlerInput<E extends Endpoint> = {
  body: E extends { body: z.ZodType } ? Out<E['body']> : undefined;
  query: E extends { query: z.ZodType } ? Out<E['query']> : undefined;
  params: E extends { params: z.ZodType } ? Out<E['params']> : undefined;
};

export type Response<E extends Endpoint> = z.output<E['response']>;

export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`Missing path parameter ${key}`);
    return encodeURIComponent(value);
  });
}
