// The API benchmark's baseline: bare Hono on workerd running, for each measured endpoint, the D1
// statements that endpoint needs (called through the product's own db functions, so the SQL is the
// same text) on a database migrated and demo-seeded like the product's, and nothing else: no token,
// rate limit, validation, identifier check, body hash or response mapping. What the product spends
// beyond this is its overhead (bench/sections/api.mjs).
//
// Plain JS (bundled by wrangler like the worker) because the root tsconfig checks bench/** with DOM
// types, where the worker's D1 types do not exist.
import { Hono } from 'hono';
import { lastWeeks, weekStart } from '../../shared/cost.ts';
import { QUEUE_PAGE } from '../../shared/mentoring.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { listRootsStatement, weekCellsStatement } from '../../worker/db/hotspots.ts';
import { searchKb } from '../../worker/db/kb.ts';
import { insertQuestionOnce } from '../../worker/db/questions.ts';
import { listQueueRows } from '../../worker/db/queue.ts';
import { ftsQuery } from '../../worker/lib/fts.ts';
import { flagWriteStatements } from '../../worker/services/flag-write.ts';
import { weekWindow } from '../../worker/services/hotspot-views.ts';

// The demo organisation's users (scripts/seed.mjs) stand in for the ones the bench enrolls on the product.
const REPORTER = 'user-demo-clinician';
const MENTOR = 'user-demo-mentor';

const app = new Hono();

app.get('/health', (c) => c.json({ ok: true }));

/** The mentor takes the bench's topic, as the product's mentor is routed to it (PUT /v1/mentors/me). */
app.post('/setup', async (c) => {
  const { topicId } = await c.req.json();
  await c.env.DB.prepare('INSERT OR IGNORE INTO mentor_topics (user_id, topic_id) VALUES (?1, ?2)')
    .bind(MENTOR, topicId)
    .run();
  return c.json({ ok: true });
});

/** POST /v1/flags's one statement: the flag's INSERT … RETURNING (services/flag-write.ts). */
app.post('/flags', async (c) => {
  const b = await c.req.json();
  const flag = {
    id: crypto.randomUUID(),
    clientId: b.clientId,
    bodyHash: b.clientId,
    userId: REPORTER,
    anonymous: false,
    receiptHash: null,
    contactOk: false,
    text: b.text,
    category: b.category,
    frequency: b.frequency,
    minutesLost: b.minutesLost,
    impact: b.impact,
    idea: b.idea ?? null,
    unitId: null,
    host: b.screen?.host ?? null,
    path: b.screen?.path ?? null,
    pageTitle: null,
    createdAt: Date.now(),
  };
  const [inserted] = await c.env.DB.batch(flagWriteStatements(c.env.DB, flag, DEFAULT_SETTINGS.frequencyMultipliers));
  return c.json(inserted.results[0] ?? null, 201);
});

/** POST /v1/questions's one batch: INSERT … SELECT (the topic is active) and the read-back (db/questions.ts). */
app.post('/questions', async (c) => {
  const b = await c.req.json();
  const { stored } = await insertQuestionOnce(c.env.DB, {
    id: crypto.randomUUID(),
    clientId: b.clientId,
    bodyHash: b.clientId,
    userId: REPORTER,
    text: b.text,
    topicId: b.topicId,
    disciplineWanted: b.disciplineWanted,
    urgency: b.urgency,
    host: b.screen?.host ?? null,
    path: b.screen?.path ?? null,
    pageTitle: null,
    createdAt: Date.now(),
  });
  return c.json(stored, 201);
});

/** GET /v1/queue's one statement: a page of the mentor's queue with each item's messages (db/queue.ts). */
app.get('/queue', async (c) => {
  const at = Date.now();
  const viewer = { userId: MENTOR, isMentor: true, isPeer: false, now: at, settings: DEFAULT_SETTINGS };
  return c.json({ items: await listQueueRows(c.env.DB, viewer, { filter: 'all', limit: QUEUE_PAGE }) });
});

/** GET /v1/hotspots's one batch: the roots and their week cells for the window (services/hotspot-views.ts). */
app.get('/hotspots', async (c) => {
  // The product's default window: the last 12 weeks, for the trend (services/hotspot-views.ts).
  const { toWeek } = weekWindow(undefined, undefined);
  const [readFrom] = lastWeeks(weekStart(toWeek), 12);
  const db = c.env.DB;
  const [roots, cells] = await db.batch([listRootsStatement(db, {}), weekCellsStatement(db, readFrom, toWeek)]);
  return c.json({ roots: roots.results, cells: cells.results });
});

/** KB search's one statement: the FTS5 match, ranked, with snippets (db/kb.ts). */
app.post('/kb/search', async (c) => {
  const b = await c.req.json();
  const match = ftsQuery(b.query);
  return c.json({ results: match ? await searchKb(c.env.DB, match, b.topicId ?? null, b.limit ?? 3) : [] });
});

// ---------------------------------------------------------------------------------------------
// The bare pair the peak section (bench/sections/peak.mjs) sends its mix to: one plain INSERT, one
// indexed SELECT of 20 rows, on a tiny table of their own, made (with 1,000 rows in 50 groups) once
// per isolate before the first of them runs.

const BARE_TABLE = [
  'CREATE TABLE IF NOT EXISTS items (id TEXT PRIMARY KEY, grp TEXT NOT NULL, text TEXT NOT NULL, created_at INTEGER NOT NULL) WITHOUT ROWID',
  'CREATE INDEX IF NOT EXISTS items_by_grp ON items(grp, created_at)',
  `INSERT OR IGNORE INTO items (id, grp, text, created_at)
   WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999)
   SELECT printf('seed-%04d', i), printf('g%02d', i % 50), 'Med rec screen times out before I can save', i FROM n`,
];
let bareTable;
const withBareTable = (db) => {
  bareTable ??= db.batch(BARE_TABLE.map((sql) => db.prepare(sql))).catch((e) => {
    bareTable = undefined;
    throw e;
  });
  return bareTable;
};

/** Write baseline: parse the JSON body, one INSERT. */
app.post('/write', async (c) => {
  await withBareTable(c.env.DB);
  const body = await c.req.json();
  await c.env.DB.prepare('INSERT INTO items (id, grp, text, created_at) VALUES (?1, ?2, ?3, ?4)')
    .bind(body.clientId, 'written', body.text, Date.now())
    .run();
  return c.json({ id: body.clientId }, 201);
});

/** Read baseline: one indexed SELECT returning a page of 20 rows. */
app.get('/read', async (c) => {
  await withBareTable(c.env.DB);
  const { results } = await c.env.DB.prepare(
    'SELECT id, grp, text, created_at FROM items WHERE grp = ?1 ORDER BY created_at DESC LIMIT 20',
  )
    .bind(c.req.query('grp') ?? 'g00')
    .all();
  return c.json({ items: results });
});

export default app;
