import { z } from 'zod';
import { CreditGroup } from './credit';
import { Category, Frequency, Impact } from './enums';
import { ClientId, Id, IsoTime, Secret256 } from './ids';
import { PdsaProgress } from './pdsa';
import { Screen } from './screen';
import { ConfirmedSpans, freeText } from './text';
import { FlagTip } from './training';

export const FlagStatus = z.enum(['new', 'acknowledged', 'in_progress', 'resolved', 'wont_fix']);
export type FlagStatus = z.infer<typeof FlagStatus>;

export const FLAG_STATUS_LABELS: Record<FlagStatus, string> = {
  new: 'New',
  acknowledged: 'Acknowledged',
  in_progress: 'In progress',
  resolved: 'Resolved',
  wont_fix: "Won't fix",
};

type Sender = { anonymous: boolean; receiptSecret?: string | undefined; contactOk: boolean };

/**
 * Who sent it, said one way on every flag-making body: an anonymous flag carries a receipt secret
 * and never an offer of contact; a named one carries no secret.
 */
export function senderRules(ctx: z.core.ParsePayload<Sender>): void {
  const f = ctx.value;
  if (f.anonymous && f.receiptSecret === undefined)
    ctx.issues.push({
      code: 'custom',
      input: f,
      path: ['receiptSecret'],
      message: 'An anonymous flag needs a receipt secret',
    });
  if (!f.anonymous && f.receiptSecret !== undefined)
    ctx.issues.push({
      code: 'custom',
      input: f,
      path: ['receiptSecret'],
      message: 'Only anonymous flags carry a receipt secret',
    });
  if (f.anonymous && f.contactOk)
    ctx.issues.push({
      code: 'custom',
      input: f,
      path: ['contactOk'],
      message: 'An anonymous flag cannot offer contact',
    });
}

export const FlagCreate = z
  .object({
    clientId: ClientId,
    text: freeText(2000),
    category: Category,
    frequency: Frequency,
    minutesLost: z.number().int().min(0).max(600),
    impact: Impact,
    idea: freeText(1000).optional(),
    unitId: Id.optional(),
    screen: Screen.optional(),
    pageTitle: freeText(300).optional(),
    confirmedSpans: ConfirmedSpans.optional(),
    anonymous: z.boolean().default(false),
    /** Anonymous flags only: the server keeps only its SHA-256, and answers status to whoever holds it. */
    receiptSecret: Secret256.optional(),
    contactOk: z.boolean().default(false),
  })
  .strict()
  .check(senderRules);
export type FlagCreate = z.input<typeof FlagCreate>;

export const Flag = z.object({
  id: Id,
  clientId: ClientId,
  text: z.string(),
  category: Category,
  frequency: Frequency,
  minutesLost: z.number().int(),
  impact: Impact,
  idea: z.string().nullable(),
  unitId: Id.nullable(),
  screen: Screen.nullable(),
  pageTitle: z.string().nullable(),
  anonymous: z.boolean(),
  contactOk: z.boolean(),
  status: FlagStatus,
  /** Anonymous flags are stored to the hour so time cannot single out the sender. */
  createdAt: IsoTime,
  /** Closing the loop: the hotspot this flag joined, its public response and tests of change. */
  hotspotId: Id.nullable().optional(),
  response: z.string().nullable().optional(),
  respondedAt: IsoTime.nullable().optional(),
  cycles: z.array(PdsaProgress).optional(),
  /** After a training gap: the tip a mentor wrote for the hotspot's screen (issue 18). */
  tip: FlagTip.nullable().optional(),
  /** Reporters who opted in, in groups of at least k (shared/credit.ts); empty when none shows. */
  credit: z.array(CreditGroup).optional(),
  withdrawn: z.boolean().optional(),
});
export type Flag = z.infer<typeof Flag>;

export const FlagList = z.object({ flags: z.array(Flag) });
export type FlagList = z.infer<typeof FlagList>;

export const ReceiptStatusRequest = z.object({ secrets: z.array(Secret256).min(1).max(200) }).strict();
export type ReceiptStatusRequest = z.infer<typeof ReceiptStatusRequest>;

/** Answers line up with the secrets sent; null where no flag matches. */
export const ReceiptStatusResponse = z.object({ flags: z.array(Flag.nullable()) });
export type ReceiptStatusResponse = z.infer<typeof ReceiptStatusResponse>;
