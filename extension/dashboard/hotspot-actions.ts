import { signal } from '@preact/signals';
import { endpoints } from '../../shared/api';
import type { HotspotDetail, HotspotPatch } from '../../shared/hotspots';
import type { PdsaAdvance, PdsaCreate } from '../../shared/pdsa';
import type { ConfirmedSpan } from '../../shared/text';
import type { TrainingGapCreate } from '../../shared/training';
import { errorMessage } from '../lib/errors';
import type { SessionApi } from '../lib/session-api';
import { saveCsv } from './save-csv';
import type { Filters } from './url-filters';

type Call = SessionApi['call'];

/** What one write is doing, shown on its button ("Starting…"); one write at a time. */
export type DashboardWrite =
  | 'status'
  | 'response'
  | 'title'
  | 'merge'
  | 'unmerge'
  | 'cycle'
  | 'advance'
  | 'training_gap'
  | 'hotspots.csv'
  | 'flags.csv'
  | 'programme.csv';

/**
 * The lead's writes on a hotspot and the CSV downloads, beside the dashboard's state: each shows a
 * busy state, says what went wrong in words, and a second click while one runs does nothing.
 */
export function createHotspotActions({ call, announce }: { call: Call; announce: (m: string) => void }) {
  const busy = signal<DashboardWrite | null>(null);

  async function run<T>(what: DashboardWrite, done: string, write: () => Promise<T>): Promise<T | null> {
    if (busy.value) return null;
    busy.value = what;
    try {
      const result = await write();
      announce(done);
      return result;
    } catch (e) {
      announce(errorMessage(e));
      return null;
    } finally {
      busy.value = null;
    }
  }

  const loadHotspot = (id: string) => call(endpoints.getHotspot, { params: { id } });

  /** Who may own a cycle; none when they cannot be fetched (the cycle is then the lead's own). */
  const cycleOwners = () =>
    call(endpoints.cycleOwners, {}).then(
      (r) => r.owners,
      () => [],
    );

  const patch = (what: DashboardWrite, done: string, id: string, body: HotspotPatch) =>
    run(what, done, () => call(endpoints.patchHotspot, { params: { id }, body }));

  function setStatus(id: string, status: NonNullable<HotspotPatch['status']>, label: string) {
    return patch('status', `Status: ${label}`, id, { status });
  }

  function publishResponse(id: string, response: string, confirmedSpans?: ConfirmedSpan[]) {
    return patch('response', 'Response published', id, { response, ...(confirmedSpans ? { confirmedSpans } : {}) });
  }

  /** A human title for the hotspot; empty gives the screen's name back. */
  function setTitle(id: string, title: string, confirmedSpans?: ConfirmedSpan[]) {
    const text = title.trim();
    return patch('title', text ? 'Title saved' : 'Title removed', id, {
      title: text || null,
      ...(confirmedSpans ? { confirmedSpans } : {}),
    });
  }

  function merge(id: string, into: string) {
    return run('merge', 'Merged', () => call(endpoints.mergeHotspot, { params: { id }, body: { into } }));
  }

  /** Undoes the merge of `memberId` (this hotspot itself, or a duplicate merged into it), then shows `id` again. */
  function unmerge(id: string, memberId = id) {
    return run('unmerge', 'Merge undone', async (): Promise<HotspotDetail> => {
      const undone = await call(endpoints.unmergeHotspot, { params: { id: memberId } });
      return memberId === id ? undone : loadHotspot(id);
    });
  }

  /** Starts a cycle; the body's clientId makes a repeated click or a retry one cycle on the server too. */
  function startCycle(id: string, body: PdsaCreate) {
    return run('cycle', 'Cycle started', async () => {
      await call(endpoints.createCycle, { params: { id }, body });
      return loadHotspot(id);
    });
  }

  function advanceCycle(hotspotId: string, cycleId: string, body: PdsaAdvance) {
    return run('advance', 'Cycle moved on', async () => {
      await call(endpoints.advanceCycle, { params: { id: cycleId }, body });
      return loadHotspot(hotspotId);
    });
  }

  /** Resolves as a training gap: mentors of the topic are asked for a tip; the clientId makes a retry one request. */
  function resolveTrainingGap(id: string, body: TrainingGapCreate) {
    return run('training_gap', 'Resolved as a training gap: mentors are asked for a tip', () =>
      call(endpoints.resolveTrainingGap, { params: { id }, body }),
    );
  }

  /** Active topics, for choosing whose mentors write a tip; none when they cannot be fetched. */
  const topics = () =>
    call(endpoints.topics, {}).then(
      (r) => r.topics.filter((t) => t.active),
      () => [],
    );

  /** A CSV with the filters on screen (flags.csv takes none: it is every hotspot meeting k). */
  function exportCsv(name: 'hotspots.csv' | 'flags.csv' | 'programme.csv', f: Filters) {
    return run(name, `${name} downloaded`, async () => {
      const csv =
        name === 'hotspots.csv'
          ? await call(endpoints.exportHotspots, {
              query: { from: f.from, to: f.to, unitId: f.unitId, category: f.category, host: f.host, sort: f.sort },
            })
          : name === 'flags.csv'
            ? await call(endpoints.exportFlags, {})
            : await call(endpoints.exportProgramme, { query: { from: f.from, to: f.to } });
      saveCsv(name, csv);
    });
  }

  return {
    busy,
    loadHotspot,
    cycleOwners,
    setStatus,
    publishResponse,
    setTitle,
    merge,
    unmerge,
    startCycle,
    advanceCycle,
    resolveTrainingGap,
    topics,
    exportCsv,
  };
}
