import { Ok } from '../auth';
import {
  AccountAuditPage,
  AccountAuditQuery,
  AcknowledgeSignIns,
  DeviceCode,
  DeviceCodeRequest,
  NewSignIns,
} from '../sign-ins';
import { ANY_SIGNED_IN, type Endpoint } from './endpoint';

/** The signed-in user's own account: who signed in as them, and adding a device of their own. */
export const accountEndpoints = {
  mySignIns: {
    method: 'get',
    path: '/v1/me/sign-ins',
    summary: 'Sign-ins to my account: enrolment, sign-in codes made for me and their use, by whom (own account only)',
    tag: 'auth',
    roles: ANY_SIGNED_IN,
    query: AccountAuditQuery,
    response: AccountAuditPage,
    status: 200,
  },
  newSignIns: {
    method: 'get',
    path: '/v1/me/sign-ins/new',
    summary: 'Sign-ins to my account this device has not acknowledged (“a new device signed in as you”)',
    tag: 'auth',
    roles: ANY_SIGNED_IN,
    response: NewSignIns,
    status: 200,
  },
  acknowledgeSignIns: {
    method: 'post',
    path: '/v1/me/sign-ins/acknowledge',
    summary: 'Acknowledge this device’s notice of new sign-ins, up to the newest it showed',
    tag: 'auth',
    roles: ANY_SIGNED_IN,
    body: AcknowledgeSignIns,
    response: Ok,
    status: 200,
  },
  createDeviceCode: {
    method: 'post',
    path: '/v1/me/device-codes',
    summary: 'A one-use code to sign my account in on another device (shown once)',
    tag: 'auth',
    roles: ANY_SIGNED_IN,
    body: DeviceCodeRequest,
    response: DeviceCode,
    status: 201,
  },
} as const satisfies Record<string, Endpoint>;
