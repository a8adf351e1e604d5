import { z } from 'zod';
import { Id } from './ids';

const SemVer = z.string().regex(/^\d+\.\d+\.\d+$/, 'Expected a version like 1.2.3');

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const Settings = z
  .object({
    organisationName: z.string().trim().min(1).max(120),
    timeZone: z.string().refine(isTimeZone, 'Unknown time zone'),
    kAnonymity: z.number().int().min(2).max(50),
    slaTodayHours: z.number().int().min(1).max(72),
    slaThisWeekWorkingDays: z.number().int().min(1).max(10),
    claimExpiryMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
    frequencyMultipliers: z
      .object({
        daily: z.number().min(0).max(100),
        every_shift: z.number().min(0).max(100),
        every_patient: z.number().min(0).max(1000),
      })
      .strict(),
    retentionDays: z.number().int().min(30).max(3650),
    tokenTtlDays: z.number().int().min(1).max(365),
    idleSignOutMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60),
    minExtensionVersion: SemVer,
    /** What a person with an older extension is told to do (IT's words); empty for Curbside's default. */
    updateInstructions: z.string().trim().max(500),
    incidentReportingUrl: z.url().max(500).nullable(),
    employeeAssistance: z.string().trim().max(500),
    crisisContacts: z.string().trim().max(500),
    /** The coordinator topic that unclaimed questions move to; null: none, nothing moves. */
    fallbackTopicId: Id.nullable(),
    /** How long a question waits unclaimed before it moves to the fallback route. */
    escalateAfterMinutes: z
      .number()
      .int()
      .min(15)
      .max(7 * 24 * 60),
  })
  .strict();
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = Settings.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Settings = {
  organisationName: 'Curbside',
  timeZone: 'America/New_York',
  kAnonymity: 3,
  slaTodayHours: 4,
  slaThisWeekWorkingDays: 2,
  claimExpiryMinutes: 60,
  frequencyMultipliers: { daily: 5, every_shift: 10, every_patient: 50 },
  retentionDays: 365,
  tokenTtlDays: 90,
  idleSignOutMinutes: 0,
  minExtensionVersion: '0.0.0',
  updateInstructions: '',
  incidentReportingUrl: null,
  employeeAssistance: '',
  crisisContacts: '',
  fallbackTopicId: null,
  escalateAfterMinutes: 120,
};

/** What every signed-in user may read: nothing here is sensitive. */
export const PublicSettings = Settings.pick({
  organisationName: true,
  timeZone: true,
  kAnonymity: true,
  idleSignOutMinutes: true,
  minExtensionVersion: true,
  incidentReportingUrl: true,
  employeeAssistance: true,
  crisisContacts: true,
});
export type PublicSettings = z.infer<typeof PublicSettings>;

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
