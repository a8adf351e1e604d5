import { useEffect, useState } from 'preact/hooks';
import { DISCIPLINE_LABELS, URGENCY_LABELS } from '../../shared/enums';
import { CheckedTextField } from '../ui/CheckedTextField';
import { optionsFrom, SelectField } from '../ui/SelectField';
import { DraftFormActions } from './DraftFormActions';
import { QUESTION_TEXT_MAX, validateAsk } from './forms';
import { KbMatches } from './KbMatches';
import { PageTitle } from './PageTitle';
import { RouteNotice } from './RouteNotice';
import { ScreenChip } from './ScreenChip';
import { ScreenTips } from './ScreenTips';
import { usePopup } from './state';
import { useDraftForm } from './useDraftForm';
import { ViewHeading } from './ViewHeading';

const DISCIPLINES = [{ value: 'any', label: 'Any discipline' }, ...optionsFrom(DISCIPLINE_LABELS)];

/**
 * "Ask my mentor first", offered while the asker's mentorship is active: only the mentor sees the
 * question at first (worker/services/mentorships.ts). Here, not beside My mentorship, so the Ask form
 * loads no view of My items.
 */
function MentorFirstChoice({ checked, onChange }: { checked: boolean; onChange: (v: boolean) => void }) {
  const app = usePopup();
  const [mentorName, setMentorName] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void app.mentorshipStore().then(async (store) => {
      await store.load();
      const active = store.mine.value?.find((m) => m.myRole === 'mentee' && m.status === 'active');
      if (live) setMentorName(active?.mentor?.displayName ?? null);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!mentorName) return null;
  return (
    <div class="field">
      <label class="choice">
        <input
          type="checkbox"
          id="ask-mentorFirst"
          checked={checked}
          aria-describedby="ask-mentorFirst-hint"
          onChange={(e) => onChange(e.currentTarget.checked)}
        />{' '}
        Ask {mentorName}, my mentor, first
      </label>
      <p id="ask-mentorFirst-hint" class="hint">
        Only your mentor sees it at first. If they are away, or have not taken it up in good time, it goes to the usual
        mentors.
      </p>
    </div>
  );
}

export function AskForm() {
  const app = usePopup();
  const draft = app.askDraft.value;
  const detector = app.detector.value;
  const { errors, gate, update, onSubmit, onKeyDown } = useDraftForm({
    kind: 'question',
    draft,
    save: app.updateAsk,
    validate: validateAsk,
    idPrefix: 'ask',
    texts: (draft) => [draft.text, draft.pageTitle ?? ''],
    fromTexts: ([text = '', pageTitle = ''], d) => ({ text, ...(d.pageTitle === null ? {} : { pageTitle }) }),
  });

  if (!draft) return <p aria-busy="true">Loading…</p>;

  return (
    <form onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
      <ViewHeading>Ask a mentor</ViewHeading>
      {app.editNotice.value && <p class="notice">Not sent yet: {app.editNotice.value}</p>}
      <CheckedTextField
        id="ask-text"
        label="Your question"
        value={draft.text}
        onInput={(text) => update({ text })}
        maxLength={QUESTION_TEXT_MAX}
        detector={detector}
        error={errors.text}
        hint="Ask about the workflow or the system, not about a particular patient."
      />
      {draft.text.trim() ? <KbMatches text={draft.text} /> : <ScreenTips screen={draft.screen} />}
      <SelectField
        id="ask-topicId"
        label="Topic"
        value={draft.topicId}
        options={app.topics.value.map((t) => ({ value: t.id, label: t.name }))}
        placeholder="Choose…"
        onChange={(topicId) => update({ topicId })}
        error={errors.topicId}
      />
      <SelectField
        id="ask-discipline"
        label="Discipline"
        value={draft.disciplineWanted}
        options={DISCIPLINES}
        onChange={(disciplineWanted) => update({ disciplineWanted })}
      />
      <RouteNotice
        topicId={draft.topicId}
        disciplineWanted={draft.disciplineWanted}
        onUse={(route) => update({ topicId: route.topicId, disciplineWanted: route.disciplineWanted })}
      />
      <SelectField
        id="ask-urgency"
        label="Urgency"
        value={draft.urgency}
        options={optionsFrom(URGENCY_LABELS)}
        placeholder="Choose…"
        onChange={(v) => update({ urgency: v as typeof draft.urgency })}
        error={errors.urgency}
      />
      <MentorFirstChoice checked={draft.mentorFirst === true} onChange={(mentorFirst) => update({ mentorFirst })} />
      <ScreenChip
        screen={draft.screen}
        onRemove={() => update({ screen: null })}
        onAdd={() => void app.addScreen('ask')}
        onPick={(screen) => update({ screen })}
      />
      <PageTitle
        id="ask-pageTitle"
        value={draft.pageTitle}
        detector={detector}
        error={errors.pageTitle}
        onAdd={() => void app.addPageTitle('ask')}
        onChange={(pageTitle) => update({ pageTitle })}
      />
      <DraftFormActions gate={gate} sendLabel="Send question" />
    </form>
  );
}
