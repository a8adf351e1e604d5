import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { scheduleBadge } from '../../../extension/background/badge';
import { notifyPrefsItem, sessionItem } from '../../../extension/lib/storage';
import type { Role } from '../../../shared/enums';
import { mockManifest, SESSION, USER } from '../helpers';
import { fakeServer, renderPopup } from './fixtures';

async function prefsFor(...roles: Role[]) {
  await sessionItem.setValue({ ...SESSION, user: { ...USER, roles } });
  await renderPopup(fakeServer());
  return (await screen.findByLabelText('Show browser notifications')) as HTMLInputElement;
}

const kindBoxes = () =>
  [...document.querySelectorAll<HTMLInputElement>('fieldset.kinds input[type=checkbox]')].map((box) => ({
    label: box.parentElement?.textContent?.trim(),
    checked: box.checked,
  }));

describe('notification preferences', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    mockManifest(fakeBrowser);
  });
  afterEach(cleanup);

  it('lets the user turn notifications off and choose how often Curbside checks', async () => {
    const box = await prefsFor('clinician');
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    fireEvent.change(screen.getByLabelText('Check for new items every'), { target: { value: '15' } });
    await waitFor(async () =>
      expect(await notifyPrefsItem.getValue()).toEqual({ notifications: false, intervalMinutes: 15 }),
    );
    // Off altogether, the kinds cannot be chosen.
    expect((document.querySelector('fieldset.kinds') as HTMLFieldSetElement).disabled).toBe(true);
  });

  it('covers every kind the user can receive, in one place, each on its own', async () => {
    await prefsFor('clinician', 'mentor');
    expect(kindBoxes()).toEqual([
      { label: 'Answers to my questions, and mentors asking me something', checked: true },
      { label: 'A new status or response on a flag I sent (anonymous ones too, on this device)', checked: true },
      { label: 'New urgent questions and colleagues who need to talk', checked: true },
    ]);
    fireEvent.click(screen.getByLabelText('New urgent questions and colleagues who need to talk'));
    await waitFor(async () => expect((await notifyPrefsItem.getValue()).off).toEqual(['queue']));
    cleanup();
    // A peer supporter receives only the queue's.
    await prefsFor('peer_supporter');
    expect(kindBoxes()).toEqual([{ label: 'New urgent questions and colleagues who need to talk', checked: false }]);
  });

  it('re-times the polling alarm to the chosen interval', async () => {
    await notifyPrefsItem.setValue({ notifications: true, intervalMinutes: 5 });
    await scheduleBadge(fakeBrowser);
    expect((await fakeBrowser.alarms.get('badge'))?.periodInMinutes).toBe(5);
  });
});
