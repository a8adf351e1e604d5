import type { FlagCreate } from '../../shared/flags';
import type { QuestionCreate } from '../../shared/questions';
import type { ConfirmedSpan } from '../../shared/text';
import type { AskDraft, FlagDraft } from '../lib/drafts';
import { newClientId, newSecret } from '../lib/ids';

export const FLAG_TEXT_MAX = 2000;
export const IDEA_MAX = 1000;
export const QUESTION_TEXT_MAX = 1500;
export const TITLE_MAX = 300;

export type FieldErrors = Partial<Record<string, string>>;

function checkText(errors: FieldErrors, field: string, value: string, max: number, required: boolean) {
  const trimmed = value.trim();
  if (required && !trimmed) errors[field] = 'Please fill this in.';
  else if (trimmed.length > max) errors[field] = `Please keep this to ${max} characters (now ${trimmed.length}).`;
}

export function validateFlag(d: FlagDraft): FieldErrors {
  const errors: FieldErrors = {};
  checkText(errors, 'text', d.text, FLAG_TEXT_MAX, true);
  if (!d.category) errors.category = 'Please choose a category.';
  if (!d.frequency) errors.frequency = 'Please say how often this happens.';
  const minutes = Number(d.minutesLost);
  if (d.minutesLost.trim() === '' || !Number.isInteger(minutes) || minutes < 0 || minutes > 600)
    errors.minutesLost = 'Please enter whole minutes from 0 to 600.';
  if (!d.impact) errors.impact = 'Please choose the patient impact.';
  checkText(errors, 'idea', d.idea, IDEA_MAX, false);
  if (d.pageTitle !== null) checkText(errors, 'pageTitle', d.pageTitle, TITLE_MAX, false);
  return errors;
}

export function validateAsk(d: AskDraft): FieldErrors {
  const errors: FieldErrors = {};
  checkText(errors, 'text', d.text, QUESTION_TEXT_MAX, true);
  if (!d.topicId) errors.topicId = 'Please choose a topic.';
  if (!d.urgency) errors.urgency = 'Please choose when you need an answer.';
  if (d.pageTitle !== null) checkText(errors, 'pageTitle', d.pageTitle, TITLE_MAX, false);
  return errors;
}

const optionalText = (v: string | null) => (v?.trim() ? v.trim() : undefined);

/** A validated draft as the API body; each call makes a fresh clientId (and receipt secret). */
export function toFlagCreate(d: FlagDraft, confirmedSpans?: ConfirmedSpan[]): FlagCreate {
  return {
    clientId: newClientId(),
    text: d.text.trim(),
    category: d.category as FlagCreate['category'],
    frequency: d.frequency as FlagCreate['frequency'],
    minutesLost: Number(d.minutesLost),
    impact: d.impact as FlagCreate['impact'],
    idea: optionalText(d.idea),
    // An anonymous flag names a unit only if the sender chose it (see FlagDraft.unitChosen).
    unitId: (d.anonymous && !d.unitChosen ? '' : d.unitId) || undefined,
    screen: d.screen ?? undefined,
    pageTitle: optionalText(d.pageTitle),
    confirmedSpans: confirmedSpans?.length ? confirmedSpans : undefined,
    anonymous: d.anonymous,
    receiptSecret: d.anonymous ? newSecret() : undefined,
    contactOk: d.anonymous ? false : d.contactOk,
  };
}

export function toQuestionCreate(d: AskDraft, confirmedSpans?: ConfirmedSpan[]): QuestionCreate {
  return {
    clientId: newClientId(),
    text: d.text.trim(),
    topicId: d.topicId,
    disciplineWanted: d.disciplineWanted as QuestionCreate['disciplineWanted'],
    urgency: d.urgency as QuestionCreate['urgency'],
    screen: d.screen ?? undefined,
    pageTitle: optionalText(d.pageTitle),
    ...(d.mentorFirst ? { mentorFirst: true } : {}),
    confirmedSpans: confirmedSpans?.length ? confirmedSpans : undefined,
  };
}

/** Back from a refused body to an editable draft ("Edit & resend"). */
export function flagDraftFrom(b: FlagCreate): FlagDraft {
  return {
    text: b.text,
    category: b.category,
    frequency: b.frequency,
    minutesLost: String(b.minutesLost),
    impact: b.impact,
    idea: b.idea ?? '',
    unitId: b.unitId ?? '',
    // A unit on an anonymous body was always the sender's choice (toFlagCreate drops any other).
    unitChosen: b.anonymous === true && b.unitId !== undefined,
    screen: b.screen ?? null,
    pageTitle: b.pageTitle ?? null,
    anonymous: b.anonymous ?? false,
    contactOk: b.contactOk ?? false,
  };
}

export function askDraftFrom(b: QuestionCreate): AskDraft {
  return {
    text: b.text,
    topicId: b.topicId,
    disciplineWanted: b.disciplineWanted ?? 'any',
    urgency: b.urgency,
    screen: b.screen ?? null,
    pageTitle: b.pageTitle ?? null,
    ...(b.mentorFirst ? { mentorFirst: true } : {}),
  };
}
