import { useEffect } from 'preact/hooks';
import { useApp } from '../lib/state';
import { ViewHeading } from './ViewHeading';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const format = (iso: string | number) => dateTime.format(new Date(iso));

export function MyItems() {
  const app = useApp();
  const items = app.items.value;
  const cachedAt = app.itemsCachedAt.value;

  // What is on screen now counts as seen; the "New" marks stay until the list is opened again.
  useEffect(() => {
    if (items && cachedAt === null) void app.markSeen(items.flatMap((i) => i.unread));
  }, [items, cachedAt]);

  return (
    <section aria-labelledby="items-heading">
      <div id="items-heading">
        <ViewHeading>My items</ViewHeading>
      </div>
      {cachedAt !== null && <p class="notice">Offline: showing the list as of {format(cachedAt)}.</p>}
      {items === null ? (
        <p aria-busy="true">Loading…</p>
      ) : items.length === 0 ? (
        <p>Nothing yet. Flags you send and questions you ask will appear here.</p>
      ) : (
        <ul class="items">
          {items.map((item) => (
            <li key={item.id} class="item">
              <p class="item-meta">
                <span class="kind">
                  {item.kind === 'flag' ? (item.anonymous ? 'Anonymous flag' : 'Flag') : 'Question'}
                </span>
                {' · '}
                <span class="item-status">{item.status}</span>
                {item.unread.length > 0 && (
                  <span class="new">
                    {' '}
                    · {item.unread.some((k) => k.startsWith('answer:')) ? 'New answer' : 'Updated'}
                  </span>
                )}
              </p>
              <p class="item-text">{item.text}</p>
              {item.answers.map((a) => (
                <blockquote key={a.id} class="answer">
                  <p>{a.text}</p>
                  <footer>
                    {a.mentorName}, {format(a.createdAt)}
                  </footer>
                </blockquote>
              ))}
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        <button type="button" onClick={() => void app.loadItems()}>
          Refresh
        </button>
        <button type="button" onClick={() => void app.open('home')}>
          Back
        </button>
      </div>
    </section>
  );
}
