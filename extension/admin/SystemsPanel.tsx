import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { endpoints } from '../../shared/api';
import { adminSegments, deidentifyPath } from '../../shared/context';
import { SCREEN_KEYS, type System, type SystemScreen } from '../../shared/systems';
import { errorMessage, fieldErrors } from '../lib/errors';
import { Check, toggled } from '../ui/Check';
import { describedBy, Field } from '../ui/Field';
import { useAdmin } from './state';

function KeyChecks({ id, value, onChange }: { id: string; value: string[]; onChange: (keys: string[]) => void }) {
  return (
    <fieldset>
      <legend>Query keys that name its screens</legend>
      {SCREEN_KEYS.map((key) => (
        <Check
          key={key}
          id={`${id}-${key}`}
          checked={value.includes(key)}
          onChange={(on) => onChange(toggled(value, key, on))}
        >
          <code>{key}</code>
        </Check>
      ))}
    </fieldset>
  );
}

/** A screen's name, renamed in place: what clinicians and leads read instead of the path. */
function ScreenRow({
  screen,
  onRemove,
  onChanged,
}: {
  screen: SystemScreen;
  onRemove: () => void;
  onChanged: () => void;
}) {
  const admin = useAdmin();
  const editing = useSignal(false);
  const name = useSignal(screen.name);
  const error = useSignal('');
  const id = `screen-${screen.id}-name`;
  const saving = admin.screens.saving.value === screen.id;

  async function save(e: Event) {
    e.preventDefault();
    error.value = '';
    try {
      const saved = await admin.screens.patchScreen(screen.id, { name: name.value });
      if (!saved) return;
      admin.announce(`Screen renamed to ${saved.name}.`);
      editing.value = false;
      onChanged();
    } catch (err) {
      error.value = fieldErrors(err).name ?? errorMessage(err);
    }
  }

  if (!editing.value)
    return (
      <li>
        {screen.name} <code>{screen.pathTemplate}</code>{' '}
        <button
          type="button"
          aria-label={`Rename screen ${screen.name}`}
          onClick={() => {
            name.value = screen.name;
            editing.value = true;
          }}
        >
          Rename
        </button>{' '}
        <button type="button" aria-label={`Remove screen ${screen.name}`} onClick={onRemove}>
          Remove
        </button>
      </li>
    );
  return (
    <li>
      <form class="row" onSubmit={save} aria-label={`Rename screen ${screen.name}`}>
        <Field id={id} label={`New name for ${screen.pathTemplate}`} error={error.value}>
          <input
            id={id}
            value={name.value}
            {...describedBy(id, error.value)}
            onInput={(e) => (name.value = e.currentTarget.value)}
          />
        </Field>
        <button type="submit" disabled={saving || !name.value.trim()}>
          {saving ? 'Saving…' : 'Save name'}
        </button>
        <button type="button" disabled={saving} onClick={() => (editing.value = false)}>
          Cancel
        </button>
      </form>
    </li>
  );
}

function ScreensEditor({ system, onChanged }: { system: System; onChanged: () => void }) {
  const admin = useAdmin();
  const path = useSignal('');
  const name = useSignal('');
  const errors = useSignal<Record<string, string>>({});
  const error = useSignal('');
  const id = `screens-${system.id}`;

  async function add(e: Event) {
    e.preventDefault();
    errors.value = {};
    error.value = '';
    try {
      await admin.call(endpoints.adminCreateScreen, {
        params: { id: system.id },
        body: { pathTemplate: path.value.trim(), name: name.value },
      });
      admin.announce(`Screen ${name.value.trim()} added to ${system.name}.`);
      path.value = '';
      name.value = '';
      onChanged();
    } catch (err) {
      errors.value = fieldErrors(err);
      error.value = errorMessage(err);
    }
  }

  async function remove(screenId: string, screenName: string) {
    try {
      await admin.call(endpoints.adminDeleteScreen, { params: { id: screenId } });
      admin.announce(`Screen ${screenName} removed.`);
      onChanged();
    } catch (err) {
      error.value = errorMessage(err);
    }
  }

  // What Curbside would store for the path typed (the server's own template check: the path's
  // screen words may be new ones, ids and names still become :id), so the admin can take it.
  const typed = path.value.trim();
  const suggestion = typed ? deidentifyPath(typed, adminSegments([typed])) : '';
  return (
    <fieldset>
      <legend>Screens of {system.name}</legend>
      <ul class="list">
        {system.screens.map((s) => (
          <ScreenRow key={s.id} screen={s} onRemove={() => void remove(s.id, s.name)} onChanged={onChanged} />
        ))}
      </ul>
      <form onSubmit={add} class="row" aria-label={`Add a screen to ${system.name}`}>
        <Field
          id={`${id}-path`}
          label="Path template"
          error={errors.value.pathTemplate}
          hint={
            suggestion && suggestion !== path.value.trim()
              ? `Curbside stores this as ${suggestion}`
              : 'e.g. /chart/:id/medrec'
          }
        >
          <input
            id={`${id}-path`}
            value={path.value}
            {...describedBy(`${id}-path`, errors.value.pathTemplate, 'hint')}
            onInput={(e) => (path.value = e.currentTarget.value)}
          />
        </Field>
        <Field id={`${id}-name`} label="Screen name" error={errors.value.name}>
          <input id={`${id}-name`} value={name.value} onInput={(e) => (name.value = e.currentTarget.value)} />
        </Field>
        <button type="submit">Add screen</button>
      </form>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
    </fieldset>
  );
}

function SystemEditor({ system, onChanged }: { system: System; onChanged: () => void }) {
  const admin = useAdmin();
  const name = useSignal(system.name);
  const host = useSignal(system.host);
  const keys = useSignal<string[]>(system.screenQueryKeys);
  const errors = useSignal<Record<string, string>>({});
  const error = useSignal('');
  const id = `system-${system.id}`;

  async function save(body: { name?: string; host?: string; screenQueryKeys?: string[]; active?: boolean }) {
    errors.value = {};
    error.value = '';
    try {
      await admin.call(endpoints.adminPatchSystem, { params: { id: system.id }, body });
      admin.announce(`${body.name ?? system.name} saved.`);
      onChanged();
    } catch (err) {
      errors.value = fieldErrors(err);
      error.value = errorMessage(err);
    }
  }

  return (
    <li class="editor">
      <h3>
        {system.name} <code class="muted">{system.host}</code>
        {!system.active && <span class="muted"> (inactive)</span>}
      </h3>
      <div class="row">
        <Field id={`${id}-name`} label="Display name" error={errors.value.name}>
          <input id={`${id}-name`} value={name.value} onInput={(e) => (name.value = e.currentTarget.value)} />
        </Field>
        <Field id={`${id}-host`} label="Host" error={errors.value.host}>
          <input
            id={`${id}-host`}
            value={host.value}
            {...describedBy(`${id}-host`, errors.value.host)}
            onInput={(e) => (host.value = e.currentTarget.value)}
          />
        </Field>
      </div>
      <KeyChecks id={id} value={keys.value} onChange={(k) => (keys.value = k)} />
      <button
        type="button"
        onClick={() => void save({ name: name.value, host: host.value.trim(), screenQueryKeys: keys.value })}
      >
        Save {system.name}
      </button>{' '}
      <button type="button" onClick={() => void save({ active: !system.active })}>
        {system.active ? 'Deactivate' : 'Reactivate'}
      </button>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      <ScreensEditor system={system} onChanged={onChanged} />
    </li>
  );
}

/** Systems by host, with friendly screen names, so hotspots read "Epic › Med Rec". */
export function SystemsPanel() {
  const admin = useAdmin();
  const systems = useSignal<System[]>([]);
  const host = useSignal('');
  const name = useSignal('');
  const keys = useSignal<string[]>([]);
  const errors = useSignal<Record<string, string>>({});
  const error = useSignal('');

  async function load() {
    try {
      systems.value = (await admin.call(endpoints.adminListSystems, {})).systems;
    } catch (e) {
      error.value = errorMessage(e);
    }
  }
  useEffect(() => void load(), []);

  async function add(e: Event) {
    e.preventDefault();
    errors.value = {};
    error.value = '';
    try {
      const created = await admin.call(endpoints.adminCreateSystem, {
        body: { host: host.value.trim().toLowerCase(), name: name.value, screenQueryKeys: keys.value },
      });
      admin.announce(`System ${created.name} added.`);
      host.value = '';
      name.value = '';
      keys.value = [];
      await load();
    } catch (err) {
      errors.value = fieldErrors(err);
      error.value = errorMessage(err);
    }
  }

  return (
    <section aria-labelledby="systems-heading">
      <h2 id="systems-heading">Systems and screens</h2>
      <p class="hint">
        A desktop EHR client has no web address: give it a made-up host (e.g. <code>hyperspace.epic.desktop</code>) and
        its screens, and clinicians pick them from a list in the popup.
      </p>
      <form onSubmit={add} aria-label="New system">
        <div class="row">
          <Field id="system-new-host" label="Host" error={errors.value.host} hint="e.g. epic.example.org">
            <input
              id="system-new-host"
              value={host.value}
              {...describedBy('system-new-host', errors.value.host, 'hint')}
              onInput={(e) => (host.value = e.currentTarget.value)}
            />
          </Field>
          <Field id="system-new-name" label="Display name" error={errors.value.name}>
            <input id="system-new-name" value={name.value} onInput={(e) => (name.value = e.currentTarget.value)} />
          </Field>
        </div>
        <KeyChecks id="system-new" value={keys.value} onChange={(k) => (keys.value = k)} />
        <button type="submit" class="primary">
          Add system
        </button>
      </form>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      <ul class="list">
        {systems.value.map((s) => (
          <SystemEditor key={JSON.stringify(s)} system={s} onChanged={() => void load()} />
        ))}
      </ul>
    </section>
  );
}
