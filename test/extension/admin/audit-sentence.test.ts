import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, auditDetails, auditSentence } from '../../../extension/admin/audit-sentence';

const entry = (action: string, over: Partial<Parameters<typeof auditSentence>[0]> = {}) => ({
  action,
  actorId: 'usr_admin1',
  actorName: 'Ada Admin',
  subjectName: null,
  ...over,
});

describe('audit rows read as sentences with names', () => {
  it('names who acted and whom it was about', () => {
    expect(auditSentence(entry('code.created', { subjectName: 'Sam Nurse' }))).toBe(
      'Ada Admin created a sign-in code for Sam Nurse',
    );
    expect(auditSentence(entry('user.deactivated', { subjectName: 'Sam Nurse' }))).toBe(
      'Ada Admin deactivated Sam Nurse',
    );
    // The escalation job acts as no one.
    expect(auditSentence(entry('questions.escalated', { actorId: null, actorName: null }))).toBe(
      'Questions nobody claimed in time moved to the fallback route',
    );
    // A code an admin issued, used by the person it was for: the person is the one who signed in.
    expect(auditSentence(entry('user.signed_in_with_code', { subjectName: 'Sam Nurse' }))).toBe(
      'Sam Nurse signed in with a code Ada Admin issued',
    );
  });

  it('never shows an id or an action code, even for actions it does not know', () => {
    const removed = auditSentence(entry('settings.updated', { actorName: null }));
    expect(removed).toBe('A former user changed the organisation’s settings');
    const scim = auditSentence(entry('scim.user_deactivated', { actorId: null, actorName: null }));
    expect(scim).toBe('Directory sync (SCIM): user deactivated');
    for (const s of [removed, scim]) {
      expect(s).not.toMatch(/usr_|\w+\.\w+_\w+/);
    }
  });

  it('labels every action of the filter in words and spells detail keys out', () => {
    for (const [action, label] of AUDIT_ACTION_LABELS) {
      expect(label).not.toContain(action);
      expect(label).toMatch(/^[A-Z]/);
    }
    expect(auditDetails({ kind: 'enroll', spanCount: 2, kinds: ['name', 'date'] })).toBe(
      'kind: enroll; span count: 2; kinds: name, date',
    );
  });
});
