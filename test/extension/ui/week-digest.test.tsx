import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../extension/lib/errors';
import { WeekDigest } from '../../../extension/ui/WeekDigest';
import type { Digest } from '../../../shared/digests';

const WINDOW = { from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' };

afterEach(cleanup);

function open() {
  fireEvent.click(screen.getByText(/This week/));
  const details = screen.getByText(/This week/).closest('details') as HTMLDetailsElement;
  details.open = true;
  fireEvent(details, new Event('toggle'));
}

describe('WeekDigest', () => {
  it('loads only when opened, then shows a clinician what changed on their flags', async () => {
    const digest: Digest = {
      role: 'clinician',
      ...WINDOW,
      changes: [
        {
          hotspotId: 'hot_000001',
          label: 'Documentation / EHR · Epic › Med Rec',
          status: 'in_progress',
          response: 'Vendor fix due next month.',
          at: '2026-11-28T10:00:00.000Z',
        },
      ],
    };
    const load = vi.fn(async () => digest);
    render(<WeekDigest load={load} />);
    expect(load).not.toHaveBeenCalled();
    open();
    expect(await screen.findByText('In progress')).toBeTruthy();
    expect(screen.getByText(/Vendor fix due next month/)).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says why a lead sees no hotspot, and the mentor’s counts in words', async () => {
    render(
      <WeekDigest load={async () => ({ role: 'lead', ...WINDOW, topHotspots: [], loopsClosed: 2, cyclesDue: 1 })} />,
    );
    open();
    expect(await screen.findByText(/flagged by enough people/)).toBeTruthy();
    expect(screen.getByText(/2 loop\(s\) closed · 1 PDSA cycle\(s\) due/)).toBeTruthy();
    cleanup();
    render(
      <WeekDigest
        load={async () => ({
          role: 'mentor',
          ...WINDOW,
          openQuestions: 4,
          urgentOpen: 1,
          answered: 3,
          thanks: 2,
          answersRead: 9,
        })}
      />,
    );
    open();
    expect(
      await screen.findByText(/4 waiting for you \(1 urgent\) · 3 answered · 2 marked “This helped” · 9 reads/),
    ).toBeTruthy();
  });

  it('puts a failure in words', async () => {
    render(
      <WeekDigest load={async () => Promise.reject(new ApiError(403, 'forbidden', 'You do not hold this role'))} />,
    );
    open();
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Could not load this week’s digest: You do not hold this role',
    );
  });
});
