// The SLA clock stops while a question waits for the asker's reply: the queue and programme health
// read the same pauses the same way.

export interface Pause {
  from: number;
  to?: number | null;
}

/** Waits for the asker: from each clarifying question to the reply that follows it. */
export function pausesFrom(messages: Array<{ kind: string; at: number }>): Pause[] {
  const pauses: Pause[] = [];
  let open: Pause | null = null;
  for (const m of [...messages].sort((a, b) => a.at - b.at)) {
    if (m.kind === 'clarification' && !open) {
      open = { from: m.at };
      pauses.push(open);
    } else if (m.kind === 'reply' && open) {
      open.to = m.at;
      open = null;
    }
  }
  return pauses;
}

/**
 * Each question's clarification messages and replies, as a JSON column of the statement reading
 * questions `q` (one round trip, not two); null when it has none.
 */
export const MESSAGES_COLUMN = `(SELECT json_group_array(json_object('kind', m.kind, 'at', m.created_at))
  FROM question_messages m WHERE m.question_id = q.id) AS messages`;

export function pausesOf(messages: string | null): Pause[] {
  if (!messages) return [];
  const list = JSON.parse(messages) as Array<{ kind: string; at: number }>;
  return list.length === 0 ? [] : pausesFrom(list);
}
