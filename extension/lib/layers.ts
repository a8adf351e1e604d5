import type { Layer, LayeredRecord } from './storage';
import { openerFor, openOrNull, sealFor } from './vault';

export type { Layer, LayeredRecord };

/**
 * Drafts kept sealed, without ever overwriting what cannot be read. Normally a record is one sealed
 * layer, opened and rewritten on each change. While the owner's key is not in memory (the browser
 * restarted and the server is out of reach), older layers cannot be opened: this page then writes
 * a layer of its own beside them (kept in memory too, so it can go on editing it). Once the key is
 * back, the layers are merged, the newest value of each entry winning; an older value that
 * conflicts stays in a layer of its own and comes back when the newer one is cleared. Nothing typed
 * is lost, and nothing is in the clear.
 */

export type Entries = Record<string, unknown>;

/** This page's own layer: its id, and by record name what it holds and the ciphertext it was sealed as. */
const own = { id: crypto.randomUUID(), entries: new Map<string, { entries: Entries; data: string }>() };

interface Opened {
  layer: Layer;
  entries: Entries | null;
}

async function openAll(name: string, rec: LayeredRecord | null, userId: string): Promise<Opened[]> {
  if (!rec || rec.userId !== userId) return [];
  const open = await openerFor(userId);
  return Promise.all(
    rec.layers.map(async (layer) => {
      // This page's layer as stored is what it remembers (readable without the key); a layer it has
      // sealed but not yet seen stored is not trusted from memory.
      const mine = layer.id === own.id ? own.entries.get(name) : undefined;
      if (mine && mine.data === layer.sealed.data) return { layer, entries: mine.entries };
      return { layer, entries: await openOrNull<Entries>(open, layer.sealed) };
    }),
  );
}

/** Newest first: each entry's newest value; what older layers still hold that conflicts stays apart. */
function merge(opened: Opened[]): { value: Entries; kept: Layer[]; rest: Entries[] } {
  const value: Entries = {};
  const kept: Layer[] = [];
  const rest: Entries[] = [];
  for (const { layer, entries } of opened) {
    if (!entries) continue;
    const left: Entries = {};
    for (const [k, v] of Object.entries(entries)) {
      if (!(k in value)) value[k] = v;
      else if (JSON.stringify(value[k]) !== JSON.stringify(v)) left[k] = v;
    }
    const n = Object.keys(left).length;
    if (n > 0 && n === Object.keys(entries).length && layer.id !== own.id) kept.push(layer);
    else if (n > 0) rest.push(left);
  }
  return { value, kept, rest };
}

/** What the user can see now; `locked` when some of it waits for their key. */
export async function readLayered(
  name: string,
  rec: LayeredRecord | null,
  userId: string,
): Promise<{ entries: Entries; locked: boolean }> {
  const opened = await openAll(name, rec, userId);
  return { entries: merge(opened).value, locked: opened.some((o) => o.entries === null) };
}

/** The record after `change`, sealed for `userId` (a record of someone else's is replaced). */
export async function updateLayered(
  name: string,
  rec: LayeredRecord | null,
  userId: string,
  change: (entries: Entries) => Entries,
): Promise<LayeredRecord | null> {
  const opened = await openAll(name, rec, userId);
  const { value, kept, rest } = merge(opened);
  const next = change(value);
  const layers: Layer[] = [];
  if (Object.keys(next).length > 0) {
    const sealed = await sealFor(userId, next);
    own.entries.set(name, { entries: next, data: sealed.data });
    layers.push({ id: own.id, sealed });
  }
  for (const entries of rest) layers.push({ id: crypto.randomUUID(), sealed: await sealFor(userId, entries) });
  layers.push(...kept, ...opened.filter((o) => o.entries === null).map((o) => o.layer));
  return layers.length > 0 ? { userId, layers } : null;
}

/** Forgets this page's own layer, as a page opened afresh would have none (sign-out). */
export function forgetOwnLayers(): void {
  own.entries.clear();
  own.id = crypto.randomUUID();
}
