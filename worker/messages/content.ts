import type { OutgoingMessage } from '../../shared/digests';
import { DISCIPLINE_LABELS, URGENCY_LABELS } from '../../shared/enums';
import { FLAG_STATUS_LABELS } from '../../shared/flags';
import type { MessageContent } from './types';

export type { MessageContent } from './types';

const day = (iso: string) => iso.slice(0, 10);

/** The platform-neutral content of a queued message, built in the API; the sender renders it per platform. */
export function contentOf(message: OutgoingMessage): MessageContent {
  if (message.kind === 'urgent') {
    const a = message.alert;
    return {
      title: 'Urgent question waiting for a mentor',
      subtitle: `${message.organisation} · asked ${a.at.slice(0, 16).replace('T', ' ')} UTC`,
      facts: [
        { title: 'Topic', value: a.topic },
        { title: 'Discipline', value: a.discipline === 'any' ? 'Any' : DISCIPLINE_LABELS[a.discipline] },
        { title: 'Answer by', value: URGENCY_LABELS[a.urgency] },
      ],
      listTitle: a.text === null ? null : 'Question',
      list: a.text === null ? [] : [a.text],
      link: message.link ? { label: 'Open in the mentor inbox', url: message.link } : null,
    };
  }
  const d = message.digest;
  const subtitle = `${message.organisation} · ${day(d.from)} to ${day(d.to)}`;
  const link = message.link ? { label: 'Open Curbside', url: message.link } : null;
  if (d.role === 'lead') {
    return {
      title: 'Weekly digest for leads',
      subtitle,
      facts: [
        { title: 'Loops closed', value: String(d.loopsClosed) },
        { title: 'PDSA cycles due a next step', value: String(d.cyclesDue) },
      ],
      listTitle: d.topHotspots.length > 0 ? 'Top hotspots (reported minutes lost per week)' : null,
      list: d.topHotspots.map(
        (h) => `${h.label}: ${h.minutesPerWeek} min/week, ${h.flags} flags, ${FLAG_STATUS_LABELS[h.status]}`,
      ),
      link,
    };
  }
  if (d.role === 'mentor') {
    return {
      title: 'Weekly digest for mentors',
      subtitle,
      facts: [
        { title: 'Questions waiting', value: String(d.openQuestions) },
        { title: 'Urgent among them', value: String(d.urgentOpen) },
        { title: 'Questions answered', value: String(d.answered) },
        { title: '"This helped" on them', value: String(d.thanks) },
        { title: 'Published answers read', value: String(d.answersRead) },
      ],
      listTitle: null,
      list: [],
      link,
    };
  }
  return {
    title: 'What changed on your flags',
    subtitle,
    facts: [{ title: 'Changes', value: String(d.changes.length) }],
    listTitle: null,
    list: d.changes.map((c) => `${c.label}: ${FLAG_STATUS_LABELS[c.status]}`),
    link,
  };
}
