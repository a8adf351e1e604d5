import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { endpoints } from '../../shared/api';
import type { Unit } from '../../shared/catalog';
import { errorMessage, fieldErrors } from '../lib/errors';
import { describedBy, Field } from '../ui/Field';
import { useAdmin } from './state';

const EP = {
  units: {
    list: endpoints.adminListUnits,
    create: endpoints.adminCreateUnit,
    patch: endpoints.adminPatchUnit,
    noun: 'unit',
    title: 'Units',
  },
  topics: {
    list: endpoints.adminListTopics,
    create: endpoints.adminCreateTopic,
    patch: endpoints.adminPatchTopic,
    noun: 'topic',
    title: 'Topics',
  },
} as const;

function Row({ item, kind, onSaved }: { item: Unit; kind: 'units' | 'topics'; onSaved: () => void }) {
  const admin = useAdmin();
  const name = useSignal(item.name);
  const error = useSignal('');
  const ep = EP[kind];
  async function patch(body: { name?: string; active?: boolean }) {
    error.value = '';
    try {
      await admin.call(ep.patch, { params: { id: item.id }, body });
      admin.announce(`${ep.noun[0]?.toUpperCase()}${ep.noun.slice(1)} saved.`);
      onSaved();
    } catch (e) {
      error.value = fieldErrors(e).name ?? errorMessage(e);
    }
  }
  const id = `${kind}-${item.id}`;
  return (
    <li>
      <label for={id} class="sr-only">
        Name of {ep.noun} {item.name}
      </label>
      <input
        id={id}
        value={name.value}
        {...describedBy(id, error.value)}
        onInput={(e) => (name.value = e.currentTarget.value)}
      />{' '}
      <button type="button" disabled={name.value.trim() === item.name} onClick={() => void patch({ name: name.value })}>
        Rename
      </button>{' '}
      <button type="button" onClick={() => void patch({ active: !item.active })}>
        {item.active ? 'Deactivate' : 'Reactivate'}
      </button>
      {!item.active && <span class="muted"> (inactive)</span>}
      {error.value && (
        <p id={`${id}-error`} class="field-error" role="alert">
          {error.value}
        </p>
      )}
    </li>
  );
}

/** Units or topics: the same short list of names, each active or not. */
export function CatalogPanel({ kind }: { kind: 'units' | 'topics' }) {
  const admin = useAdmin();
  const items = useSignal<Unit[]>([]);
  const name = useSignal('');
  const error = useSignal('');
  const ep = EP[kind];

  async function load() {
    try {
      const res = (await admin.call(ep.list, {})) as Record<string, Unit[]>;
      items.value = res[kind] ?? [];
    } catch (e) {
      error.value = errorMessage(e);
    }
  }
  useEffect(() => void load(), [kind]);

  async function add(e: Event) {
    e.preventDefault();
    error.value = '';
    try {
      await admin.call(ep.create, { body: { name: name.value } });
      admin.announce(`Added ${ep.noun} ${name.value.trim()}.`);
      name.value = '';
      await load();
    } catch (err) {
      error.value = fieldErrors(err).name ?? errorMessage(err);
    }
  }

  const newId = `${kind}-new`;
  return (
    <section aria-labelledby={`${kind}-heading`}>
      <h2 id={`${kind}-heading`}>{ep.title}</h2>
      <form onSubmit={add} class="row">
        <Field id={newId} label={`New ${ep.noun}`} error={error.value}>
          <input
            id={newId}
            value={name.value}
            {...describedBy(newId, error.value)}
            onInput={(e) => (name.value = e.currentTarget.value)}
          />
        </Field>
        <button type="submit">Add {ep.noun}</button>
      </form>
      <ul class="list">
        {items.value.map((item) => (
          <Row key={`${item.id}:${item.name}:${item.active}`} item={item} kind={kind} onSaved={() => void load()} />
        ))}
      </ul>
    </section>
  );
}
