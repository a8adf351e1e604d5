import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { endpoints } from '../../shared/api';
import type { Channel, ChannelKind, Delivery, EmailVia } from '../../shared/digests';
import { errorMessage, fieldErrors } from '../lib/errors';
import { Check } from '../ui/Check';
import { describedBy, Field } from '../ui/Field';
import { useAdmin } from './state';

const KIND_LABELS: Record<ChannelKind, string> = {
  teams: 'Microsoft Teams (Workflows webhook)',
  slack: 'Slack (incoming webhook)',
  email: 'E-mail',
};

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

function ChannelRow({ channel, onSaved }: { channel: Channel; onSaved: () => void }) {
  const admin = useAdmin();
  const busy = useSignal(false);
  async function toggle() {
    busy.value = true;
    try {
      await admin.call(endpoints.adminPatchChannel, { params: { id: channel.id }, body: { active: !channel.active } });
      admin.announce(`${channel.label} turned ${channel.active ? 'off' : 'on'}.`);
      onSaved();
    } catch (e) {
      admin.announce(errorMessage(e));
    } finally {
      busy.value = false;
    }
  }
  const gets = [
    ...channel.digestRoles.map((r) => (r === 'lead' ? 'leads’ digest' : 'mentors’ digest')),
    ...(channel.urgentAlerts ? ['urgent questions'] : []),
  ];
  return (
    <tr>
      <td>{channel.label}</td>
      <td>{KIND_LABELS[channel.kind]}</td>
      <td class="muted">{channel.target}</td>
      <td>{gets.join(', ') || 'nothing'}</td>
      <td>
        <button type="button" disabled={busy.value} aria-busy={busy.value} onClick={() => void toggle()}>
          {channel.active ? 'Turn off' : 'Turn on'}
        </button>
      </td>
    </tr>
  );
}

/** Adds a channel. The address is sent once and never shown again (only its mask). */
function AddChannel({ onAdded }: { onAdded: () => void }) {
  const admin = useAdmin();
  const kind = useSignal<ChannelKind>('teams');
  const label = useSignal('');
  const url = useSignal('');
  const to = useSignal('');
  const from = useSignal('');
  const via = useSignal<EmailVia>('cloudflare');
  const apiKey = useSignal('');
  const lead = useSignal(true);
  const mentor = useSignal(false);
  const urgent = useSignal(false);
  const busy = useSignal(false);
  const errors = useSignal<Record<string, string>>({});
  const clientId = useSignal(crypto.randomUUID());

  async function add(e: Event) {
    e.preventDefault();
    busy.value = true;
    errors.value = {};
    const base = {
      clientId: clientId.value,
      label: label.value,
      digestRoles: [...(lead.value ? ['lead' as const] : []), ...(mentor.value ? ['mentor' as const] : [])],
      urgentAlerts: urgent.value,
    };
    const body =
      kind.value === 'email'
        ? {
            ...base,
            kind: 'email' as const,
            to: to.value.split(/[\s,;]+/).filter(Boolean),
            from: from.value,
            via: via.value,
            apiUrl: via.value === 'mailgun' ? url.value : null,
            apiKey: via.value === 'mailgun' ? apiKey.value : null,
          }
        : { ...base, kind: kind.value, webhookUrl: url.value };
    try {
      await admin.call(endpoints.adminCreateChannel, { body });
      admin.announce(`Added ${label.value.trim()}. Its address is kept by the server and shown masked.`);
      label.value = '';
      url.value = '';
      apiKey.value = '';
      clientId.value = crypto.randomUUID();
      onAdded();
    } catch (err) {
      const fields = fieldErrors(err);
      errors.value = Object.keys(fields).length > 0 ? fields : { form: errorMessage(err) };
    } finally {
      busy.value = false;
    }
  }

  const err = errors.value;
  const urlLabel = kind.value === 'email' ? 'Mailgun MIME address' : 'Webhook address (https)';
  return (
    <form onSubmit={add} aria-labelledby="channel-add-heading">
      <h3 id="channel-add-heading">Add a channel</h3>
      <Field id="channel-kind" label="Where">
        <select
          id="channel-kind"
          value={kind.value}
          onChange={(e) => (kind.value = e.currentTarget.value as ChannelKind)}
        >
          {(Object.keys(KIND_LABELS) as ChannelKind[]).map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="channel-label" label="Name (for admins)" error={err.label}>
        <input
          id="channel-label"
          value={label.value}
          required
          {...describedBy('channel-label', err.label)}
          onInput={(e) => (label.value = e.currentTarget.value)}
        />
      </Field>
      {kind.value === 'email' && (
        <>
          <Field id="channel-to" label="To (one or more addresses)" error={err.to}>
            <input
              id="channel-to"
              value={to.value}
              {...describedBy('channel-to', err.to)}
              onInput={(e) => (to.value = e.currentTarget.value)}
            />
          </Field>
          <Field id="channel-from" label="From" error={err.from} hint="An address your e-mail set-up may send from.">
            <input
              id="channel-from"
              value={from.value}
              {...describedBy('channel-from', err.from, 'hint')}
              onInput={(e) => (from.value = e.currentTarget.value)}
            />
          </Field>
          <Field id="channel-via" label="Sent by">
            <select
              id="channel-via"
              value={via.value}
              onChange={(e) => (via.value = e.currentTarget.value as EmailVia)}
            >
              <option value="cloudflare">Cloudflare Email (the worker’s send_email binding)</option>
              <option value="mailgun">Mailgun (HTTP API)</option>
            </select>
          </Field>
        </>
      )}
      {(kind.value !== 'email' || via.value === 'mailgun') && (
        <Field id="channel-url" label={urlLabel} error={err.webhookUrl ?? err.apiUrl}>
          <input
            id="channel-url"
            type="url"
            value={url.value}
            autocomplete="off"
            {...describedBy('channel-url', err.webhookUrl ?? err.apiUrl)}
            onInput={(e) => (url.value = e.currentTarget.value)}
          />
        </Field>
      )}
      {kind.value === 'email' && via.value === 'mailgun' && (
        <Field id="channel-key" label="Mailgun API key" error={err.apiKey}>
          <input
            id="channel-key"
            type="password"
            autocomplete="off"
            value={apiKey.value}
            {...describedBy('channel-key', err.apiKey)}
            onInput={(e) => (apiKey.value = e.currentTarget.value)}
          />
        </Field>
      )}
      <fieldset>
        <legend>Send here</legend>
        <Check id="channel-lead" checked={lead.value} onChange={(on) => (lead.value = on)}>
          The leads’ weekly digest
        </Check>
        <Check id="channel-mentor" checked={mentor.value} onChange={(on) => (mentor.value = on)}>
          The mentors’ weekly digest
        </Check>
        <Check id="channel-urgent" checked={urgent.value} onChange={(on) => (urgent.value = on)}>
          An alert for each urgent question, with a link that opens it in the inbox
        </Check>
      </fieldset>
      {err.form && <p role="alert">{err.form}</p>}
      <button type="submit" disabled={busy.value} aria-busy={busy.value}>
        {busy.value ? 'Adding…' : 'Add channel'}
      </button>
    </form>
  );
}

function Deliveries({ deliveries, onRetried }: { deliveries: Delivery[]; onRetried: () => void }) {
  const admin = useAdmin();
  const busy = useSignal('');
  async function retry(d: Delivery) {
    busy.value = d.id;
    try {
      const after = await admin.call(endpoints.adminRetryDelivery, { params: { id: d.id } });
      admin.announce(
        after.status === 'sent' ? `Sent to ${d.channelLabel}.` : `${d.channelLabel} still fails (${after.lastError}).`,
      );
      onRetried();
    } catch (e) {
      admin.announce(errorMessage(e));
    } finally {
      busy.value = '';
    }
  }
  if (deliveries.length === 0)
    return (
      <p class="muted">
        No failed messages. Each failure is retried hourly (after 5 minutes, then longer) up to 6 times.
      </p>
    );
  return (
    <div class="table-scroll">
      <table>
        <caption class="sr-only">Messages that failed</caption>
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col">Message</th>
            <th scope="col">State</th>
            <th scope="col">Tries</th>
            <th scope="col">Last error</th>
            <th scope="col">Next try</th>
            <th scope="col">
              <span class="sr-only">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id}>
              <td>{d.channelLabel}</td>
              <td>
                {d.kind === 'digest' ? 'Weekly digest' : 'Urgent question'} of {when(d.createdAt)}
              </td>
              <td>{d.status === 'failed' ? 'Given up' : 'Retrying'}</td>
              <td>{d.attempts}</td>
              <td>{d.lastError ?? '—'}</td>
              <td>{when(d.nextAttemptAt)}</td>
              <td>
                <button
                  type="button"
                  disabled={busy.value === d.id}
                  aria-busy={busy.value === d.id}
                  onClick={() => void retry(d)}
                >
                  Send again now
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Where digests and urgent alerts go, whether they may carry free text, and what failed to arrive. */
export function ChannelsPanel() {
  const admin = useAdmin();
  const channels = useSignal<Channel[]>([]);
  const deliveries = useSignal<Delivery[]>([]);
  const freeText = useSignal<boolean | null>(null);
  const error = useSignal('');

  async function load() {
    error.value = '';
    try {
      const [c, d, s] = await Promise.all([
        admin.call(endpoints.adminListChannels, {}),
        admin.call(endpoints.adminListDeliveries, {}),
        admin.call(endpoints.adminGetDigestSettings, {}),
      ]);
      channels.value = c.channels;
      deliveries.value = d.deliveries;
      freeText.value = s.freeText;
    } catch (e) {
      error.value = errorMessage(e);
    }
  }
  useEffect(() => void load(), []);

  async function setFreeText(value: boolean) {
    try {
      freeText.value = (await admin.call(endpoints.adminPatchDigestSettings, { body: { freeText: value } })).freeText;
      admin.announce(
        value
          ? 'Messages may now carry question texts and hotspot titles.'
          : 'Messages carry counts and names of screens only.',
      );
    } catch (e) {
      admin.announce(errorMessage(e));
    }
  }

  return (
    <section aria-labelledby="channels-heading">
      <h2 id="channels-heading">Digests and chat</h2>
      <p class="muted">
        Every Monday leads and mentors get a weekly digest in their channel; urgent questions can alert the mentors’
        channel. Messages carry counts and the names of screens and categories; a hotspot is named only once k people
        flagged it.
      </p>
      {error.value && <p role="alert">{error.value}</p>}
      {freeText.value !== null && (
        <Check id="digest-free-text" checked={freeText.value} onChange={(on) => void setFreeText(on)}>
          Let messages carry free text (an urgent question’s text, a hotspot’s title)
        </Check>
      )}
      {channels.value.length === 0 ? (
        <p>No channels yet: digests show only in the extension until you add one.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption class="sr-only">Channels</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Where</th>
                <th scope="col">Address</th>
                <th scope="col">Gets</th>
                <th scope="col">
                  <span class="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {channels.value.map((c) => (
                <ChannelRow key={`${c.id}:${c.active}`} channel={c} onSaved={() => void load()} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddChannel onAdded={() => void load()} />
      <h3>Failed messages</h3>
      <Deliveries deliveries={deliveries.value} onRetried={() => void load()} />
    </section>
  );
}
