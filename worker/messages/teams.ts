import { AdaptiveCard, Fact, FactSet, OpenUrlAction, RichTextBlock, TextBlock, TextRun } from '@microsoft/teams.cards';
import type { MessageContent } from './types';

/**
 * What a Teams Workflows webhook ("Post to a channel when a webhook request is received") takes: a
 * message with one Adaptive Card attachment. Version 1.5 is the newest Teams renders in channels.
 */
export function teamsBody(content: MessageContent) {
  const card = new AdaptiveCard(
    new TextBlock(content.title, { size: 'Large', weight: 'Bolder', wrap: true }),
    new TextBlock(content.subtitle, { isSubtle: true, spacing: 'None', wrap: true }),
    new FactSet(...content.facts.map((f) => new Fact(f.title, f.value))),
  ).withVersion('1.5');
  if (content.listTitle !== null) {
    card.body.push(new TextBlock(content.listTitle, { weight: 'Bolder', wrap: true }));
    // A TextRun is never read as markdown: a title or question cannot turn into a link or heading.
    for (const item of content.list.slice(0, 10)) {
      card.body.push(new RichTextBlock({ inlines: [new TextRun(`• ${item}`)] }));
    }
  }
  if (content.link) card.withActions(new OpenUrlAction(content.link.url, { title: content.link.label }));
  card.withFallbackText(content.title);
  return {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }],
  };
}
