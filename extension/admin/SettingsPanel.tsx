import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { endpoints } from '../../shared/api';
import type { Topic } from '../../shared/catalog';
import type { Settings } from '../../shared/settings';
import { errorMessage, fieldErrors } from '../lib/errors';
import { describedBy, Field } from '../ui/Field';
import { EscalationNotice } from './EscalationNotice';
import { useAdmin } from './state';

type Kind = 'text' | 'number' | 'textarea' | 'url' | 'zone' | 'topic';
interface Spec {
  path: string;
  label: string;
  kind: Kind;
  hint?: string;
}

/** Every organisation setting, in the order an admin thinks of them; paths match the API's errors. */
const FIELDS: { legend: string; fields: Spec[] }[] = [
  {
    legend: 'Organisation',
    fields: [
      { path: 'organisationName', label: 'Organisation name', kind: 'text' },
      { path: 'timeZone', label: 'Time zone', kind: 'zone', hint: 'IANA name, e.g. America/New_York' },
      { path: 'minExtensionVersion', label: 'Minimum extension version', kind: 'text', hint: 'e.g. 1.2.0' },
      {
        path: 'updateInstructions',
        label: 'How to update Curbside',
        kind: 'textarea',
        hint: 'Shown to anyone on an older version. Leave empty for: restart the browser, or ask IT.',
      },
    ],
  },
  {
    legend: 'Mentoring',
    fields: [
      { path: 'slaTodayHours', label: '“Today” questions answered within (hours)', kind: 'number' },
      { path: 'slaThisWeekWorkingDays', label: '“This week” questions answered within (working days)', kind: 'number' },
      { path: 'claimExpiryMinutes', label: 'A mentor’s claim expires after (minutes)', kind: 'number' },
      {
        path: 'fallbackTopicId',
        label: 'Fallback route (a coordinator topic)',
        kind: 'topic',
        hint: 'Questions nobody claims in time move to this topic, for any discipline. None: they wait in their own.',
      },
      {
        path: 'escalateAfterMinutes',
        label: 'Move unclaimed questions to the fallback route after (minutes)',
        kind: 'number',
        hint: 'At least 15. Admins find each move in the audit log.',
      },
    ],
  },
  {
    legend: 'Hotspots and privacy',
    fields: [
      { path: 'kAnonymity', label: 'Smallest group shown (k, at least 2)', kind: 'number' },
      { path: 'frequencyMultipliers.daily', label: 'Weekly multiplier: daily', kind: 'number' },
      { path: 'frequencyMultipliers.every_shift', label: 'Weekly multiplier: every shift', kind: 'number' },
      { path: 'frequencyMultipliers.every_patient', label: 'Weekly multiplier: every patient', kind: 'number' },
      { path: 'retentionDays', label: 'Keep flags and questions for (days)', kind: 'number' },
    ],
  },
  {
    legend: 'Sessions',
    fields: [
      { path: 'tokenTtlDays', label: 'Sign-in lasts (days, renewed with use)', kind: 'number' },
      {
        path: 'idleSignOutMinutes',
        label: 'Sign out after idle (minutes)',
        kind: 'number',
        hint: '0 turns it off. For shared workstations.',
      },
    ],
  },
  {
    legend: 'Support',
    fields: [
      { path: 'incidentReportingUrl', label: 'Incident-reporting link', kind: 'url', hint: 'Leave empty for none' },
      { path: 'employeeAssistance', label: 'Employee-assistance contact', kind: 'textarea' },
      { path: 'crisisContacts', label: 'Crisis contacts', kind: 'textarea' },
    ],
  },
];
const SPECS = FIELDS.flatMap((g) => g.fields);

function read(settings: Settings, path: string): string {
  const value = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | null)?.[k], settings);
  return value === null || value === undefined ? '' : String(value);
}

/** Numbers that parse go as numbers; anything else goes as typed, so the API's message explains it. */
function toValue(spec: Spec, raw: string): unknown {
  if (spec.kind === 'number') return raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  if (spec.kind === 'url' || spec.kind === 'topic') return raw.trim() === '' ? null : raw.trim();
  return raw;
}

function zones(): string[] {
  const intl = Intl as { supportedValuesOf?: (k: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
}

export function SettingsPanel() {
  const admin = useAdmin();
  const saved = useSignal<Settings | null>(null);
  const values = useSignal<Record<string, string>>({});
  const errors = useSignal<Record<string, string>>({});
  const error = useSignal('');
  const topics = useSignal<Topic[]>([]);

  function show(s: Settings) {
    saved.value = s;
    values.value = Object.fromEntries(SPECS.map((f) => [f.path, read(s, f.path)]));
  }

  useEffect(() => {
    admin
      .call(endpoints.adminGetSettings, {})
      .then(show)
      .catch((e) => (error.value = errorMessage(e)));
    // Names for the fallback route; a retired topic still set stays listed so the form says what is set.
    admin
      .call(endpoints.adminListTopics, {})
      .then((t) => (topics.value = t.topics))
      .catch(() => {});
  }, []);

  async function save(e: Event) {
    e.preventDefault();
    const current = saved.value;
    if (!current) return;
    errors.value = {};
    error.value = '';
    const patch: Record<string, unknown> = {};
    for (const spec of SPECS) {
      const raw = values.value[spec.path] ?? '';
      if (raw === read(current, spec.path)) continue;
      const [head, sub] = spec.path.split('.') as [string, string | undefined];
      if (sub)
        patch[head] = { ...((patch[head] as object) ?? current[head as keyof Settings]), [sub]: toValue(spec, raw) };
      else patch[head] = toValue(spec, raw);
    }
    if (Object.keys(patch).length === 0) {
      admin.announce('Nothing to save.');
      return;
    }
    try {
      show(await admin.call(endpoints.adminPatchSettings, { body: patch as never }));
      admin.announce('Settings saved.');
    } catch (err) {
      errors.value = fieldErrors(err);
      error.value =
        Object.keys(errors.value).length > 0
          ? 'Some settings are not valid; see the messages by each field.'
          : errorMessage(err);
    }
  }

  if (!saved.value)
    return (
      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">Organisation settings</h2>
        {error.value ? <p role="alert">{error.value}</p> : <p aria-busy="true">Loading…</p>}
      </section>
    );

  const zoneList = zones();
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Organisation settings</h2>
      <form onSubmit={save} noValidate>
        {FIELDS.map((group) => (
          <fieldset key={group.legend}>
            <legend>{group.legend}</legend>
            {group.fields.map((spec) => {
              const id = `setting-${spec.path.replace('.', '-')}`;
              const err = errors.value[spec.path];
              const common = {
                id,
                value: values.value[spec.path] ?? '',
                ...describedBy(id, err, spec.hint),
                onInput: (e: Event) =>
                  (values.value = { ...values.value, [spec.path]: (e.currentTarget as HTMLInputElement).value }),
              };
              return (
                <Field key={spec.path} id={id} label={spec.label} error={err} hint={spec.hint}>
                  {spec.kind === 'textarea' ? (
                    <textarea rows={2} {...common} />
                  ) : spec.kind === 'topic' ? (
                    <select {...common} onChange={common.onInput}>
                      <option value="">None</option>
                      {topics.value
                        .filter((t) => t.active || t.id === common.value)
                        .map((t) => (
                          <option key={t.id} value={t.id}>
                            {t.active ? t.name : `${t.name} (retired)`}
                          </option>
                        ))}
                    </select>
                  ) : (
                    <input
                      type={spec.kind === 'number' ? 'number' : spec.kind === 'url' ? 'url' : 'text'}
                      list={spec.kind === 'zone' && zoneList.length > 0 ? 'time-zones' : undefined}
                      {...common}
                    />
                  )}
                </Field>
              );
            })}
          </fieldset>
        ))}
        {zoneList.length > 0 && (
          <datalist id="time-zones">
            {zoneList.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        )}
        <EscalationNotice topics={topics.value} />
        {error.value && (
          <p class="error" role="alert">
            {error.value}
          </p>
        )}
        <button type="submit" class="primary">
          Save settings
        </button>
      </form>
    </section>
  );
}
