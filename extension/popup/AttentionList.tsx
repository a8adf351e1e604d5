import { useState } from 'preact/hooks';
import type { AttentionItem, OpenAttentionItem } from '../lib/storage';
import { usePopup } from './state';

function preview({ item }: OpenAttentionItem): string {
  const text = (item.kind === 'meToo' ? item.body.comment : item.body.text) ?? '';
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

const NOUNS = { flag: 'Flag', question: 'Question', meToo: '“Me too”', talk: 'Need to talk' };

/** Where the server pointed at a problem ("in Your question"), when it said. */
function where(details: unknown): string {
  const field = (details as { field?: unknown } | null)?.field;
  const names: Record<string, string> = {
    text: 'the text',
    idea: 'the idea',
    pageTitle: 'the page title',
    screen: 'the screen',
  };
  return typeof field === 'string' && names[field] ? ` (in ${names[field]})` : '';
}

function AttentionEntry({ entry }: { entry: AttentionItem }) {
  const app = usePopup();
  const [confirming, setConfirming] = useState(false);
  const noun = entry.item.kind === 'flag' || entry.item.kind === 'question' ? entry.item.kind : 'request';
  const editable = entry.item.kind === 'flag' || entry.item.kind === 'question';
  // Opened with the user's key; until it is in memory (offline after a restart) only the kind shows.
  const opened = app.attentionOpen.value[entry.item.clientId];
  return (
    <li class="item">
      <p class="item-text">
        {NOUNS[entry.item.kind]}
        {opened
          ? preview(opened) && `: “${preview(opened)}”`
          : ' (sealed until Curbside can reach your organisation’s server)'}
      </p>
      {opened && (
        <p class="field-error">
          {opened.reason}
          {where(opened.details)}
        </p>
      )}
      {confirming ? (
        <div class="row">
          <span>Discard this {noun}? It will not be sent.</span>
          <button type="button" onClick={() => void app.discardAttention(entry.item.clientId)}>
            Discard for good
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <div class="row">
          {opened && editable && (
            <button type="button" onClick={() => void app.editAttention(entry.item.clientId)}>
              Edit and resend
            </button>
          )}
          <button type="button" onClick={() => setConfirming(true)}>
            Discard…
          </button>
        </div>
      )}
    </li>
  );
}

/** The items the server refused or could not take, each with what the user can do about it. */
export function AttentionList({ attention }: { attention: AttentionItem[] }) {
  return (
    <ul class="items">
      {attention.map((entry) => (
        <AttentionEntry key={entry.item.clientId} entry={entry} />
      ))}
    </ul>
  );
}
