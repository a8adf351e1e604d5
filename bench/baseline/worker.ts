// The API benchmark's baseline: Hono on workerd with one plain D1 statement per request and nothing
// else (no auth, validation, identifier check or aggregates). Curbside's overhead is measured against it.
import { Hono } from 'hono';

// The few D1 methods used here, typed locally so this file checks under the extension's tsconfig too.
interface Statement {
  bind(...values: unknown[]): Statement;
  run(): Promise<unknown>;
  all<T>(): Promise<{ results: T[] }>;
}
interface Database {
  prepare(sql: string): Statement;
}
type Env = { Bindings: { DB: Database } };

const app = new Hono<Env>();

app.get('/health', (c) => c.json({ ok: true }));

/** Write baseline: parse the JSON body, one INSERT. */
app.post('/write', async (c) => {
  const body = await c.req.json<{ clientId: string; text: string }>();
  await c.env.DB.prepare('INSERT INTO items (id, grp, text, created_at) VALUES (?1, ?2, ?3, ?4)')
    .bind(body.clientId, 'written', body.text, Date.now())
    .run();
  return c.json({ id: body.clientId }, 201);
});

/** Read baseline: one indexed SELECT returning a page of 20 rows. */
app.get('/read', async (c) => {
  const grp = c.req.query('grp') ?? 'g00';
  const { results } = await c.env.DB.prepare(
    'SELECT id, grp, text, created_at FROM items WHERE grp = ?1 ORDER BY created_at DESC LIMIT 20',
  )
    .bind(grp)
    .all<{ id: string; grp: string; text: string; created_at: number }>();
  return c.json({ items: results });
});

export default app;
