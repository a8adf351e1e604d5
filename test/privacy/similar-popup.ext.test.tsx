// The popup's side of "similar flags" (issue 13 §6): a draft with too few distinctive words (once
// identifiers are redacted) is never sent, and suggestions come back without a score.
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionItem } from '../../extension/lib/storage';
import { json, mockManifest, SESSION } from '../extension/helpers';
import { fakeServer, renderPopup } from '../extension/popup/fixtures';

/** Longer than the popup's pause before asking (700 ms). */
const settle = () => new Promise((r) => setTimeout(r, 1_000));

const suggestion = {
  id: 'hotspot_0001',
  path: '/medrec/:id',
  category: 'documentation_ehr',
  title: 'Med rec times out',
  status: 'acknowledged',
  response: null,
  respondedAt: null,
  reporterCount: 4,
  harm: false,
  cycles: [],
};

beforeEach(async () => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
  await sessionItem.setValue(SESSION);
});
afterEach(cleanup);

describe('similar flags in the popup', () => {
  it('asks only with enough distinctive words left after redaction, and shows what comes back', async () => {
    const server = fakeServer({
      'GET /v1/hotspots/by-system': () => json(200, { hotspots: [] }),
      'POST /v1/flags/similar': () => json(200, { hotspots: [suggestion] }),
    });
    await renderPopup(server);
    fireEvent.click(await screen.findByRole('button', { name: 'Flag friction' }));
    const field = await screen.findByLabelText('What got in the way?');
    const type = (value: string) => fireEvent.input(field, { target: { value } });

    // Long enough in characters, but two words: a probe, not a description.
    type('reconciliation timeout');
    await settle();
    // Three words typed, but one is a name: two are left once it is redacted.
    type('John reconciliation timeout');
    await settle();
    expect(server.routes('POST /v1/flags/similar')).toEqual([]);

    type('John says med rec reconciliation times out');
    await screen.findByText('Similar flags on this system:');
    const sent = server.routes('POST /v1/flags/similar');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toEqual({ host: 'ehr.example.org', text: '[NAME] says med rec reconciliation times out' });
    const list = within(screen.getByRole('region', { name: 'Already flagged' }));
    expect(list.getByText('Med rec times out')).toBeTruthy();
  });
});
