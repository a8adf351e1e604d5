import { z } from 'zod';
import { Discipline, Urgency } from './enums';
import { FlagStatus } from './flags';
import { ClientId, Id, IsoTime } from './ids';

/** Whose weekly digest: each role reads its own, in its own surface. */
export const DigestRole = z.enum(['lead', 'mentor', 'clinician']);
export type DigestRole = z.infer<typeof DigestRole>;

export const DigestQuery = z.object({ role: DigestRole }).strict();
export type DigestQuery = z.infer<typeof DigestQuery>;

/** A hotspot as a digest names it: a screen and category, or the lead's title where free text may go. */
export const DigestHotspot = z.object({
  id: Id,
  label: z.string(),
  flags: z.number().int().nonnegative(),
  minutesPerWeek: z.number().int().nonnegative(),
  status: FlagStatus,
});
export type DigestHotspot = z.infer<typeof DigestHotspot>;

const Window = { from: IsoTime, to: IsoTime };

export const LeadDigest = z.object({
  role: z.literal('lead'),
  ...Window,
  /** Only hotspots with at least k named reporters (other than the reader) are named. */
  topHotspots: z.array(DigestHotspot),
  /** Hotspots set to resolved or won't fix in the window. */
  loopsClosed: z.number().int().nonnegative(),
  /** PDSA cycles not yet at "act" whose last step is older than CYCLE_DUE_DAYS. */
  cyclesDue: z.number().int().nonnegative(),
});
export type LeadDigest = z.infer<typeof LeadDigest>;

export const MentorDigest = z.object({
  role: z.literal('mentor'),
  ...Window,
  /** Unclaimed questions waiting (in the reader's routing; every mentor's for a channel). */
  openQuestions: z.number().int().nonnegative(),
  urgentOpen: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
  /** Answers marked "This helped" in the window. */
  thanks: z.number().int().nonnegative(),
  /** Opens of published knowledge-base answers in the window. */
  answersRead: z.number().int().nonnegative(),
});
export type MentorDigest = z.infer<typeof MentorDigest>;

export const FlagChange = z.object({
  hotspotId: Id,
  label: z.string(),
  status: FlagStatus,
  /** The leads' public response, which every reporter of the hotspot already sees. */
  response: z.string().nullable(),
  at: IsoTime,
});
export type FlagChange = z.infer<typeof FlagChange>;

export const ClinicianDigest = z.object({
  role: z.literal('clinician'),
  ...Window,
  /** What moved on hotspots the reader flagged by name (anonymous flags are known only to their receipts). */
  changes: z.array(FlagChange),
});
export type ClinicianDigest = z.infer<typeof ClinicianDigest>;

export const Digest = z.discriminatedUnion('role', [LeadDigest, MentorDigest, ClinicianDigest]);
export type Digest = z.infer<typeof Digest>;

export const CYCLE_DUE_DAYS = 14;
export const DIGEST_TOP_HOTSPOTS = 5;

/** An urgent question as a channel alert carries it: no text unless the organisation allows free text. */
export const UrgentAlert = z.object({
  questionId: Id,
  topic: z.string(),
  discipline: z.union([Discipline, z.literal('any')]),
  urgency: Urgency,
  text: z.string().nullable(),
  at: IsoTime,
});
export type UrgentAlert = z.infer<typeof UrgentAlert>;

/** What a delivery row keeps: the message's content, rendered for its platform only when sent. */
export const OutgoingMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('digest'), organisation: z.string(), link: z.url().nullable(), digest: Digest }),
  z.object({ kind: z.literal('urgent'), organisation: z.string(), link: z.url().nullable(), alert: UrgentAlert }),
]);
export type OutgoingMessage = z.infer<typeof OutgoingMessage>;

// ---- Channels (admin) ----

export const ChannelKind = z.enum(['teams', 'slack', 'email']);
export type ChannelKind = z.infer<typeof ChannelKind>;

export const EmailVia = z.enum(['cloudflare', 'mailgun']);
export type EmailVia = z.infer<typeof EmailVia>;

const Email = z.email().max(254);
const ChannelRoles = z.array(z.enum(['lead', 'mentor'])).max(2);

/**
 * A webhook or API address: https only. `http://127.0.0.1` passes the schema so a local receiver can
 * be used in development; the server refuses it in production (worker/services/channels.ts).
 */
export const SecretUrl = z
  .url()
  .max(1000)
  .refine((u) => /^https:\/\//i.test(u) || /^http:\/\/127\.0\.0\.1(:\d+)?\//.test(u), 'Must be an https address');

const ChannelBase = {
  clientId: ClientId,
  label: z.string().trim().min(1).max(80),
  digestRoles: ChannelRoles,
  urgentAlerts: z.boolean(),
};

export const ChannelCreate = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('teams'), ...ChannelBase, webhookUrl: SecretUrl }).strict(),
  z.object({ kind: z.literal('slack'), ...ChannelBase, webhookUrl: SecretUrl }).strict(),
  z
    .object({
      kind: z.literal('email'),
      ...ChannelBase,
      to: z.array(Email).min(1).max(20),
      from: Email,
      via: EmailVia,
      /** Mailgun's MIME endpoint, e.g. https://api.mailgun.net/v3/mg.example.org/messages.mime */
      apiUrl: SecretUrl.nullable(),
      apiKey: z.string().min(8).max(200).nullable(),
    })
    .strict()
    .refine((c) => c.via === 'cloudflare' || (c.apiUrl !== null && c.apiKey !== null), {
      message: 'Mailgun needs its address and API key',
      path: ['apiUrl'],
    }),
]);
export type ChannelCreate = z.infer<typeof ChannelCreate>;

export const ChannelPatch = z
  .object({ label: ChannelBase.label, digestRoles: ChannelRoles, urgentAlerts: z.boolean(), active: z.boolean() })
  .partial()
  .strict();
export type ChannelPatch = z.infer<typeof ChannelPatch>;

/** A channel as admins read it: the address masked, an API key never. */
export const Channel = z.object({
  id: Id,
  kind: ChannelKind,
  label: z.string(),
  target: z.string(),
  digestRoles: ChannelRoles,
  urgentAlerts: z.boolean(),
  active: z.boolean(),
  createdAt: IsoTime,
});
export type Channel = z.infer<typeof Channel>;
export const ChannelList = z.object({ channels: z.array(Channel) });
export type ChannelList = z.infer<typeof ChannelList>;

export const DeliveryStatus = z.enum(['pending', 'sent', 'failed']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const Delivery = z.object({
  id: Id,
  channelLabel: z.string(),
  channelKind: ChannelKind,
  kind: z.enum(['digest', 'urgent']),
  status: DeliveryStatus,
  attempts: z.number().int().nonnegative(),
  /** A status code or an error's kind, never a body. */
  lastError: z.string().nullable(),
  nextAttemptAt: IsoTime.nullable(),
  createdAt: IsoTime,
});
export type Delivery = z.infer<typeof Delivery>;
export const DeliveryList = z.object({ deliveries: z.array(Delivery) });
export type DeliveryList = z.infer<typeof DeliveryList>;

/** Organisation-wide digest choices. */
export const DigestSettings = z
  .object({
    /** Off by default: messages carry counts, names of screens and categories, never what people wrote. */
    freeText: z.boolean(),
    /** Where links in messages point: the API's public address (set from the admin's own request when saved). */
    linkBase: z.url().nullable(),
  })
  .strict();
export type DigestSettings = z.infer<typeof DigestSettings>;
export const DigestSettingsPatch = DigestSettings.pick({ freeText: true }).strict();
export const DEFAULT_DIGEST_SETTINGS: DigestSettings = { freeText: false, linkBase: null };
