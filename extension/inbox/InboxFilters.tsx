import { URGENCY_LABELS, type Urgency } from '../../shared/enums';
import type { QueueFilter } from '../../shared/mentoring';
import { optionsFrom, SelectField } from '../ui/SelectField';
import { useInbox } from './state';

const FILTER_LABELS: Record<QueueFilter, string> = { all: 'All I can take', unclaimed: 'Unclaimed', mine: 'Mine' };

export function InboxFilters() {
  const inbox = useInbox();
  const filters = inbox.filters.value;
  return (
    <fieldset class="filters">
      <legend>Filter</legend>
      <SelectField
        id="inbox-filter"
        label="Show"
        value={filters.filter}
        options={optionsFrom(FILTER_LABELS)}
        onChange={(v) => void inbox.setFilters({ filter: v as QueueFilter })}
      />
      <SelectField
        id="inbox-topic"
        label="Topic"
        value={filters.topicId ?? ''}
        options={[
          { value: '', label: 'Any topic' },
          ...inbox.topics.value.map((t) => ({ value: t.id, label: t.name })),
        ]}
        onChange={(topicId) => void inbox.setFilters({ topicId: topicId || undefined })}
      />
      <SelectField
        id="inbox-urgency"
        label="Urgency"
        value={filters.urgency ?? ''}
        options={[{ value: '', label: 'Any urgency' }, ...optionsFrom(URGENCY_LABELS)]}
        onChange={(v) => void inbox.setFilters({ urgency: v ? (v as Urgency) : undefined })}
      />
      <button type="button" onClick={() => void inbox.refresh()} disabled={inbox.busy.value}>
        Refresh
      </button>
    </fieldset>
  );
}
