// Renders result rows as a terminal table and as bench/results.md.

/** Numbers read at a glance: 3 significant digits below 100, whole numbers above. */
export function fmtNumber(n) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return String(n ?? '');
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs >= 100) return Math.round(n).toLocaleString('en-US');
  if (abs >= 1) return String(Number(n.toPrecision(3)));
  return String(Number(n.toPrecision(3)));
}

const withUnit = (value, unit) => {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value !== 'number') return String(value);
  return unit ? `${fmtNumber(value)} ${unit}` : fmtNumber(value);
};

function cells(r) {
  return {
    section: r.section,
    name: r.name,
    figure: withUnit(r.figure, r.unit),
    baseline: withUnit(r.baseline, r.baselineUnit),
    ratio: typeof r.ratio === 'number' ? `${fmtNumber(r.ratio)}×` : '',
    goal: r.goal ?? '',
    pass: r.pass === true ? 'yes' : r.pass === false ? 'NO' : '',
  };
}

const COLUMNS = ['section', 'name', 'figure', 'baseline', 'ratio', 'goal', 'pass'];

export function renderTable(rows) {
  const data = rows.map(cells);
  const width = Object.fromEntries(
    COLUMNS.map((c) => [c, Math.max(c.length, ...data.map((d) => [...String(d[c])].length))]),
  );
  const pad = (s, w) => s + ' '.repeat(Math.max(0, w - [...s].length));
  const line = (d) => COLUMNS.map((c) => pad(String(d[c]), width[c])).join('  ');
  const header = line(Object.fromEntries(COLUMNS.map((c) => [c, c])));
  return [header, COLUMNS.map((c) => '─'.repeat(width[c])).join('  '), ...data.map(line)].join('\n');
}

const md = (s) => String(s).replaceAll('|', '\\|').replaceAll('\n', ' ');

export function renderMarkdown(result) {
  const { machine, rows, notes, durationS, sections } = result;
  const out = [];
  out.push('# Curbside benchmark results', '');
  out.push(
    `Measured by \`npm run bench\` on ${machine.date.slice(0, 10)}: ${machine.nproc} cores (\`nproc\`), ` +
      `${machine.memoryGiB} GiB memory, Node ${machine.node}, ${machine.platform}, ${machine.cpu}. ` +
      `The whole run took ${durationS} s (${sections.map((s) => `${s.section} ${s.seconds} s`).join(', ')}).`,
  );
  out.push('');
  out.push(
    'Timings on a shared machine are noisy, so each timing sits beside a baseline measured in the same run; ' +
      'ratio = figure ÷ baseline. Sizes and counts need no baseline.',
  );
  out.push('');
  out.push('| section | measure | figure | baseline | ratio | goal | pass |');
  out.push('|---|---|---:|---:|---:|---|---|');
  for (const r of rows) {
    const c = cells(r);
    out.push(
      `| ${md(c.section)} | ${md(c.name)} | ${md(c.figure)} | ${md(c.baseline)} | ${md(c.ratio)} | ${md(c.goal)} | ${c.pass === 'NO' ? '**no**' : c.pass} |`,
    );
  }
  const withNotes = rows.filter((r) => r.note);
  if (withNotes.length) {
    out.push('', '## Row notes', '');
    for (const r of withNotes) out.push(`- **${md(r.section)} · ${md(r.name)}**: ${md(r.note)}`);
  }
  const bySection = new Map();
  for (const n of notes) bySection.set(n.section, [...(bySection.get(n.section) ?? []), n.text]);
  for (const [section, texts] of bySection) {
    out.push('', `## ${section}`, '');
    out.push(...texts.flatMap((t) => [t, '']));
    out.pop();
  }
  out.push('');
  return out.join('\n');
}
