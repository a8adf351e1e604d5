import { PromptBox } from './PromptBox';
import { usePopup } from './state';

/**
 * "Help me shape this" under one of my named flags: an improvement coach helps frame it as a problem
 * worth a small test. Once asked, the thread is a question in My items.
 */
export function ShapeThis({ flagId }: { flagId: string }) {
  const app = usePopup();
  const growth = app.growth.value;
  if (!growth) return null;
  if (growth.coaching.some((c) => c.flag.id === flagId)) {
    return <p class="muted">You asked a coach to help shape this: the thread is in My items.</p>;
  }
  return (
    <details class="growth">
      <summary>Help me shape this</summary>
      <PromptBox
        draftKey={`coaching:${flagId}`}
        label="What would you like help with?"
        hint="An improvement coach helps you frame it as a problem, and find the smallest test worth trying."
        max={1500}
        submitLabel="Ask a coach"
        onSend={(text, confirmed) => app.askCoaching(flagId, text, confirmed)}
      />
    </details>
  );
}
