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

export function pausesOf(messages: string | null): Pause[] {
  if (!messages) return [];
  const list = JSON.parse(messages) as Array<{ kind: string; at: number }>;
  return list.length === 0 ? [] : pausesFrom(list);
}
