// Load over loopback with autocannon, shared by the API and peak sections: one timed run of a request
// (or a cycle of mixed requests), and interleaved rounds so a baseline and the product are measured in
// turns (A/B/A/B…) and compared round by round: drift on a shared machine then weighs on both alike.
import autocannon from 'autocannon';
import { busiestThreadMsSince, median, workerdCpuMs, workerdThreadsMs } from './lib.mjs';

export const CONNECTIONS = 32;

function autocannonRun(opts) {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/** autocannon's shape of one request; a fresh JSON body per request when `body` is given. */
function toAutocannon(given) {
  // A request that builds itself (e.g. a mix drawn per request) passes through as it is.
  if (given.setupRequest) return given;
  const { method, path, headers = {}, body } = given;
  // Headers may be a function: chosen per request (e.g. a token from a pool of users).
  const perRequest = typeof headers === 'function';
  const request = { method, path, headers: perRequest ? {} : { ...headers } };
  if (body) request.headers['content-type'] = 'application/json';
  if (body || perRequest)
    request.setupRequest = (req) => ({
      ...req,
      ...(perRequest ? { headers: { ...req.headers, ...headers() } } : {}),
      ...(body ? { body: JSON.stringify(body()) } : {}),
    });
  return request;
}

/**
 * `seconds` of load on `requests` (one request, or a list each connection cycles through in order).
 * Returns req/s, p50/p99 ms and errors (non-2xx answers + socket errors and timeouts).
 */
export async function load(url, requests, seconds, connections = CONNECTIONS) {
  const list = Array.isArray(requests) ? requests : [requests];
  const r = await autocannonRun({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: list.map(toAutocannon),
  });
  const codes = Object.entries(r.statusCodeStats ?? {})
    .map(([code, { count }]) => `${code}×${count}`)
    .join(', ');
  return {
    // Completed answers over the run's length: autocannon's per-second average drops a partial last second.
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.non2xx + r.errors,
    total: r.requests.total,
    detail: `${r.requests.total} requests in ${r.duration.toFixed(1)} s; status ${codes || 'none'}; socket errors ${r.errors} (timeouts ${r.timeouts})`,
  };
}

/** One request sent alone first: a request that fails on its own would only measure error handling. */
export async function probe(url, { method, path, headers = {}, body }) {
  const h = typeof headers === 'function' ? headers() : headers;
  const res = await fetch(url + path, {
    method,
    headers: { ...h, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body()) : undefined,
  });
  return res.ok ? null : `probe of ${method} ${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`;
}

/**
 * Interleaved rounds. `contenders` are {key, url, requests}; the first is the baseline. Each round runs
 * every contender for `seconds`, the order reversed every other round (A B C, C B A, …) so neither side
 * always runs first after a pause. Returns, per key, the list of round results.
 */
export async function interleave({ contenders, rounds, seconds, warmupSeconds, log }) {
  for (const c of contenders) await load(c.url, c.requests, warmupSeconds);
  const results = new Map(contenders.map((c) => [c.key, []]));
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? contenders : [...contenders].reverse();
    for (const c of order) {
      // A contender that names its server process also gets the runtime's CPU time per answer.
      const cpuBefore = c.child ? workerdCpuMs(c.child) : 0;
      const threadsBefore = c.child ? workerdThreadsMs(c.child) : new Map();
      const r = await load(c.url, c.requests, seconds);
      if (c.child && r.total > 0) {
        r.cpuMs = (workerdCpuMs(c.child) - cpuBefore) / r.total;
        // The thread that bounds throughput: the busiest one over the round.
        r.threadMs = busiestThreadMsSince(c.child, threadsBefore) / r.total;
      }
      results.get(c.key).push(r);
      log?.(
        `round ${i + 1}/${rounds} ${c.key.padEnd(34)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}`,
      );
    }
  }
  return results;
}

/** Per-round ratios of `field` (product ÷ baseline of the same round): their median, min and max. */
export function roundRatios(product, baseline, field = 'rps') {
  const ratios = product.map((r, i) => r[field] / baseline[i][field]);
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios), all: ratios };
}

/** Median of one field over rounds; errors are summed instead. */
export function summarise(rounds) {
  return {
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    cpuMs: rounds.every((r) => r.cpuMs !== undefined) ? median(rounds.map((r) => r.cpuMs)) : undefined,
    threadMs: rounds.every((r) => r.threadMs !== undefined) ? median(rounds.map((r) => r.threadMs)) : undefined,
    errors: rounds.reduce((a, r) => a + r.errors, 0),
    total: rounds.reduce((a, r) => a + r.total, 0),
    detail: rounds.map((r, i) => `round ${i + 1}: ${r.rps.toFixed(0)} req/s, ${r.detail}`).join('; '),
  };
}

const fix2 = (n) => (Math.round(n * 100) / 100).toFixed(2);
export const spreadText = (s) => `${fix2(s.min)}–${fix2(s.max)}×`;
