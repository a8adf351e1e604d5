// Local stand-ins for the three places digests go, on a loopback port the worker tests post to:
// a Teams Workflows webhook, a Slack incoming webhook and Mailgun's MIME endpoint. Each checks what it
// got with a real parser (adaptivecards for the card, postal-mime for the e-mail; Block Kit's rules as
// Slack documents them) and keeps a record the tests read back at GET /received/<name>.
//   POST /<teams|slack|mail>/<mode>/<name>   mode: ok (2xx), fail (500 always), flaky (500 once, then 2xx)
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import PostalMime from 'postal-mime';

const require = createRequire(import.meta.url);
// The UMD build: the package's ESM files import without extensions, which Node cannot resolve.
const AC = require('adaptivecards/dist/adaptivecards.min.js');

export const MAILGUN_KEY = 'key-test-0123456789';

/** Adaptive Card parse: the events the SDK raises (unknown element or action types, bad values). */
function parseCard(json) {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const events = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i).message);
  const validation = card.validateProperties();
  for (const e of validation.validationEvents ?? []) events.push(e.message);
  const texts = [];
  const walk = (el) => {
    if (!el) return;
    if (el.getJsonTypeName?.() === 'TextBlock') texts.push(el.text);
    if (el.getJsonTypeName?.() === 'RichTextBlock') {
      for (let i = 0; i < el.getInlineCount(); i++) texts.push(el.getInlineAt(i).text);
    }
    if (el.getJsonTypeName?.() === 'FactSet') for (const f of el.facts) texts.push(`${f.name}: ${f.value}`);
    if (el.getJsonTypeName?.() !== 'RichTextBlock')
      for (let i = 0; i < (el.getItemCount?.() ?? 0); i++) walk(el.getItemAt(i));
  };
  walk(card);
  const actions = [];
  for (let i = 0; i < card.getActionCount(); i++) {
    const a = card.getActionAt(i);
    actions.push({ type: a.getJsonTypeName(), title: a.title, url: a.url });
  }
  return { version: card.version?.toString(), events, texts, actions };
}

const SLACK_BLOCKS = new Set(['header', 'section', 'context', 'actions', 'divider']);

/** Block Kit's documented limits for the blocks Curbside uses; returns what breaks them. */
function checkBlockKit(body) {
  const problems = [];
  if (typeof body.text !== 'string' || body.text.length === 0) problems.push('no fallback text');
  if (!Array.isArray(body.blocks) || body.blocks.length === 0 || body.blocks.length > 50) problems.push('blocks');
  const textObject = (t, where) => {
    if (!t || !['plain_text', 'mrkdwn'].includes(t.type) || typeof t.text !== 'string' || t.text.length === 0)
      problems.push(`${where}: bad text object`);
  };
  for (const [i, b] of (body.blocks ?? []).entries()) {
    if (!SLACK_BLOCKS.has(b.type)) problems.push(`${i}: unknown block ${b.type}`);
    if (b.type === 'header') {
      textObject(b.text, `${i}.text`);
      if (b.text?.type !== 'plain_text' || b.text.text.length > 150) problems.push(`${i}: header`);
    }
    if (b.type === 'section') {
      if (!b.text && !b.fields) problems.push(`${i}: empty section`);
      if (b.text) textObject(b.text, `${i}.text`);
      if (b.fields && (b.fields.length > 10 || b.fields.some((f) => f.text.length > 2000)))
        problems.push(`${i}: fields`);
      for (const f of b.fields ?? []) textObject(f, `${i}.field`);
    }
    if (b.type === 'context') for (const e of b.elements ?? []) textObject(e, `${i}.element`);
    if (b.type === 'actions') {
      for (const e of b.elements ?? []) {
        if (e.type !== 'button') problems.push(`${i}: element ${e.type}`);
        textObject(e.text, `${i}.button`);
        if (e.url && !/^https?:\/\//.test(e.url)) problems.push(`${i}: url`);
      }
    }
  }
  const texts = (body.blocks ?? []).flatMap((b) => [
    b.text?.text,
    ...(b.fields ?? []).map((f) => f.text),
    ...(b.elements ?? []).map((e) => e.text?.text ?? e.text),
  ]);
  const buttons = (body.blocks ?? []).flatMap((b) => (b.elements ?? []).filter((e) => e.type === 'button'));
  return { problems, texts: texts.filter((t) => typeof t === 'string'), buttons: buttons.map((e) => e.url) };
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export async function startDigestReceiver() {
  const received = new Map();
  const seen = new Set();
  const record = (name, entry) => {
    if (!received.has(name)) received.set(name, []);
    received.get(name).push(entry);
  };
  const server = createServer(async (req, res) => {
    const [, platform, mode, name] = (req.url ?? '').split('/');
    if (req.method === 'GET' && platform === 'received') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(received.get(mode) ?? []));
      return;
    }
    const raw = await readBody(req);
    const failNow = mode === 'fail' || (mode === 'flaky' && !seen.has(`${platform}/${name}`));
    seen.add(`${platform}/${name}`);
    const entry = { platform, mode, failed: failNow, contentType: req.headers['content-type'] ?? '' };
    try {
      if (platform === 'teams') {
        const body = JSON.parse(raw.toString('utf8'));
        const attachment = body.attachments?.[0];
        entry.envelope = {
          type: body.type,
          attachments: body.attachments?.length,
          contentType: attachment?.contentType,
        };
        entry.card = parseCard(attachment?.content);
      } else if (platform === 'slack') {
        entry.slack = checkBlockKit(JSON.parse(raw.toString('utf8')));
      } else if (platform === 'mail') {
        entry.authorized =
          req.headers.authorization === `Basic ${Buffer.from(`api:${MAILGUN_KEY}`).toString('base64')}`;
        const form = await new Request('http://receiver/', {
          method: 'POST',
          headers: { 'content-type': req.headers['content-type'] ?? '' },
          body: raw,
        }).formData();
        entry.to = form.getAll('to');
        const mime = await form.get('message').text();
        const email = await PostalMime.parse(mime);
        entry.email = {
          subject: email.subject,
          from: email.from?.address,
          to: (email.to ?? []).map((a) => a.address),
          messageId: email.messageId,
          text: email.text,
          html: email.html,
        };
      } else {
        res.statusCode = 404;
        res.end();
        return;
      }
    } catch (e) {
      entry.parseError = String(e);
    }
    record(name, entry);
    res.statusCode = failNow ? 500 : platform === 'teams' ? 202 : 200;
    res.end(failNow ? 'receiver set to fail' : 'ok');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

export default async function setup(project) {
  const receiver = await startDigestReceiver();
  project.provide('digestReceiver', receiver.url);
  project.provide('mailgunKey', MAILGUN_KEY);
  return receiver.close;
}
