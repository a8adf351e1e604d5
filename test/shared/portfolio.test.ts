import { describe, expect, it } from 'vitest';
import { hoursGivenText, minutesGiven } from '../../shared/growth';
import { type Portfolio, portfolioHtml, portfolioMarkdown } from '../../shared/portfolio';

const P: Portfolio = {
  name: 'Nia <b>Nurse</b>',
  discipline: 'nursing',
  generatedAt: '2026-02-01T10:00:00.000Z',
  questions: [
    {
      text: 'Where is the *sliding-scale* set?',
      topicName: 'Medications',
      askedAt: '2026-01-04T10:00:00.000Z',
      answered: true,
      helpful: true,
      learnt: ['Favourites first'],
    },
  ],
  flagsThatLedToChange: [],
  cycles: [
    {
      role: 'owner',
      changeIdea: 'Longer timeout',
      stage: 'act',
      decision: 'adopt',
      result: 'stops lost orders',
      startedAt: '2026-01-05T10:00:00.000Z',
    },
  ],
  reflections: [],
  thanksReceived: [],
  mentoring: null,
};

describe('portfolio exports', () => {
  it('writes Markdown in words, with typed punctuation escaped and empty sections said so', () => {
    const md = portfolioMarkdown(P);
    expect(md).toContain('# Nia <b>Nurse</b>, Nursing: Curbside portfolio'.replace(/[<>]/g, (c) => `\\${c}`));
    expect(md).toContain('Where is the \\*sliding\\-scale\\* set?');
    expect(md).toContain('What I learnt: Favourites first');
    expect(md).toContain('Adopted: stops lost orders');
    expect(md).toContain('## Flags that led to change\n\n_None yet._');
    expect(md).not.toContain('Mentoring given');
  });

  it('writes a self-contained printable page with every text escaped and nothing that runs', () => {
    const page = portfolioHtml({
      ...P,
      reflections: [{ on: 'x', text: '<script>alert(1)</script>', at: P.generatedAt }],
    });
    expect(page).toContain('Nia &lt;b&gt;Nurse&lt;/b&gt;');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain("default-src 'none'");
  });

  it('gives a mentor’s hours as an estimate at stated rates, with the rule beside the figure', () => {
    const m = { answersGiven: 7, markedHelpful: 3, publishedReads: 40, coachingThreads: 1, tipsWritten: 3 };
    expect(minutesGiven(m)).toBe(7 * 15 + 3 * 5 + 30);
    const withMentoring = { ...P, mentoring: { ...m, minutesGiven: minutesGiven(m) } };
    const md = portfolioMarkdown(withMentoring);
    expect(md).toContain('3 screen tips written');
    expect(md).toContain('2\\.5 hours given \\(an estimate, not a timer: 15 minutes for each question answered');
    const page = portfolioHtml(withMentoring);
    expect(page).toContain('<li>2.5 hours given (an estimate, not a timer');
    expect(page).toContain('<li>3 screen tips written</li>');
    expect(hoursGivenText(15)).toMatch(/^0\.25 hours given/);
    expect(hoursGivenText(60)).toMatch(/^1 hour given/);
  });
});
