// Issue 13 §5 in the popup: the flag form pre-filled the sender's own unit even on anonymous flags,
// so a small unit named the sender. Anonymous flags now carry no unit unless the sender picks one,
// and picking one the server marks small (fewer active people than k) shows a warning.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionItem } from '../../extension/lib/storage';
import type { FlagCreate } from '../../shared/flags';
import { flagResponse, json, mockManifest, SESSION } from '../extension/helpers';
import { fakeServer, renderPopup } from '../extension/popup/fixtures';

const UNITS = [
  { id: 'unit_icu001', name: 'ICU', active: true, small: false },
  { id: 'unit_burns1', name: 'Burns', active: true, small: true },
];

function server() {
  return fakeServer({
    'GET /v1/units': () => json(200, { units: UNITS }),
    'POST /v1/flags': (body) => json(201, flagResponse(body as FlagCreate)),
  });
}

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const unit = () => screen.getByLabelText('Unit') as HTMLSelectElement;
const WARNING = /Few people work in Burns/;

async function openFlagForm(api: ReturnType<typeof server>) {
  await renderPopup(api);
  fireEvent.click(screen.getByRole('button', { name: 'Flag friction' }));
  await screen.findByLabelText('What got in the way?');
  await waitFor(() => expect(screen.getByRole('option', { name: 'Burns' })).toBeTruthy());
  type('What got in the way?', 'The pump library is out of date');
  type('Minutes lost each time', '5');
}

async function sent(api: ReturnType<typeof server>): Promise<FlagCreate> {
  fireEvent.click(screen.getByRole('button', { name: 'Send flag' }));
  await waitFor(() => expect(api.routes('POST /v1/flags')).toHaveLength(1));
  return api.routes('POST /v1/flags')[0]?.body as FlagCreate;
}

// The popup loads its services and forms lazily; loaded once here, so no test pays the first
// import (seconds on a loaded machine) inside a one-second wait.
beforeAll(async () => {
  await Promise.all([import('../../extension/popup/state/services'), import('../../extension/popup/FlagForm')]);
});

beforeEach(async () => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
  await sessionItem.setValue(SESSION);
});
afterEach(cleanup);

describe('the unit on an anonymous flag', () => {
  it('is not the sender’s own unless they pick it', async () => {
    const api = server();
    await openFlagForm(api);
    expect(unit().value).toBe('unit_icu001');
    fireEvent.click(screen.getByLabelText('Send anonymously'));
    await waitFor(() => expect(unit().value).toBe(''));
    const body = await sent(api);
    expect(body.anonymous).toBe(true);
    expect(body.unitId).toBeUndefined();
  });

  it('warns when the chosen unit is small, and sends the unit the sender chose', async () => {
    const api = server();
    await openFlagForm(api);
    fireEvent.click(screen.getByLabelText('Send anonymously'));
    fireEvent.change(unit(), { target: { value: 'unit_burns1' } });
    expect(await screen.findByText(WARNING)).toBeTruthy();
    expect(unit().getAttribute('aria-describedby')).toContain('flag-unit-warning');
    fireEvent.change(unit(), { target: { value: 'unit_icu001' } });
    await waitFor(() => expect(screen.queryByText(WARNING)).toBeNull());
    const body = await sent(api);
    expect(body).toMatchObject({ anonymous: true, unitId: 'unit_icu001' });
  });

  it('gives a named flag its sender’s unit back, and never warns on one', async () => {
    const api = server();
    await openFlagForm(api);
    fireEvent.click(screen.getByLabelText('Send anonymously'));
    await waitFor(() => expect(unit().value).toBe(''));
    fireEvent.click(screen.getByLabelText('Send anonymously'));
    await waitFor(() => expect(unit().value).toBe('unit_icu001'));
    fireEvent.change(unit(), { target: { value: 'unit_burns1' } });
    await waitFor(() => expect(unit().value).toBe('unit_burns1'));
    expect(screen.queryByText(WARNING)).toBeNull();
    expect(await sent(api)).toMatchObject({ anonymous: false, unitId: 'unit_burns1' });
  });
});
