import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { scheduleBadge } from '../../../extension/background/badge';
import { notifyPrefsItem } from '../../../extension/lib/storage';
import { NotifyPrefs } from '../../../extension/popup/NotifyPrefs';

describe('notification preferences', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(cleanup);

  it('lets the user turn notifications off and choose how often Curbside checks', async () => {
    render(<NotifyPrefs />);
    const box = (await screen.findByLabelText(/Show browser notifications/)) as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    fireEvent.change(screen.getByLabelText('Check for new items every'), { target: { value: '15' } });
    await waitFor(async () =>
      expect(await notifyPrefsItem.getValue()).toEqual({ notifications: false, intervalMinutes: 15 }),
    );
  });

  it('re-times the polling alarm to the chosen interval', async () => {
    await notifyPrefsItem.setValue({ notifications: true, intervalMinutes: 5 });
    await scheduleBadge(fakeBrowser);
    expect((await fakeBrowser.alarms.get('badge'))?.periodInMinutes).toBe(5);
  });
});
