import { z } from 'zod';
import { DISCIPLINE_LABELS, Discipline } from './enums';
import { hoursGivenText } from './growth';
import { IsoTime } from './ids';
import { PDSA_STAGE_LABELS, PdsaDecision, PdsaStage } from './pdsa';
import { DECISION_WORDS } from './small-tests';

/**
 * My portfolio: one person's record of growth, read only by them, for appraisal, revalidation or
 * professional-development evidence. Peer support ("need to talk") never appears in it.
 */
export const Portfolio = z.object({
  name: z.string(),
  discipline: Discipline,
  generatedAt: IsoTime,
  questions: z.array(
    z.object({
      text: z.string(),
      topicName: z.string().nullable(),
      askedAt: IsoTime,
      answered: z.boolean(),
      helpful: z.boolean().nullable(),
      /** My reflections on it: what I learnt. */
      learnt: z.array(z.string()),
    }),
  ),
  /** My named flags whose hotspot a test of change adopted or adapted. */
  flagsThatLedToChange: z.array(z.object({ text: z.string(), change: z.string(), flaggedAt: IsoTime })),
  cycles: z.array(
    z.object({
      role: z.enum(['owner', 'coach']),
      changeIdea: z.string(),
      stage: PdsaStage,
      decision: PdsaDecision.nullable(),
      result: z.string().nullable(),
      startedAt: IsoTime,
    }),
  ),
  reflections: z.array(z.object({ on: z.string(), text: z.string(), at: IsoTime })),
  /** Thanks from askers: words and topic only, never who. */
  thanksReceived: z.array(z.object({ text: z.string(), topicName: z.string().nullable(), at: IsoTime })),
  /** Mentors' side: their own counts alone. */
  mentoring: z
    .object({
      answersGiven: z.number().int(),
      markedHelpful: z.number().int(),
      publishedReads: z.number().int(),
      coachingThreads: z.number().int(),
      /** Screen tips I wrote (asked for after a training gap or not) that are still up. */
      tipsWritten: z.number().int(),
      /** An estimate at stated rates (HOURS_GIVEN_RULE), never a timer. */
      minutesGiven: z.number().int(),
    })
    .nullable(),
});
export type Portfolio = z.infer<typeof Portfolio>;

const day = (iso: string) => iso.slice(0, 10);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The portfolio as sections of plain lines: one source for the Markdown and the printable page. */
function sections(p: Portfolio): { title: string; lines: string[] }[] {
  const out: { title: string; lines: string[] }[] = [];
  if (p.mentoring) {
    const m = p.mentoring;
    out.push({
      title: 'Mentoring given',
      lines: [
        plural(m.answersGiven, 'question answered', 'questions answered'),
        plural(m.markedHelpful, 'answer the asker said helped', 'answers the askers said helped'),
        plural(m.publishedReads, 'read of my published answers', 'reads of my published answers'),
        plural(m.coachingThreads, 'improvement coaching thread', 'improvement coaching threads'),
        plural(m.tipsWritten, 'screen tip written', 'screen tips written'),
        hoursGivenText(m.minutesGiven),
      ],
    });
  }
  out.push({
    title: 'Questions I asked',
    lines: p.questions.map((q) => {
      const status = q.helpful ? 'answered, helped' : q.answered ? 'answered' : 'not answered yet';
      const learnt = q.learnt.length ? ` What I learnt: ${q.learnt.join(' ')}` : '';
      return `${day(q.askedAt)}${q.topicName ? ` (${q.topicName})` : ''}: ${q.text} [${status}]${learnt}`;
    }),
  });
  out.push({
    title: 'Flags that led to change',
    lines: p.flagsThatLedToChange.map((f) => `${day(f.flaggedAt)}: ${f.text} → ${f.change}`),
  });
  out.push({
    title: 'Small tests of change',
    lines: p.cycles.map((c) => {
      const where = c.decision
        ? `${DECISION_WORDS[c.decision]}${c.result ? `: ${c.result}` : ''}`
        : PDSA_STAGE_LABELS[c.stage];
      return `${day(c.startedAt)} (${c.role === 'owner' ? 'owner' : 'coach'}): ${c.changeIdea} [${where}]`;
    }),
  });
  out.push({ title: 'Reflections', lines: p.reflections.map((r) => `${day(r.at)}, on “${r.on}”: ${r.text}`) });
  out.push({
    title: 'Thanks received',
    lines: p.thanksReceived.map((t) => `${day(t.at)}${t.topicName ? ` (${t.topicName})` : ''}: “${t.text}”`),
  });
  return out;
}

const heading = (p: Portfolio) => `${p.name}, ${DISCIPLINE_LABELS[p.discipline]}: Curbside portfolio`;

// Markdown has no safe way to quote arbitrary text inline: its punctuation is escaped instead.
const md = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);

export function portfolioMarkdown(p: Portfolio): string {
  const body = sections(p).flatMap((s) => [
    `## ${s.title}`,
    '',
    ...(s.lines.length ? s.lines.map((l) => `- ${md(l)}`) : ['_None yet._']),
    '',
  ]);
  return [`# ${md(heading(p))}`, '', `Generated ${day(p.generatedAt)}.`, '', ...body].join('\n');
}

const html = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** A self-contained page to print or save as PDF: every text escaped, no script, no remote resource. */
export function portfolioHtml(p: Portfolio): string {
  const body = sections(p)
    .map(
      (s) =>
        `<h2>${html(s.title)}</h2>${
          s.lines.length ? `<ul>${s.lines.map((l) => `<li>${html(l)}</li>`).join('')}</ul>` : '<p>None yet.</p>'
        }`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${html(heading(p))}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#111}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem;border-bottom:1px solid #ccc}
@media print{body{margin:0}}</style></head><body><h1>${html(heading(p))}</h1>
<p>Generated ${html(day(p.generatedAt))}.</p>
${body}
</body></html>`;
}
