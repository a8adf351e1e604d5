import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { weekOf } from '../../shared/cost';
import { listRoots } from '../db/hotspots';
import { getSettings } from '../db/settings';
import type { AppEnv } from '../env';
import { csvResponse, toCsv } from '../lib/csv';
import { requireAuth } from '../lib/require-auth';
import { buildHotspotList, requireKnownFilters } from '../services/hotspot-views';
import { unitsAndItems } from '../services/kanon-views';
import { buildProgrammeHealth } from '../services/programme';
import { register } from './register';

/** CSV exports for leads, with the same k-anonymity as the screens. */
export const exportRoutes = new OpenAPIHono<AppEnv>();

const OTHER_UNITS = (k: number) => `other units (cells under ${k} people)`;

register(exportRoutes, endpoints.exportHotspots, async (c, { query }) => {
  const db = c.env.DB;
  await requireKnownFilters(db, query);
  const list = await buildHotspotList(db, { ...query, limit: 200 }, await getSettings(db), requireAuth(c).user.id);
  const rows = list.hotspots.map((h) => [
    h.id,
    h.screen?.host ?? '',
    h.screen?.path ?? '',
    h.category,
    h.title,
    h.status,
    h.flagCount,
    h.reporterCount,
    h.minutesPerWeek,
    h.impact.none,
    h.impact.delay,
    h.impact.risk,
    h.impact.harm,
    h.rising,
    h.response,
  ]);
  const header = [
    'hotspot',
    'system',
    'screen',
    'category',
    'title',
    'status',
    'flags',
    'reporters',
    'minutes_per_week',
  ];
  header.push('impact_none', 'impact_delay', 'impact_risk', 'impact_harm', 'rising', 'response');
  return csvResponse('hotspots.csv', toCsv(header, rows));
});

// The drill-down's rule for every hotspot: a flag only while the screen it was filed into has k
// named reporters other than the lead exporting; no user, no flag id; anonymous rows without unit
// or time; a named flag's unit only where its cell (screen, week, unit) shows.
register(exportRoutes, endpoints.exportFlags, async (c) => {
  const db = c.env.DB;
  const viewer = requireAuth(c).user.id;
  const k = (await getSettings(db)).kAnonymity;
  const rows: (string | number | null)[][] = [];
  for (const h of await listRoots(db, {})) {
    const { items } = await unitsAndItems(db, h.id, k, viewer, 10_000, weekOf);
    for (const f of items) {
      rows.push([
        h.id,
        h.screen?.host ?? '',
        h.screen?.path ?? '',
        f.category,
        f.impact,
        f.frequency,
        f.minutesLost,
        f.unitId ?? '',
        f.day ?? '',
        f.anonymous ? 'yes' : 'no',
        f.contactName,
        f.text,
        f.idea,
      ]);
    }
  }
  const header = ['hotspot', 'system', 'screen', 'category', 'impact', 'frequency', 'minutes_lost', 'unit', 'day'];
  header.push('anonymous', 'contact', 'text', 'idea');
  return csvResponse('flags.csv', toCsv(header, rows));
});

register(exportRoutes, endpoints.exportProgramme, async (c, { query }) => {
  const db = c.env.DB;
  const h = await buildProgrammeHealth(db, query, await getSettings(db), requireAuth(c).user.id);
  const rows: (string | number | null)[][] = [
    ['organisation', '', 'flags', h.loop.flags],
    ['organisation', '', 'share_responded', h.loop.responded],
    ['organisation', '', 'share_changed', h.loop.changed],
    ['organisation', '', 'first_answer_median_minutes', h.firstAnswer.medianMinutes],
    ['organisation', '', 'first_answer_p90_minutes', h.firstAnswer.p90Minutes],
    ['organisation', '', 'share_within_sla', h.firstAnswer.withinSla],
    ['organisation', '', 'open_past_sla', h.openPastSla],
    ['organisation', '', 'mentors_answering', h.mentorLoad.mentors],
    ...h.flagsPerWeek.map((w) => ['week', w.week.slice(0, 10), 'flags', w.count]),
    ...h.questionsPerWeek.map((w) => ['week', w.week.slice(0, 10), 'questions', w.count]),
  ];
  // Units where shown; every held-back cell pooled under one name that points at no unit.
  for (const [unit, u] of [
    ...h.byUnit.map((x) => [x.unitId ?? 'no unit', x] as const),
    [OTHER_UNITS(h.k), h.otherUnits] as const,
  ]) {
    rows.push(['unit', unit, 'flags', u.flags]);
    rows.push(['unit', unit, 'share_responded', u.responded]);
    rows.push(['unit', unit, 'share_changed', u.changed]);
  }
  return csvResponse('programme.csv', toCsv(['level', 'name', 'measure', 'value'], rows));
});
