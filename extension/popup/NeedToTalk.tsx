import { useEffect, useState } from 'preact/hooks';
import type { NeedToTalkCreated } from '../../shared/questions';
import { CheckedTextField } from '../ui/CheckedTextField';
import { SendAnyway } from '../ui/SendAnyway';
import { useIdentifierGate } from '../ui/useIdentifierGate';
import { SupportContacts } from './SupportContacts';
import { usePopup } from './state';
import { ViewHeading } from './ViewHeading';

const TALK_TEXT_MAX = 1500;

/**
 * Peer support after a hard case: a short, optional note to peer supporters only, with the
 * organisation's support contacts on screen from the start, whatever happens to the request. When
 * no peer supporter is there the page says so and shows only the contacts: a request nobody would
 * read is not offered. Nothing promises when someone will be in touch.
 */
export function NeedToTalk() {
  const app = usePopup();
  const [text, setText] = useState('');
  const [support, setSupport] = useState<NeedToTalkCreated['support'] | null>(null);
  const [sent, setSent] = useState<'sent' | 'queued' | null>(null);
  /** Null until known (or offline): the request is offered, as it would be queued for whoever comes. */
  const [peerSupport, setPeerSupport] = useState<boolean | null>(null);
  // One id per visit: sending again after a lost answer cannot ask twice.
  const [clientId] = useState(() => crypto.randomUUID());
  const gate = useIdentifierGate(
    (confirmed) => void send(confirmed),
    ([redacted = '']) => onInput(redacted),
  );

  useEffect(() => {
    void app.ensureDetector();
    void app.talkDraft().then((draft) => setText((t) => t || draft));
    void app.supportContacts(setSupport);
    void app.routeCoverage({}).then((c) => setPeerSupport(c?.peerSupport ?? null));
  }, []);
  const nobody = peerSupport === false && !sent;

  async function send(confirmed?: Parameters<typeof app.needToTalk>[2]) {
    const outcome = await app.needToTalk(clientId, text, confirmed);
    if (!outcome) return;
    setText('');
    setSent(outcome);
  }

  function onInput(value: string) {
    gate.cancel();
    setText(value);
    void app.saveTalkDraft(value);
  }

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (text.length > TALK_TEXT_MAX) return;
    await app.ensureDetector();
    gate.check(app.detector.value, [text]);
  }

  return (
    <section aria-labelledby="talk-heading">
      <div id="talk-heading">
        <ViewHeading>Talk to someone</ViewHeading>
      </div>
      {sent === 'sent' ? (
        <p class="notice">
          Thank you for reaching out. A peer supporter will get in touch with you as soon as they can. You can follow it
          in My items.
        </p>
      ) : nobody ? (
        <p class="notice">
          No peer supporter is available in Curbside at the moment, so a request here would not reach anyone. The
          contacts below can help now.
        </p>
      ) : sent === 'queued' ? (
        <p class="notice">
          Thank you for reaching out. Your request is saved on this device and goes to peer support as soon as Curbside
          can reach your organisation. If you need someone now, the contacts below are there for you.
        </p>
      ) : (
        <p>
          Hard cases stay with us. A peer supporter, a colleague who is there to listen, can get in touch with you when
          they are next available. Only peer supporters can read this.
        </p>
      )}
      <SupportContacts support={support} />
      {!sent && !nobody && (
        <form onSubmit={onSubmit} noValidate>
          <CheckedTextField
            id="talk-text"
            label="Anything you would like them to know (optional)"
            value={text}
            onInput={onInput}
            maxLength={TALK_TEXT_MAX}
            detector={app.detector.value}
            rows={3}
            hint="You do not need to explain. Please leave out patient details."
          />
          {gate.pending ? (
            <SendAnyway gate={gate} />
          ) : (
            <div class="row">
              <button type="submit" class="primary" disabled={app.busy.value}>
                Ask a peer supporter to get in touch
              </button>
            </div>
          )}
        </form>
      )}
      <div class="row">
        <button type="button" onClick={() => void app.open('home')}>
          Back
        </button>
      </div>
    </section>
  );
}
