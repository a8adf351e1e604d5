import { Ok } from '../auth';
import { CreditPreference } from '../credit';
import { HotspotDetail } from '../hotspots';
import { IdParams } from '../ids';
import { ScreenTip } from '../kb';
import { InviteCreate, QueueActionResult } from '../mentoring';
import { RequestedTipCreate, TipRequestList, TrainingGapCreate } from '../training';
import { type Endpoint, REPORTERS } from './endpoint';
import { LEADS } from './hotspots';

/**
 * Issue 18, the rest of growth: a lead's training gap asks mentors for a tip on the hotspot's screen; a
 * reporter chooses whether to be credited, in k-anonymous groups, on what changed; a mentor invites a
 * second discipline into a thread without handing it off.
 */
export const trainingEndpoints = {
  resolveTrainingGap: {
    method: 'post',
    path: '/v1/hotspots/{id}/training-gap',
    summary: 'Resolve a hotspot as a training gap: asks the mentors of a topic for a tip on its screen',
    tag: 'hotspots',
    roles: LEADS,
    params: IdParams,
    body: TrainingGapCreate,
    response: HotspotDetail,
    status: 200,
  },
  tipRequests: {
    method: 'get',
    path: '/v1/tip-requests',
    summary: 'Tips asked for after a training gap, routed to me by topic, oldest first',
    tag: 'kb',
    roles: ['mentor'],
    response: TipRequestList,
    status: 200,
  },
  writeRequestedTip: {
    method: 'post',
    path: '/v1/tip-requests/{id}/tip',
    summary: 'Write the tip a training gap asked for (once; every reporter of the hotspot hears of it)',
    tag: 'kb',
    roles: ['mentor'],
    params: IdParams,
    body: RequestedTipCreate,
    response: ScreenTip,
    status: 201,
  },
  myCreditPreference: {
    method: 'get',
    path: '/v1/me/credit',
    summary: 'Whether I am credited (in groups of at least k) on "you said, we did"',
    tag: 'growth',
    roles: REPORTERS,
    response: CreditPreference,
    status: 200,
  },
  setCreditPreference: {
    method: 'put',
    path: '/v1/me/credit',
    summary: 'Opt in or out of being credited on "you said, we did"',
    tag: 'growth',
    roles: REPORTERS,
    body: CreditPreference,
    response: Ok,
    status: 200,
  },
  inviteDiscipline: {
    method: 'post',
    path: '/v1/queue/{id}/invite',
    summary: 'Invite a second discipline into a question I hold, without handing it off',
    tag: 'queue',
    roles: ['mentor'],
    params: IdParams,
    body: InviteCreate,
    response: QueueActionResult,
    status: 200,
  },
} as const satisfies Record<string, Endpoint>;
