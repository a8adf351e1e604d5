import type { Category, Frequency, Impact, Urgency } from '../../shared/enums';
import type { Screen } from '../../shared/screen';
import { withLock } from './lock';
import { draftsItem, type View } from './storage';

export type { View };

export const DRAFTS_LOCK = 'curbside-drafts';

/** Form state exactly as typed: the popup closes whenever focus leaves, so every change is saved. */
export interface FlagDraft {
  text: string;
  category: Category | '';
  frequency: Frequency | '';
  minutesLost: string;
  impact: Impact | '';
  idea: string;
  unitId: string;
  /**
   * The sender picked the unit themselves. An anonymous flag carries a unit only then: the one
   * filled in from their profile would narrow down who sent it (absent in older drafts: not picked).
   */
  unitChosen?: boolean;
  /** De-identified screen captured when the form first opened; null once removed. */
  screen: Screen | null;
  /** null until the user asks to add the page title. */
  pageTitle: string | null;
  anonymous: boolean;
  contactOk: boolean;
}

export interface AskDraft {
  text: string;
  topicId: string;
  disciplineWanted: string;
  urgency: Urgency | '';
  screen: Screen | null;
  pageTitle: string | null;
  /** A mentee's choice: their mentor alone sees it first (absent: normal routing). */
  mentorFirst?: boolean;
}

export interface Drafts {
  /** The view that was open when the popup closed, so reopening returns to it. */
  view: View | null;
  flag?: FlagDraft;
  ask?: AskDraft;
  /** Replies to a mentor's clarifying question, by question id, until sent. */
  replies?: Record<string, string>;
  /** What the person wrote on "Need to talk", until sent. */
  talk?: string;
}

/** The minutes offered as one-click chips on the flag form; the default is the second. */
export const MINUTE_CHIPS = [1, 5, 15, 30] as const;

/**
 * Defaults keep a flag to one input (what got in the way) when the rest is unremarkable: 5 minutes,
 * "Other", "Once" and "No patient impact" are the neutral answers, and all stay visible to change.
 */
export function emptyFlagDraft(unitId: string | null, screen: Screen | null): FlagDraft {
  return {
    text: '',
    category: 'other',
    frequency: 'once',
    minutesLost: String(MINUTE_CHIPS[1]),
    impact: 'none',
    idea: '',
    unitId: unitId ?? '',
    screen,
    pageTitle: null,
    anonymous: false,
    contactOk: false,
  };
}

export function emptyAskDraft(screen: Screen | null, text = ''): AskDraft {
  return { text, topicId: '', disciplineWanted: 'any', urgency: 'this_week', screen, pageTitle: null };
}

/** Only the view is kept in the clear; what was typed is sealed (lib/draft-store.ts). */
export async function saveView(view: View): Promise<void> {
  await withLock(DRAFTS_LOCK, async () => {
    const stored = await draftsItem.getValue();
    await draftsItem.setValue({ ...stored, view });
  });
}
