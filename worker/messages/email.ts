import { createMimeMessage } from 'mimetext/browser';
import type { MessageContent } from './types';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The message as MIME (plain text and HTML alternatives), built with mimetext as Cloudflare's Email
 * Workers guide does; the same bytes go to the `send_email` binding or to Mailgun's MIME endpoint.
 */
export function emailRaw(content: MessageContent, from: string, to: string[]): string {
  const msg = createMimeMessage();
  msg.setSender({ name: 'Curbside', addr: from });
  msg.setRecipient(to);
  msg.setSubject(`${content.title} · ${content.subtitle}`);
  const lines = [
    content.subtitle,
    '',
    ...content.facts.map((f) => `${f.title}: ${f.value}`),
    ...(content.listTitle === null ? [] : ['', `${content.listTitle}:`, ...content.list.map((i) => `- ${i}`)]),
    ...(content.link ? ['', `${content.link.label}: ${content.link.url}`] : []),
  ];
  msg.addMessage({ contentType: 'text/plain', data: lines.join('\n') });
  const html = [
    `<h1>${escapeHtml(content.title)}</h1>`,
    `<p>${escapeHtml(content.subtitle)}</p>`,
    `<table>${content.facts.map((f) => `<tr><th align="left">${escapeHtml(f.title)}</th><td>${escapeHtml(f.value)}</td></tr>`).join('')}</table>`,
    content.listTitle === null
      ? ''
      : `<h2>${escapeHtml(content.listTitle)}</h2><ul>${content.list.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`,
    content.link ? `<p><a href="${escapeHtml(content.link.url)}">${escapeHtml(content.link.label)}</a></p>` : '',
  ].join('');
  msg.addMessage({ contentType: 'text/html', data: html });
  return msg.asRaw();
}
