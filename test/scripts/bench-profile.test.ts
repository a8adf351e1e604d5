import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JS bench module, typed by use here
import { splitProfile } from '../../bench/sections/profile.mjs';

const frame = (id: number, functionName: string, url: string, lineNumber = 0) => ({
  id,
  callFrame: { functionName, url, lineNumber, columnNumber: 0, scriptId: '0' },
});

describe("the bench's profile split", () => {
  it("keeps the bundle's own functions apart from the runtime's, native calls, the VM and idle", () => {
    const profile = {
      nodes: [
        frame(1, '(root)', ''),
        frame(2, 'askedOnce', 'file:///x/index.js', 9),
        frame(3, 'toIso', 'file:///x/index.js', 41),
        frame(4, 'batch', 'cloudflare-internal:d1-api'),
        frame(5, 'fetch', ''),
        frame(6, '(idle)', ''),
        frame(7, '(garbage collector)', ''),
      ],
      // Each sample stands for the time until the next one (timeDeltas[i + 1]).
      samples: [2, 2, 3, 4, 5, 6, 7, 2],
      timeDeltas: [0, 100, 100, 100, 100, 100, 100, 100],
    };
    const { parts, top } = splitProfile(profile, 'index.js');
    // 700 µs counted (the last sample has no next): askedOnce 200, toIso 100, batch 100, fetch 100, idle 100, GC 100.
    expect(parts.bundle).toBeCloseTo(3 / 7);
    expect(parts.runtime).toBeCloseTo(1 / 7);
    expect(parts.native).toBeCloseTo(1 / 7);
    expect(parts.idle).toBeCloseTo(1 / 7);
    expect(parts.vm).toBeCloseTo(1 / 7);
    expect(top.map((f: { name: string }) => f.name)).toEqual(['askedOnce (line 10)', 'toIso (line 42)']);
    expect(top[0].share).toBeCloseTo(2 / 7);
  });
});
