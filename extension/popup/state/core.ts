import { computed, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { Topic, Unit } from '../../../shared/catalog';
import type { System } from '../../../shared/systems';
import { BUILD_API_URL } from '../../lib/config';
import type { AskDraft, FlagDraft, View } from '../../lib/drafts';
import { errorMessage } from '../../lib/errors';
import type { Detector } from '../../lib/phi';
import type { ensureReceiptKey } from '../../lib/receipts';
import type { createSessionApi, SessionApi } from '../../lib/session-api';
import type { AttentionItem, OpenAttentionItem, OutboxItem, Policy, StoredSession } from '../../lib/storage';
import type { MyItem } from '../my-items';

type BrowserLike = Pick<typeof browser, 'runtime' | 'tabs' | 'action' | 'permissions' | 'storage'>;

export interface AppDeps {
  browser?: BrowserLike;
  fetchFn?: typeof fetch;
  now?: () => number;
  loadDetector?: () => Promise<Detector | null>;
}

export type Core = ReturnType<typeof createCore>;

/** What the core needs from the services chunk (typed from lib/, so the core never imports the chunk). */
export interface CoreServices {
  createSessionApi: typeof createSessionApi;
  ensureReceiptKey: typeof ensureReceiptKey;
}

/** The popup's signals and the few helpers every group of actions uses. */
export function createCore(deps: AppDeps, services: () => Promise<CoreServices>) {
  const browserApi = deps.browser ?? browser;
  const now = deps.now ?? Date.now;

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
  const items = signal<MyItem[] | null>(null);
  /** When the list shown was fetched, if it is the cached copy (offline). */
  const itemsCachedAt = signal<number | null>(null);

  const userId = computed(() => session.value?.user.id);
  const waiting = computed(() => outbox.value.filter((i) => i.userId === userId.value));
  const needsAttention = computed(() => attention.value.filter((a) => a.item.userId === userId.value));
  const signedIn = computed(() => session.value !== null && !needsSignIn.value);

  function version() {
    return browserApi.runtime.getManifest().version;
  }

  // Built on first use: the API client comes with the services chunk, after the first render.
  let sessionApi: SessionApi | null = null;
  async function api() {
    const { createSessionApi } = await services();
    sessionApi ??= createSessionApi({ session: () => session.value, fetchFn: deps.fetchFn, version });
    return sessionApi.api();
  }

  /**
   * Brings the user's key into memory if it is not (first use since the browser started): what is
   * sealed for them opens. Offline it stays sealed, and waits.
   */
  async function unlock(): Promise<void> {
    const s = session.value;
    if (!s) return;
    try {
      const { ensureReceiptKey } = await services();
      await ensureReceiptKey(await api(), s.user.id);
    } catch {
      // Offline or signed out elsewhere: sealed things stay sealed until the next try.
    }
  }

  function announce(message: string) {
    error.value = '';
    status.value = message;
  }

  function fail(e: unknown) {
    error.value = errorMessage(e);
  }

  return {
    browserApi,
    now,
    deps,
    version,
    api,
    unlock,
    announce,
    fail,
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
    items,
    itemsCachedAt,
    userId,
    waiting,
    needsAttention,
    signedIn,
  };
}
