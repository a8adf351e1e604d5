import { useEffect, useRef } from 'preact/hooks';
import { CreditPref } from './CreditPref';
import { ItemActions } from './ItemActions';
import { MyMentorship } from './MyMentorship';
import { PortfolioExport } from './PortfolioExport';
import { ShapeThis } from './ShapeThis';
import { SmallTests } from './SmallTests';
import { usePopup } from './state';
import { Thread } from './Thread';
import { ViewHeading } from './ViewHeading';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const format = (iso: string | number) => dateTime.format(new Date(iso));
const newLabel = (unread: string[]) =>
  unread.some((k) => k.startsWith('answer:'))
    ? 'New answer'
    : unread.some((k) => k.startsWith('clarify:'))
      ? 'New question for you'
      : unread.some((k) => k.startsWith('tip:'))
        ? 'New tip'
        : 'Updated';

/**
 * The item a notification opened: marked by a bar, not a focus ring (the ring is for controls). Here
 * rather than in panel.css, whose every byte is in the popup's first render.
 */
const MARKED = { borderLeft: '3px solid var(--accent)', paddingLeft: '8px', outline: 'none' };

export function MyItems() {
  const app = usePopup();
  const items = app.items.value;
  const cachedAt = app.itemsCachedAt.value;
  const focusId = app.focusItem.value;
  const focused = useRef<HTMLLIElement>(null);

  // Opened from a notification: the item it was about comes into view with the focus on it.
  useEffect(() => {
    if (!focusId || !focused.current) return;
    focused.current.scrollIntoView?.({ block: 'start' });
    focused.current.focus();
  }, [items, focusId]);

  // My reflections and thanks sent: the prompts under each answer show them.
  useEffect(() => {
    void app.loadGrowth();
  }, []);

  // What is on screen now counts as seen; the "New" marks stay until the list is opened again.
  useEffect(() => {
    if (items && cachedAt === null) void app.markSeen(items.flatMap((i) => i.unread));
  }, [items, cachedAt]);

  return (
    <section aria-labelledby="items-heading">
      <div id="items-heading">
        <ViewHeading>My items</ViewHeading>
      </div>
      <SmallTests />
      <MyMentorship />
      {cachedAt !== null && <p class="notice">Offline: showing the list as of {format(cachedAt)}.</p>}
      {items === null ? (
        <p aria-busy="true">Loading…</p>
      ) : items.length === 0 ? (
        <p>Nothing yet. Flags you send and questions you ask will appear here.</p>
      ) : (
        <ul class="items">
          {items.map((item) => (
            <li
              key={item.id}
              class="item"
              {...(item.id === focusId
                ? { ref: focused, tabIndex: -1, 'aria-current': 'true' as const, style: MARKED }
                : {})}
            >
              <p class="item-meta">
                <span class="kind">
                  {item.kind === 'flag'
                    ? item.anonymous
                      ? 'Anonymous flag'
                      : 'Flag'
                    : item.question?.kind === 'need_to_talk'
                      ? 'Need to talk'
                      : 'Question'}
                </span>
                {' · '}
                <span class="item-status">{item.status}</span>
                {item.unread.length > 0 && <span class="new"> · {newLabel(item.unread)}</span>}
              </p>
              <p class="item-text">{item.text}</p>
              {item.response && (
                <blockquote class="answer response">
                  <p>{item.response}</p>
                  <footer>You said, we did{item.credit ? ` · ${item.credit}` : ''}</footer>
                </blockquote>
              )}
              {item.tip && (
                <blockquote class="answer tip">
                  <p>{item.tip}</p>
                  <footer>A mentor’s tip for this screen, written after your reports</footer>
                </blockquote>
              )}
              {item.progress?.map((p) => (
                <p key={p} class="muted">
                  {p}
                </p>
              ))}
              {item.kind === 'flag' && !item.anonymous && <ShapeThis flagId={item.id} />}
              {item.question && <Thread question={item.question} />}
              {cachedAt === null && <ItemActions item={item} />}
            </li>
          ))}
        </ul>
      )}
      <CreditPref />
      <PortfolioExport />
      <div class="row">
        <button type="button" onClick={() => void app.loadItems()}>
          Refresh
        </button>
        <button
          type="button"
          onClick={() => {
            app.focusItem.value = null;
            void app.open('home');
          }}
        >
          Back
        </button>
      </div>
    </section>
  );
}
