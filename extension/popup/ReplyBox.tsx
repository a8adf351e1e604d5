import { PromptBox } from './PromptBox';
import { usePopup } from './state';

const REPLY_MAX = 1500;

/** The asker's answer to a clarifying question; kept as a draft until sent, checked like any typed text. */
export function ReplyBox({ questionId }: { questionId: string }) {
  const app = usePopup();
  // The reply drafts' own saver: typing again clears the last "Reply sent." line.
  return (
    <PromptBox
      draftKey={questionId}
      id={`reply-${questionId}`}
      label="Your reply"
      max={REPLY_MAX}
      submitLabel="Reply"
      emptyMessage="Please write your reply."
      drafts={{ load: app.replyDrafts, save: app.saveReplyDraft }}
      onSend={(text, confirmed) => app.reply(questionId, text, confirmed)}
    />
  );
}
