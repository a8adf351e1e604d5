import { useState } from 'preact/hooks';
import { DISCIPLINE_LABELS, Discipline } from '../../shared/enums';
import type { QueueItemDetail } from '../../shared/mentoring';
import { CheckedTextField } from '../ui/CheckedTextField';
import { SelectField } from '../ui/SelectField';
import { SendAnyway } from '../ui/SendAnyway';
import { useIdentifierGate } from '../ui/useIdentifierGate';
import { useInbox } from './state';

/** Hand a claimed question to another topic, another discipline or a named colleague, with a note for them. */
export function HandOffForm({ item, onDone }: { item: QueueItemDetail; onDone: () => void }) {
  const inbox = useInbox();
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const peer = item.kind === 'need_to_talk';
  const people = inbox.mentors.value.filter((m) => (peer ? m.peerSupporter : m.mentor) && !m.away);
  const options = [
    ...(peer
      ? []
      : inbox.topics.value
          .filter((t) => t.id !== item.topicId)
          .map((t) => ({ value: `topic:${t.id}`, label: `Topic: ${t.name}` }))),
    // Any mentor of that discipline (within the question's topic) may take it.
    ...(peer
      ? []
      : Discipline.options
          .filter((d) => d !== item.disciplineWanted)
          .map((d) => ({ value: `discipline:${d}`, label: `Discipline: ${DISCIPLINE_LABELS[d]}` }))),
    ...people.map((m) => ({ value: `mentor:${m.id}`, label: m.displayName })),
  ];
  const gate = useIdentifierGate(
    async (confirmed) => {
      const [kind, id] = target.split(':');
      const text = note.trim();
      const choice =
        kind === 'topic'
          ? { topicId: id, note: text }
          : kind === 'discipline'
            ? { disciplineWanted: Discipline.parse(id), note: text }
            : { mentorId: id, note: text };
      if (await inbox.handOff(item.id, choice, confirmed)) onDone();
    },
    ([redacted = '']) => setNote(redacted),
  );
  return (
    <form
      class="handoff"
      aria-label="Hand off"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (target && note.trim()) gate.check(inbox.detector.value, [note]);
      }}
    >
      <SelectField
        id="handoff-target"
        label="Hand to"
        value={target}
        options={options}
        placeholder="Choose…"
        onChange={setTarget}
      />
      <CheckedTextField
        id="handoff-note"
        label="Note for them"
        value={note}
        maxLength={500}
        rows={2}
        detector={inbox.detector.value}
        onInput={(v) => {
          gate.cancel();
          setNote(v);
        }}
      />
      {gate.pending && <SendAnyway gate={gate} />}
      <button type="submit" disabled={!target || !note.trim() || inbox.busy.value}>
        {inbox.busy.value ? 'Handing off…' : 'Hand off'}
      </button>
    </form>
  );
}
