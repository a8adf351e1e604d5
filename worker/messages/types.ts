/**
 * What crosses the service binding to curbside-sender (worker/sender.ts): where a message goes and what
 * it says. Plain data, so Workers RPC carries it as is; types only, so the API's bundle gains nothing.
 */

/**
 * A channel's secret: a webhook address is a credential (anyone holding it can post), and so is a mail
 * provider's key. Kept server-side (services/channels.ts) and handed to the sender only to send.
 */
export type ChannelSecret =
  | { kind: 'teams'; url: string }
  | { kind: 'slack'; url: string }
  | {
      kind: 'email';
      to: string[];
      from: string;
      via: 'cloudflare' | 'mailgun';
      apiUrl: string | null;
      apiKey: string | null;
    };

/**
 * One message as every platform shows it: a title, facts, an optional list and a link. Each builder
 * (slack.ts, teams.ts, email.ts) renders this with its platform's own types, so the three say the same.
 */
export interface MessageContent {
  title: string;
  /** One line under the title: whose digest, which week. */
  subtitle: string;
  facts: { title: string; value: string }[];
  listTitle: string | null;
  list: string[];
  link: { label: string; url: string } | null;
}

/** What one attempt gave: null when it was delivered, else a status code or an error's kind. */
export type SendOutcome = string | null;
