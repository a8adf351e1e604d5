/**
 * A request's database: one D1 session (the Sessions API, which lets reads go to read replicas) behind
 * the D1Database shape every db/ function takes, so a whole request runs in it without knowing. Within
 * a session reads are sequentially consistent, and a session started from a client's bookmark sees at
 * least everything that client saw or wrote before.
 */
const bindings = new WeakMap<D1Database, D1Database>();

export function inSession(db: D1Database, session: D1DatabaseSession): D1Database {
  const scoped: D1Database = {
    prepare: (query) => session.prepare(query),
    batch: <T = unknown>(statements: D1PreparedStatement[]) => session.batch<T>(statements),
    // Nothing on the request path runs exec or dump; outside the session they could break its order.
    exec: () => Promise.reject(new Error('exec is not available inside a request session')),
    dump: () => Promise.reject(new Error('dump is not available inside a request session')),
    withSession: (constraint) => db.withSession(constraint),
  };
  bindings.set(scoped, db);
  return scoped;
}

/**
 * The binding a request's database came from: what per-isolate caches (settings, token sessions) key
 * on, so a cache outlives the request that filled it, as it did before sessions.
 */
export function bindingOf(db: D1Database): D1Database {
  return bindings.get(db) ?? db;
}
