import { useEffect } from 'preact/hooks';
import { CATEGORY_LABELS, FREQUENCY_LABELS, IMPACT_LABELS, type Impact } from '../../shared/enums';
import { MINUTE_CHIPS } from '../lib/drafts';
import { CheckedTextField } from '../ui/CheckedTextField';
import { optionsFrom, SelectField } from '../ui/SelectField';
import { DraftFormActions } from './DraftFormActions';
import { FLAG_TEXT_MAX, IDEA_MAX, validateFlag } from './forms';
import { PageTitle } from './PageTitle';
import { ScreenChip } from './ScreenChip';
import { ScreenHotspots } from './ScreenHotspots';
import { usePopup } from './state';
import { useDraftForm } from './useDraftForm';
import { ViewHeading } from './ViewHeading';

const IMPACTS = Object.entries(IMPACT_LABELS) as [Impact, string][];

export function FlagForm() {
  const app = usePopup();
  const draft = app.flagDraft.value;
  const detector = app.detector.value;
  const { errors, gate, update, onSubmit, onKeyDown } = useDraftForm({
    kind: 'flag',
    draft,
    save: app.updateFlag,
    validate: validateFlag,
    idPrefix: 'flag',
    texts: (draft) => [draft.text, draft.idea, draft.pageTitle ?? ''],
    fromTexts: ([text = '', idea = '', pageTitle = ''], d) => ({
      text,
      idea,
      ...(d.pageTitle === null ? {} : { pageTitle }),
    }),
  });

  // Opened by the keyboard command: the cursor goes to the text (after ViewHeading, a child, took focus).
  const loaded = draft !== null;
  useEffect(() => {
    if (!loaded || !app.focusFlagText.value) return;
    app.focusFlagText.value = false;
    document.getElementById('flag-text')?.focus();
  }, [loaded]);

  if (!draft) return <p aria-busy="true">Loading…</p>;

  // Anonymous: no unit unless the sender picks one, and a warning when the one picked is small
  // (the server marks units with fewer active people than k). Named again: their own unit back.
  const ownUnit = app.session.value?.user.unitId ?? '';
  const anonymityChange = (anonymous: boolean) => ({
    anonymous,
    contactOk: false,
    unitId: anonymous ? '' : draft.unitId || ownUnit,
    unitChosen: false,
  });
  const smallUnit =
    draft.anonymous && draft.unitId ? app.units.value.find((u) => u.id === draft.unitId && u.small) : undefined;

  return (
    <form onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-labelledby="flag-heading">
      <div id="flag-heading">
        <ViewHeading>Flag friction</ViewHeading>
      </div>
      {app.editNotice.value && <p class="notice">Not sent yet: {app.editNotice.value}</p>}
      <ScreenHotspots />
      <CheckedTextField
        id="flag-text"
        label="What got in the way?"
        value={draft.text}
        onInput={(text) => update({ text })}
        maxLength={FLAG_TEXT_MAX}
        detector={detector}
        error={errors.text}
        hint="Describe the screen or step, not the patient."
      />
      <SelectField
        id="flag-category"
        label="Category"
        value={draft.category}
        options={optionsFrom(CATEGORY_LABELS)}
        placeholder="Choose…"
        onChange={(v) => update({ category: v as typeof draft.category })}
        error={errors.category}
        describedBy={draft.category === 'other' ? 'flag-category-note' : undefined}
      />
      {draft.category === 'other' && (
        <p id="flag-category-note" class="hint">
          Sent as “Other” unless you choose one: the closest category reaches the team that can fix it.
        </p>
      )}
      <SelectField
        id="flag-frequency"
        label="How often?"
        value={draft.frequency}
        options={optionsFrom(FREQUENCY_LABELS)}
        placeholder="Choose…"
        onChange={(v) => update({ frequency: v as typeof draft.frequency })}
        error={errors.frequency}
      />
      <div class="field">
        <label for="flag-minutesLost">Minutes lost each time</label>
        <div id="flag-minutes-chips" class="chip-choices">
          {MINUTE_CHIPS.map((m) => (
            <button
              key={m}
              type="button"
              class="chip-choice"
              aria-pressed={draft.minutesLost === String(m)}
              aria-label={m === 1 ? '1 minute' : `${m} minutes`}
              onClick={() => update({ minutesLost: String(m) })}
            >
              {m}
            </button>
          ))}
        </div>
        <input
          id="flag-minutesLost"
          type="number"
          inputMode="numeric"
          min={0}
          max={600}
          step={1}
          value={draft.minutesLost}
          aria-invalid={errors.minutesLost ? true : undefined}
          aria-describedby={errors.minutesLost ? 'flag-minutesLost-error' : undefined}
          onInput={(e) => update({ minutesLost: e.currentTarget.value })}
        />
        {errors.minutesLost && (
          <p id="flag-minutesLost-error" class="field-error">
            {errors.minutesLost}
          </p>
        )}
      </div>
      <div
        class="field"
        role="radiogroup"
        aria-labelledby="flag-impact-label"
        aria-describedby={errors.impact ? 'flag-impact-error' : undefined}
      >
        <span id="flag-impact-label" class="label">
          Patient impact
        </span>
        {IMPACTS.map(([value, label], i) => (
          <label key={value} class="choice">
            <input
              type="radio"
              name="impact"
              id={i === 0 ? 'flag-impact' : undefined}
              value={value}
              checked={draft.impact === value}
              onChange={() => update({ impact: value })}
            />{' '}
            {label}
          </label>
        ))}
        {errors.impact && (
          <p id="flag-impact-error" class="field-error">
            {errors.impact}
          </p>
        )}
      </div>
      {draft.impact === 'harm' && (
        <p class="notice">
          Curbside is not the incident-reporting system. Please also report harm through your organisation’s incident
          reporting
          {app.incidentReportingUrl.value && (
            <>
              {' '}
              (
              <a href={app.incidentReportingUrl.value} target="_blank" rel="noreferrer">
                open incident reporting
              </a>
              )
            </>
          )}
          .
        </p>
      )}
      <CheckedTextField
        id="flag-idea"
        label="Improvement idea (optional)"
        value={draft.idea}
        onInput={(idea) => update({ idea })}
        maxLength={IDEA_MAX}
        detector={detector}
        rows={2}
        error={errors.idea}
      />
      <SelectField
        id="flag-unit"
        label="Unit"
        value={draft.unitId}
        options={app.units.value.map((u) => ({ value: u.id, label: u.name }))}
        placeholder="No unit"
        onChange={(unitId) => update({ unitId, unitChosen: true })}
        describedBy={smallUnit ? 'flag-unit-warning' : undefined}
      />
      {smallUnit && (
        <p id="flag-unit-warning" class="notice">
          Few people work in {smallUnit.name}: naming it on an anonymous flag may show who sent it. Choose “No unit” to
          stay unnamed.
        </p>
      )}
      <ScreenChip
        screen={draft.screen}
        onRemove={() => update({ screen: null })}
        onAdd={() => void app.addScreen('flag')}
        onPick={(screen) => update({ screen })}
      />
      <PageTitle
        id="flag-pageTitle"
        value={draft.pageTitle}
        detector={detector}
        error={errors.pageTitle}
        onAdd={() => void app.addPageTitle('flag')}
        onChange={(pageTitle) => update({ pageTitle })}
      />
      <div class="field">
        <label class="choice">
          <input
            type="checkbox"
            id="flag-anonymous"
            checked={draft.anonymous}
            aria-describedby="flag-anonymous-hint"
            onChange={(e) => update(anonymityChange(e.currentTarget.checked))}
          />{' '}
          Send anonymously
        </label>
        <p id="flag-anonymous-hint" class="hint">
          Your name is not sent. A receipt kept on this device lets you follow the flag in My items.
        </p>
        <label class="choice">
          <input
            type="checkbox"
            id="flag-contactOk"
            checked={draft.contactOk && !draft.anonymous}
            disabled={draft.anonymous}
            onChange={(e) => update({ contactOk: e.currentTarget.checked })}
          />{' '}
          You may contact me
        </label>
      </div>
      <DraftFormActions gate={gate} sendLabel="Send flag" />
    </form>
  );
}
