import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { listItems, listRoots, unitTotalsOfRoot } from '../db/hotspots';
import { getSettings } from '../db/settings';
import type { AppEnv } from '../env';
import { toIso } from '../lib/clock';
import { csvResponse, toCsv } from '../lib/csv';
import { buildHotspotList, requireKnownFilters } from '../lib/hotspot-views';
import { buildProgrammeHealth } from '../lib/programme';
import { register } from '../lib/register';

/** CSV exports for leads, with the same k-anonymity as the screens. */
export const exportRoutes = new OpenAPIHono<AppEnv>();

const FEWER_THAN_K = (k: number) => `fewer than ${k}`;

register(exportRoutes, endpoints.exportHotspots, async (c, { query }) => {
  const db = c.env.DB;
  await requireKnownFilters(db, query);
  const list = await buildHotspotList(db, { ...query, limit: 200 }, await getSettings(db));
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

// Texts only of hotspots with k reporters; no user, no flag id; anonymous rows without unit or time;
// a named flag's unit only where that unit has k reporters on the hotspot.
register(exportRoutes, endpoints.exportFlags, async (c) => {
  const db = c.env.DB;
  const k = (await getSettings(db)).kAnonymity;
  const roots = (await listRoots(db, {})).filter((h) => h.reporterCount >= k);
  const rows: (string | number | null)[][] = [];
  for (const h of roots) {
    const [items, units] = await Promise.all([listItems(db, h.id, 10_000), unitTotalsOfRoot(db, h.id)]);
    const unitsMeetingK = new Set(units.filter((u) => u.reporters >= k).map((u) => u.key));
    for (const f of items) {
      const named = f.anonymous === 0;
      rows.push([
        h.id,
        h.screen?.host ?? '',
        h.screen?.path ?? '',
        f.category,
        f.impact,
        f.frequency,
        f.minutes_lost,
        named && f.unit_id && unitsMeetingK.has(f.unit_id) ? f.unit_id : '',
        named ? toIso(f.created_at).slice(0, 10) : '',
        named ? 'no' : 'yes',
        named ? f.contact_name : null,
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
  const h = await buildProgrammeHealth(db, query, await getSettings(db));
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
  for (const u of h.byUnit) {
    const unit = u.unitId ?? 'no unit';
    if (u.suppressed) rows.push(['unit', unit, 'flags', FEWER_THAN_K(h.k)]);
    else {
      rows.push(['unit', unit, 'flags', u.flags]);
      rows.push(['unit', unit, 'share_responded', u.responded]);
      rows.push(['unit', unit, 'share_changed', u.changed]);
    }
  }
  return csvResponse('programme.csv', toCsv(['level', 'name', 'measure', 'value'], rows));
});
