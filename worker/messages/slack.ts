import type { ActionsBlock, ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import type { MessageContent } from './types';

/** An incoming-webhook body: Block Kit blocks and the plain `text` Slack shows in notifications. */
export interface SlackWebhookBody {
  text: string;
  blocks: KnownBlock[];
}

// Slack caps a section field at 2,000 characters and a header at 150.
const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function slackBody(content: MessageContent): SlackWebhookBody {
  const header: HeaderBlock = { type: 'header', text: { type: 'plain_text', text: cut(content.title, 150) } };
  const context: ContextBlock = { type: 'context', elements: [{ type: 'plain_text', text: content.subtitle }] };
  // Plain text throughout: nothing a label holds is read as markup or a mention.
  const facts: SectionBlock = {
    type: 'section',
    fields: content.facts.map((f) => ({ type: 'plain_text', text: cut(`${f.title}: ${f.value}`, 2000) })),
  };
  const blocks: KnownBlock[] = [header, context, facts];
  if (content.listTitle !== null) {
    blocks.push({ type: 'section', text: { type: 'plain_text', text: content.listTitle } } satisfies SectionBlock);
    for (const item of content.list.slice(0, 10)) {
      blocks.push({ type: 'section', text: { type: 'plain_text', text: cut(item, 2000) } } satisfies SectionBlock);
    }
  }
  if (content.link) {
    const actions: ActionsBlock = {
      type: 'actions',
      elements: [{ type: 'button', text: { type: 'plain_text', text: content.link.label }, url: content.link.url }],
    };
    blocks.push(actions);
  }
  return { text: content.title, blocks };
}
