// A failure-injecting HTTP proxy on loopback, in front of the real worker. For every request it asks
// `plan()` what goes wrong: drop the connection unanswered, answer 503 like a gateway, answer 429 with
// Retry-After, or forward — and optionally lose the answer after the worker has stored the item.
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Failure = 'drop' | 'gateway_503' | { status: 429; retryAfter: number } | 'lose_response' | null;

export interface ProxyStats {
  requests: number;
  dropped: number;
  gateway503: number;
  rateLimited: number;
  forwarded: number;
  lostResponses: number;
  /** Status codes the worker answered to forwarded requests. */
  upstream: Record<string, number>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function forward(target: URL, req: IncomingMessage, body: Buffer) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const upstream = request(
        {
          hostname: target.hostname,
          port: target.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: target.host },
        },
        async (res) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: await readBody(res) }),
      );
      upstream.on('error', reject);
      upstream.end(body);
    },
  );
}

export async function startFailureProxy(apiUrl: string, plan: (req: IncomingMessage) => Failure) {
  const target = new URL(apiUrl);
  const stats: ProxyStats = {
    requests: 0,
    dropped: 0,
    gateway503: 0,
    rateLimited: 0,
    forwarded: 0,
    lostResponses: 0,
    upstream: {},
  };
  const sockets = new Set<Socket>();
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    stats.requests += 1;
    const failure = plan(req);
    const body = await readBody(req);
    if (failure === 'drop') {
      stats.dropped += 1;
      req.socket.destroy();
      return;
    }
    if (failure === 'gateway_503') {
      stats.gateway503 += 1;
      res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>503 Service Unavailable</h1>');
      return;
    }
    if (failure && typeof failure === 'object') {
      stats.rateLimited += 1;
      res
        .writeHead(429, { 'content-type': 'application/json', 'retry-after': String(failure.retryAfter) })
        .end(JSON.stringify({ error: { code: 'rate_limited', message: 'Too many requests; try again later' } }));
      return;
    }
    const answer = await forward(target, req, body);
    stats.forwarded += 1;
    stats.upstream[answer.status] = (stats.upstream[answer.status] ?? 0) + 1;
    if (failure === 'lose_response') {
      // The worker stored the item, but its answer never reaches the browser.
      stats.lostResponses += 1;
      req.socket.destroy();
      return;
    }
    const headers = { ...answer.headers };
    delete headers['transfer-encoding'];
    delete headers.connection;
    res.writeHead(answer.status, headers).end(answer.body);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
