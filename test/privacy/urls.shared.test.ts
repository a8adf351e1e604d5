// URL de-identification by allowlist (issue 13 §4). All names and identifiers are synthetic.
import { describe, expect, it } from 'vitest';
import { adminSegments, deidentifyPath, deidentifyUrl, looksIdentifying, screenAllowlist } from '../../shared/context';
import { NAME_LIKE, ROUTE_VOCAB } from '../../shared/context-vocab';
import { nameScreen, type System } from '../../shared/systems';
import { EHR_CASES, type Ehr, fillName, NAME_TEMPLATES, NAMES, SHAPE_CASES, type UrlCase } from './urls.fixtures';

const ALL = [...EHR_CASES, ...SHAPE_CASES];

function expectCase(c: UrlCase) {
  const screen = deidentifyUrl(c.url);
  expect(screen, c.name).toEqual({ host: new URL(c.url).host, path: c.path });
  const path = screen.path.toLowerCase();
  for (const id of c.planted) expect(path, `${c.name}: ${id}`).not.toContain(id.toLowerCase());
}

describe('realistic EHR URLs', () => {
  it('covers every EHR the issue names with several URLs each', () => {
    const counts = new Map<Ehr, number>();
    for (const c of EHR_CASES) counts.set(c.ehr, (counts.get(c.ehr) ?? 0) + 1);
    const ehrs: Ehr[] = [
      'Epic',
      'Oracle Health / Cerner',
      'MEDITECH Expanse',
      'athenaOne',
      'eClinicalWorks',
      'NextGen',
      'Allscripts / Veradigm',
    ];
    for (const ehr of ehrs) expect(counts.get(ehr) ?? 0, ehr).toBeGreaterThanOrEqual(5);
  });

  for (const c of EHR_CASES) it(`${c.ehr}: ${c.name}`, () => expectCase(c));
});

describe('shapes, encodings and the issue’s examples', () => {
  for (const c of SHAPE_CASES) it(c.name, () => expectCase(c));
});

describe('what comes out is what the server re-check keeps', () => {
  it('is a fixed point of deidentifyPath and of deidentifyUrl on host+path', () => {
    for (const c of ALL) {
      const { host, path } = deidentifyUrl(c.url);
      expect(deidentifyPath(path), c.name).toBe(path);
      expect(deidentifyUrl(`https://${host}${path}`), c.name).toEqual({ host, path });
    }
  });
});

describe('names in paths, file names, slugs, fragments and query values', () => {
  // Each name is tried as a surname with three different given names from the same list.
  const pairs = NAMES.flatMap((surname, i) =>
    [1, 7, 31].map((step) => [surname, NAMES[(i + step) % NAMES.length] as string] as const),
  );

  it('has names of many origins', () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(300);
  });

  for (const t of NAME_TEMPLATES) {
    it(`${t.raw} → ${t.out} for every name`, () => {
      const leaks = pairs
        .map(([surname, given]) => ({ raw: fillName(t.raw, surname, given), surname, given }))
        .map((x) => ({ ...x, got: deidentifyPath(x.raw) }))
        .filter((x) => x.got !== t.out);
      expect(leaks.slice(0, 5)).toEqual([]);
    });
  }

  it('keeps no name as a segment of its own, in any case', () => {
    const kept = NAMES.flatMap((n) => [n, n.toLowerCase(), n.toUpperCase()]).filter((n) => !looksIdentifying(n));
    expect(kept).toEqual([]);
  });

  it('has no name in its vocabulary; words that are names are listed as left out', () => {
    const names = new Set(NAMES.map((n) => n.toLowerCase()));
    expect([...ROUTE_VOCAB].filter((w) => names.has(w))).toEqual([]);
    expect([...NAME_LIKE].filter((w) => ROUTE_VOCAB.has(w))).toEqual([]);
  });

  it('cannot tell a name joined to a screen word that spells a product (Power + Chart)', () => {
    // The one kind of collision left: the product's own name. It names no one on its own.
    expect(deidentifyPath('/app/PowerChart')).toBe('/app/powerchart');
  });
});

/** A small seeded generator, so a failure names the token that leaked. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('ids of every shape', () => {
  const next = random(13);
  const pick = (alphabet: string, length: number) =>
    Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  const LOWER = 'abcdefghijklmnopqrstuvwxyz';
  const B64 = `${LOWER}${LOWER.toUpperCase()}0123456789+/`;
  const B64URL = `${LOWER}${LOWER.toUpperCase()}0123456789-_`;
  const kinds: Record<string, () => string> = {
    base64: () => `${pick(B64, 4 * (2 + Math.floor(next() * 8)))}`,
    'base64 padded': () => `${pick(B64, 10)}==`,
    base64url: () => pick(B64URL, 16 + Math.floor(next() * 30)),
    jwt: () => `eyJ${pick(B64URL, 20)}.eyJ${pick(B64URL, 40)}.${pick(B64URL, 43)}`,
    hex: () => pick('0123456789abcdef', 8 + Math.floor(next() * 57)),
    guid: () => crypto.randomUUID(),
    digits: () => pick('0123456789', 3 + Math.floor(next() * 12)),
    mixed: () =>
      `${pick(LOWER.toUpperCase(), 1 + Math.floor(next() * 3))}${pick('0123456789', 4 + Math.floor(next() * 8))}`,
    'letters only': () => pick(LOWER, 5 + Math.floor(next() * 20)),
    'camel-case letters': () =>
      Array.from({ length: 3 }, () => `${pick(LOWER.toUpperCase(), 1)}${pick(LOWER, 3 + Math.floor(next() * 5))}`).join(
        '',
      ),
  };

  for (const [kind, make] of Object.entries(kinds)) {
    it(`replaces ${kind} ids with :id in paths and fragments`, () => {
      const tokens = Array.from({ length: 200 }, make);
      const leaks = tokens.filter((t) => {
        const raw = `/chart/${encodeURIComponent(t)}/summary#/orders/${encodeURIComponent(t)}`;
        return deidentifyPath(raw) !== '/chart/:id/summary#/orders/:id';
      });
      expect(leaks).toEqual([]);
    });
  }
});

describe('admins’ screens', () => {
  const system = (host: string, templates: string[], active = true): System => ({
    id: `sys-${host}`,
    host,
    name: host,
    screenQueryKeys: ['activity'],
    active,
    screens: templates.map((pathTemplate, i) => ({ id: `scr-${i}`, systemId: `sys-${host}`, pathTemplate, name: 'x' })),
  });
  const systems = [
    system('ehr.example', ['/emr/kanban/:id', '/emr/clinic?activity=zoneboard', '/emr/ward', '/emr/bad-e1234567']),
    system('other.example', ['/emr/trackboard']),
  ];

  it('keeps a word only an admin’s screen uses, on that system’s host only', () => {
    const words = screenAllowlist(systems, 'ehr.example');
    expect(deidentifyUrl('https://ehr.example/EMR/Kanban/4829113', words).path).toBe('/emr/kanban/:id');
    expect(deidentifyUrl('https://ehr.example/emr/clinic?activity=ZoneBoard', words).path).toBe(
      '/emr/clinic?activity=zoneboard',
    );
    expect(deidentifyUrl('https://ehr.example/emr/kanban').path).toBe('/emr/:id');
    expect(deidentifyUrl('https://ehr.example/emr/clinic?activity=zoneboard').path).toBe('/emr/clinic');
    // A name-like word stays out even when an admin typed it.
    expect(deidentifyUrl('https://ehr.example/emr/ward', words).path).toBe('/emr/:id');
    expect(deidentifyUrl('https://ehr.example/emr/trackboard', words).path).toBe('/emr/:id');
    expect(deidentifyUrl('https://other.example/emr/trackboard', screenAllowlist(systems, 'other.example')).path).toBe(
      '/emr/trackboard',
    );
  });

  it('takes only word-like segments from templates, and never after a subject segment', () => {
    const words = adminSegments(['/emr/bad-e1234567', '/patients/okafor', '/emr/:id', '/emr/…', '/emr/page']);
    expect([...words]).toEqual(['emr', 'patients']);
    expect(deidentifyPath('/patients/okafor', adminSegments(['/emr/okafor']))).toBe('/patients/:id');
  });

  it('names a hash-routed screen by its route, query or not', () => {
    const ecw = system('ecw.example', [
      '/mobiledoc/jsp/webemr/index.jsp#/progressnotes',
      '/mobiledoc/jsp/webemr/index.jsp',
    ]);
    ecw.screens[0] = { ...(ecw.screens[0] as System['screens'][number]), name: 'Progress notes' };
    ecw.screens[1] = { ...(ecw.screens[1] as System['screens'][number]), name: 'Home' };
    const url = 'https://ecw.example/mobiledoc/jsp/webemr/index.jsp?tab=Notes#/progressnotes/encounter/4829113';
    const screen = deidentifyUrl(url, screenAllowlist([ecw], 'ecw.example'));
    expect(screen.path).toBe('/mobiledoc/jsp/webemr/index.jsp?tab=notes#/progressnotes/encounter/:id');
    expect(nameScreen([ecw], screen)?.screen?.name).toBe('Progress notes');
    expect(nameScreen([ecw], { ...screen, path: '/mobiledoc/jsp/webemr/index.jsp' })?.screen?.name).toBe('Home');
  });
});
