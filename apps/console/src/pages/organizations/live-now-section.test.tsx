import { act, render, screen, within } from '@testing-library/react';
import { Provider } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveNowQuery } from '../../graphql/generated';
import { I18nProvider } from '../../i18n/i18n';
import { fakeGraphQLClient } from '../../test/fake-graphql-client';
import { LIVE_NOW_POLL_MS, LiveNowSection } from './live-now-section';

const figures = (
  powerWatts: number,
  sessionsInProgress: number,
  stationsOnline: number,
  stationsOffline: number,
) => ({
  powerWatts,
  sessionsInProgress,
  stationsOnline,
  stationsOffline,
});

const liveNow = (powerWatts: number): LiveNowQuery['liveNow'] => ({
  at: '2026-12-06T14:00:00Z',
  ...figures(powerWatts, 2, 3, 1),
  connectorsByStatus: [
    { status: 'Charging', count: 2 },
    { status: 'Available', count: 4 },
  ],
  sites: [
    {
      siteId: 's1',
      siteAreas: [
        { siteAreaId: 'a1', name: 'North', ...figures(powerWatts, 2, 2, 0) },
        { siteAreaId: null, name: null, ...figures(0, 0, 1, 1) },
      ],
    },
  ],
});

describe('LiveNowSection', () => {
  afterEach(() => vi.useRealTimers());

  it("shows the site's power, sessions, stations and connectors now, per area, and polls for fresh figures", () => {
    vi.useFakeTimers();
    let watts = 14_400;
    const fake = fakeGraphQLClient({ LiveNow: () => ({ liveNow: liveNow(watts) }) });
    render(
      <I18nProvider initial="en">
        <Provider value={fake.client}>
          <LiveNowSection siteId="s1" />
        </Provider>
      </I18nProvider>,
    );
    expect(fake.asked).toEqual([{ name: 'LiveNow', variables: { siteId: 's1' } }]);
    expect(screen.getByTestId('live-power').textContent).toBe('14.4 kW');
    expect(screen.getByTestId('live-sessions').textContent).toBe('2');
    expect(screen.getByTestId('live-stations').textContent).toBe('3 online, 1 offline');
    expect(screen.getByTestId('live-connectors').textContent).toBe('Charging 2 · Available 4');
    const rows = within(screen.getByRole('table', { name: 'Site areas now' })).getAllByRole('row');
    expect(rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))).toEqual([
      ['Site area', 'Power drawn', 'Sessions in progress', 'Stations'],
      ['North', '14.4 kW', '2', '2 online, 0 offline'],
      ['In no area', '0.0 kW', '0', '1 online, 1 offline'],
    ]);

    watts = 7_200;
    act(() => {
      vi.advanceTimersByTime(LIVE_NOW_POLL_MS);
    });
    expect(fake.asked).toHaveLength(2);
    expect(screen.getByTestId('live-power').textContent).toBe('7.2 kW');
  });
});
