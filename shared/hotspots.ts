import { z } from 'zod';
import { Category, Frequency, Impact } from './enums';
import { type FlagStatus, FlagStatus as Status, senderRules } from './flags';
import { ClientId, Id, IsoTime, Secret256 } from './ids';
import { PdsaCycle, PdsaProgress } from './pdsa';
import { Screen } from './screen';
import { ConfirmedSpans, freeText } from './text';
import { Resolution, TipRequestState } from './training';

/**
 * Hotspots: one per (host, screen path, category) that flags join as they arrive. Flags without
 * a screen join one organisation-wide hotspot per category (no system). A lead may merge a
 * duplicate into another; the merged one then reads as empty and its flags count at the target.
 */

/** The workflow moves one step at a time; `wont_fix` ends it from any step after acknowledging. */
export const STATUS_NEXT: Record<FlagStatus, readonly FlagStatus[]> = {
  new: ['acknowledged'],
  acknowledged: ['in_progress', 'wont_fix'],
  in_progress: ['resolved', 'wont_fix'],
  resolved: [],
  wont_fix: [],
};

/** The statuses a hotspot may be in to move to `to` (the conditional UPDATE's allowed-from set). */
export function allowedFrom(to: FlagStatus): FlagStatus[] {
  return Status.options.filter((from) => STATUS_NEXT[from].includes(to));
}

export const HotspotSort = z.enum(['cost', 'count', 'newest', 'rising']);
export type HotspotSort = z.infer<typeof HotspotSort>;

const Day = z.iso.date();

/** Date ranges are whole days (UTC), inclusive at both ends, widened to whole weeks where read. */
export const DateRange = z
  .object({ from: Day.optional(), to: Day.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: '"to" must not be before "from"' });

export const HotspotListQuery = z
  .object({
    from: Day.optional(),
    to: Day.optional(),
    unitId: Id.optional(),
    category: Category.optional(),
    /** A system by its host, as screens carry it. */
    host: Screen.shape.host.optional(),
    sort: HotspotSort.default('cost'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: '"to" must not be before "from"' });
export type HotspotListQuery = z.input<typeof HotspotListQuery>;

export const ImpactMix = z.object({ none: z.number(), delay: z.number(), risk: z.number(), harm: z.number() });
export type ImpactMix = z.infer<typeof ImpactMix>;

export const HotspotResponse = z.object({
  status: Status,
  response: z.string().nullable(),
  respondedAt: IsoTime.nullable(),
});

export const Hotspot = z.object({
  id: Id,
  screen: Screen.nullable(),
  category: Category,
  /** The lead's name for it, if given. */
  title: z.string().nullable(),
  status: Status,
  response: z.string().nullable(),
  respondedAt: IsoTime.nullable(),
  flagCount: z.number().int(),
  /** Distinct reporters, all time; all anonymous flags together count as one. */
  reporterCount: z.number().int(),
  minutesPerWeek: z.number().int(),
  impact: ImpactMix,
  /** Flags per week, the last 12 weeks ending with the range's last week, oldest first. */
  trend: z.array(z.number().int()),
  rising: z.number().int(),
  mergedInto: Id.nullable(),
  createdAt: IsoTime,
});
export type Hotspot = z.infer<typeof Hotspot>;

/** The whole weeks a date range snapped to: Monday 00:00 UTC of the first, to Monday after the last. */
export const WeekRange = z.object({ from: IsoTime, to: IsoTime });

export const HotspotList = z.object({
  hotspots: z.array(Hotspot),
  k: z.number().int(),
  /**
   * With a unit filter: hotspots under the same filters left out because nothing of that unit on
   * them meets k. Null without a unit filter, and when fewer than k (a small count is held back too).
   */
  suppressed: z.number().int().nullable(),
  /** Start of each trend week (ISO), oldest first. */
  weeks: z.array(IsoTime),
  /** The whole weeks the dates asked for; null without dates. */
  range: WeekRange.nullable(),
});
export type HotspotList = z.infer<typeof HotspotList>;

/**
 * A unit's share where it is shown (shared/kanon.ts): the sum of its cells (one screen, one week)
 * that have k named people other than the viewer. `unitId` null: flags sent without a unit.
 */
export const UnitCell = z.object({
  unitId: Id.nullable(),
  flags: z.number().int(),
  minutesPerWeek: z.number().int(),
});
export type UnitCell = z.infer<typeof UnitCell>;

/** Every cell held back, pooled with no unit: it points at none of the units it came from. */
export const OtherUnits = z.object({ flags: z.number().int(), minutesPerWeek: z.number().int() });
export type OtherUnits = z.infer<typeof OtherUnits>;

/** One flag as a lead sees it: de-identified, never who sent it unless they said "you may contact me". */
export const HotspotItem = z.object({
  text: z.string(),
  idea: z.string().nullable(),
  category: Category,
  impact: Impact,
  frequency: Frequency,
  minutesLost: z.number().int(),
  /** Only named flags, and only when their unit's cell (screen, week, unit) is shown. */
  unitId: Id.nullable(),
  /** The day, named flags only. */
  day: Day.nullable(),
  anonymous: z.boolean(),
  contactName: z.string().nullable(),
});
export type HotspotItem = z.infer<typeof HotspotItem>;

export const HotspotDetail = Hotspot.extend({
  /** Hotspots merged into this one. */
  members: z.array(z.object({ id: Id, screen: Screen.nullable(), category: Category })),
  units: z.array(UnitCell),
  otherUnits: OtherUnits,
  /**
   * A flag shows (text, day, details) only while the screen it was filed into has k distinct named
   * reporters other than the viewer: merges, undos and status steps never change that.
   */
  itemsVisible: z.boolean(),
  /** Flags under this hotspot that do not show by that rule. */
  itemsHidden: z.number().int(),
  items: z.array(HotspotItem),
  cycles: z.array(PdsaCycle),
  k: z.number().int(),
  /** How it was resolved; null before, or when resolved without saying. */
  resolution: Resolution.nullable(),
  /** After a training gap: the mentors' tip for its screen, asked for or written. */
  tipRequest: TipRequestState.nullable(),
});
export type HotspotDetail = z.infer<typeof HotspotDetail>;

export const HotspotPatch = z
  .object({
    status: Status.optional(),
    response: freeText(2000).nullable().optional(),
    title: freeText(120).nullable().optional(),
    confirmedSpans: ConfirmedSpans.optional(),
  })
  .strict()
  .refine((p) => p.status !== undefined || p.response !== undefined || p.title !== undefined, {
    message: 'Nothing to change',
  });
export type HotspotPatch = z.input<typeof HotspotPatch>;

export const MergeRequest = z.object({ into: Id }).strict();
export type MergeRequest = z.infer<typeof MergeRequest>;

export const MeTooCreate = z
  .object({
    clientId: ClientId,
    comment: freeText(2000).optional(),
    minutesLost: z.number().int().min(0).max(600).default(0),
    frequency: Frequency.default('once'),
    impact: Impact.default('none'),
    unitId: Id.optional(),
    anonymous: z.boolean().default(false),
    receiptSecret: Secret256.optional(),
    contactOk: z.boolean().default(false),
    confirmedSpans: ConfirmedSpans.optional(),
  })
  .strict()
  .check(senderRules);
export type MeTooCreate = z.input<typeof MeTooCreate>;

/** The text a "me too" without a comment carries. */
export const ME_TOO_TEXT = 'Me too';

export const HostQuery = z.object({ host: Screen.shape.host }).strict();

/** What every clinician on a system sees: the screen, status and public response, progress. */
export const SystemHotspot = z.object({
  id: Id,
  path: z.string().nullable(),
  category: Category,
  title: z.string().nullable(),
  status: Status,
  response: z.string().nullable(),
  respondedAt: IsoTime.nullable(),
  /** Null below k. */
  reporterCount: z.number().int().nullable(),
  harm: z.boolean(),
  cycles: z.array(PdsaProgress),
});
export type SystemHotspot = z.infer<typeof SystemHotspot>;

export const SystemHotspotList = z.object({ hotspots: z.array(SystemHotspot) });
export type SystemHotspotList = z.infer<typeof SystemHotspotList>;

export const SimilarRequest = z
  .object({ host: Screen.shape.host, text: freeText(2000), confirmedSpans: ConfirmedSpans.optional() })
  .strict();
export type SimilarRequest = z.input<typeof SimilarRequest>;

/** Best first, with no score: only what every clinician on the system sees (shared/similarity.ts). */
export const SimilarList = z.object({ hotspots: z.array(SystemHotspot) });
export type SimilarList = z.infer<typeof SimilarList>;

export const ReceiptWithdraw = z.object({ secret: Secret256 }).strict();

export const BreakdownQuery = z
  .object({ from: Day.optional(), to: Day.optional(), category: Category.optional() })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: '"to" must not be before "from"' });

/** Below-organisation breakdowns: units where shown, the rest pooled per row of each table. */
export const Breakdown = z.object({
  k: z.number().int(),
  /** The whole weeks the dates asked for; null without dates. */
  range: WeekRange.nullable(),
  units: z.array(UnitCell),
  otherUnits: OtherUnits,
  unitCategories: z.array(UnitCell.extend({ category: Category })),
  otherByCategory: z.array(OtherUnits.extend({ category: Category })),
  unitWeeks: z.array(UnitCell.extend({ week: IsoTime })),
  otherByWeek: z.array(OtherUnits.extend({ week: IsoTime })),
});
export type Breakdown = z.infer<typeof Breakdown>;

export const CycleParams = z.object({ id: Id });
