import { describe, expect, it } from 'vitest';
import { resourceRoutes } from '../../../worker/app';

// app.ts mounts one router per resource in a loop; this holds it to "the order does not matter": a request
// one router answers is never also matched by another's path (`/v1/hotspots/by-system` against
// `/v1/hotspots/{id}` once lived in two routers and needed them mounted in the right order).

/** `/v1/hotspots/:id` as a pattern that also matches any concrete path with a segment in its place. */
const pattern = (path: string) => new RegExp(`^${path.replace(/:[^/]+/g, '[^/]+')}$`);
/** A path as a request would send it: each parameter becomes a sample segment. */
const sample = (path: string) => path.replace(/:[^/]+/g, 'x');

const owned = resourceRoutes.flatMap((routes, router) =>
  routes.routes.filter((r) => r.method !== 'ALL').map((r) => ({ router, method: r.method, path: r.path })),
);

describe('routers mounted by app.ts', () => {
  it('each answer paths no other router could also match', () => {
    const clashes = owned.flatMap((a) =>
      owned
        .filter((b) => b.router !== a.router && b.method === a.method)
        .filter((b) => pattern(b.path).test(a.path) || pattern(b.path).test(sample(a.path)))
        .map((b) => `${a.method} ${a.path} (router ${a.router}) ~ ${b.path} (router ${b.router})`),
    );
    expect(clashes).toEqual([]);
  });

  it('include the static paths that sit beside a parameter', () => {
    const paths = owned.map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual(
      expect.arrayContaining(['GET /v1/hotspots/by-system', 'GET /v1/hotspots/:id', 'GET /v1/queue/summary']),
    );
  });
});
