import { computed, signal } from '@preact/signals';
import type { Topic, Unit } from '../../../shared/catalog';
import type { Coaching } from '../../../shared/coaching';
import type { Reflection, ThanksSent } from '../../../shared/growth';
import type { SmallTest } from '../../../shared/small-tests';
import type { System } from '../../../shared/systems';
import { BUILD_API_URL } from '../../lib/config';
import type { AskDraft, FlagDraft, View } from '../../lib/drafts';
import type { Detector } from '../../lib/phi';
import type { AttentionItem, OpenAttentionItem, OutboxItem, Policy, StoredSession } from '../../lib/storage';
import type { MyItem } from '../my-items';

/** The popup's signals, in one place: what components read and the actions write. */
export function createPopupSignals() {
  const ready = signal(false);
  const policy = signal<Policy>({});
  const apiUrl = signal(BUILD_API_URL);
  const apiUrlLocked = signal(false);
  const session = signal<StoredSession | null>(null);
  const needsSignIn = signal(false);
  const view = signal<View>('home');
  const outbox = signal<OutboxItem[]>([]);
  const attention = signal<AttentionItem[]>([]);
  /** The signed-in user's "needs attention" entries opened with their key, by client id. */
  const attentionOpen = signal<Record<string, OpenAttentionItem>>({});
  /** Polite announcements ("Flag sent."), shown in an aria-live region. */
  const status = signal('');
  /** The current failure, shown in role="alert". */
  const error = signal('');
  const busy = signal(false);
  const detector = signal<Detector | null>(null);
  const units = signal<Unit[]>([]);
  const topics = signal<Topic[]>([]);
  const incidentReportingUrl = signal<string | null>(null);
  /** The admins' systems and screens: friendly names and the desktop-EHR picker. */
  const systems = signal<System[]>([]);
  const flagDraft = signal<FlagDraft | null>(null);
  const askDraft = signal<AskDraft | null>(null);
  /** Why an item being edited again was refused. */
  const editNotice = signal('');
  /** One-shot: the flag form puts the cursor in its text (opened by the keyboard command). */
  const focusFlagText = signal(false);
  const items = signal<MyItem[] | null>(null);
  /** The item My items opens at (from a notification or a `#item=ID` link): shown, scrolled to, focused. */
  const focusItem = signal<string | null>(null);
  /** When the list shown was fetched, if it is the cached copy (offline). */
  const itemsCachedAt = signal<number | null>(null);
  /** My own reflections, the thank-yous I sent and my coaching threads, read with My items; null until loaded. */
  const growth = signal<{
    reflections: Reflection[];
    thanksSent: ThanksSent[];
    coaching: Coaching[];
    smallTests: SmallTest[];
  } | null>(null);

  const userId = computed(() => session.value?.user.id);
  const waiting = computed(() => outbox.value.filter((i) => i.userId === userId.value));
  const needsAttention = computed(() => attention.value.filter((a) => a.item.userId === userId.value));
  const signedIn = computed(() => session.value !== null && !needsSignIn.value);

  return {
    ready,
    policy,
    apiUrl,
    apiUrlLocked,
    session,
    needsSignIn,
    view,
    outbox,
    attention,
    attentionOpen,
    status,
    error,
    busy,
    detector,
    units,
    topics,
    incidentReportingUrl,
    systems,
    flagDraft,
    askDraft,
    editNotice,
    focusFlagText,
    items,
    focusItem,
    itemsCachedAt,
    growth,
    userId,
    waiting,
    needsAttention,
    signedIn,
  };
}

export type PopupSignals = ReturnType<typeof createPopupSignals>;
