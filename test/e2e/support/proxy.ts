import { createServer, request, type Server } from 'node:http';

export interface Captured {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The worker's answer, once it came (diagnostics for a failed step). */
  status?: number;
}

/**
 * A loopback proxy in front of the worker that records every request the API receives (URL,
 * headers, body), so a test can prove no identifier ever reached it. `/__e2e/*` is its own
 * control surface and never reaches the worker; `down` makes it refuse like a stopped API.
 */
export function startRecordingProxy(port: number, targetPort: number): Promise<Server> {
  const captured: Captured[] = [];
  let down = false;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = req.url ?? '/';
      if (url.startsWith('/__e2e/')) {
        if (url === '/__e2e/captured') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(captured));
          return;
        }
        if (url === '/__e2e/down' || url === '/__e2e/up') {
          down = url === '/__e2e/down';
          res.writeHead(204).end();
          return;
        }
        res.writeHead(404).end();
        return;
      }
      if (down) {
        // Like a stopped server: the connection drops with no HTTP answer.
        req.socket.destroy();
        return;
      }
      const entry: Captured = { method: req.method ?? 'GET', url, headers: req.headers, body: body.toString('utf8') };
      captured.push(entry);
      const upstream = request(
        { host: '127.0.0.1', port: targetPort, method: req.method, path: url, headers: req.headers },
        (up) => {
          entry.status = up.statusCode;
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => req.socket.destroy());
      upstream.end(body);
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
