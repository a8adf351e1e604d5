import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { portfolioRows } from '../db/portfolio';
import { mentorImpact } from '../db/recognition';
import { listOwnReflections } from '../db/reflections';
import type { AppEnv } from '../env';
import { now, toIso } from '../lib/clock';
import { requireAuth } from '../lib/require-auth';
import { register } from './register';

/** My portfolio: my own record, read by me alone (no route takes another person's id). */
export const portfolioRoutes = new OpenAPIHono<AppEnv>();

register(portfolioRoutes, endpoints.myPortfolio, async (c) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const isMentor = user.roles.includes('mentor');
  const [rows, reflections, impact] = await Promise.all([
    portfolioRows(db, user.id),
    listOwnReflections(db, user.id),
    isMentor ? mentorImpact(db, user.id) : Promise.resolve(null),
  ]);
  const learnt = (id: string) =>
    reflections.filter((r) => r.subjectKind === 'question' && r.subjectId === id).map((r) => r.text);
  return {
    name: user.displayName,
    discipline: user.discipline,
    generatedAt: toIso(now()),
    questions: rows.questions.map(({ id, ...q }) => ({ ...q, learnt: learnt(id) })),
    flagsThatLedToChange: rows.flagsThatLedToChange,
    cycles: rows.cycles,
    reflections: reflections.map((r) => ({ on: r.subjectText, text: r.text, at: r.createdAt })),
    thanksReceived: (impact?.thanks ?? []).map((t) => ({ text: t.text, topicName: t.topicName, at: t.createdAt })),
    mentoring: impact && {
      answersGiven: impact.answersGiven,
      markedHelpful: impact.markedHelpful,
      publishedReads: impact.publishedReads,
      coachingThreads: impact.coachingThreads,
      tipsWritten: impact.tipsWritten,
      minutesGiven: impact.minutesGiven,
    },
  };
});
