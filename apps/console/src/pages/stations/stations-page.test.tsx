import { act, render, screen, within } from '@testing-library/react';
import { Provider } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StationRowFragment } from '../../graphql/generated';
import { I18nProvider } from '../../i18n/i18n';
import { navigate } from '../../router/router';
import { fakeGraphQLClient } from '../../test/fake-graphql-client';
import { StationsPage } from './stations-page';

const station = (id: string, overrides: Partial<StationRowFragment> = {}): StationRowFragment => ({
  id,
  online: true,
  lastSeen: new Date().toISOString(),
  status: 'Available',
  errorCode: null,
  ocppVersion: '1.6',
  ocppProtocol: 'json',
  vendor: 'VoltCorp',
  model: 'VC-22',
  siteId: null,
  siteAreaId: null,
  connectors: [{ connectorId: 1, status: 'Available', errorCode: null, currentTransactionId: null }],
  ...overrides,
});

const pageOf = (stations: StationRowFragment[]) => ({
  chargingStations: {
    totalCount: stations.length,
    pageInfo: { hasNextPage: false, endCursor: null },
    edges: stations.map((node) => ({ node })),
  },
});

function renderPage(stations: () => StationRowFragment[], hasNextPage = false) {
  const fake = fakeGraphQLClient({
    Stations: () => ({
      chargingStations: {
        ...pageOf(stations()).chargingStations,
        pageInfo: { hasNextPage, endCursor: 'c1' },
      },
    }),
    StationFilterOptions: () => ({
      sites: { edges: [{ node: { id: 's1', name: 'Depot' } }] },
      siteAreas: { edges: [{ node: { id: 'a1', name: 'Bay 1', siteId: 's1' } }] },
    }),
  });
  render(
    <I18nProvider initial="en">
      <Provider value={fake.client}>
        <StationsPage />
      </Provider>
    </I18nProvider>,
  );
  return fake;
}

describe('StationsPage', () => {
  afterEach(() => vi.useRealTimers());

  it('updates a station of the page in place when the subscription reports it', () => {
    navigate('/stations');
    const fake = renderPage(() => [station('CS-1')]);
    const row = () => screen.getByRole('row', { name: /CS-1/ });
    expect(within(row()).getByText('Online')).toBeTruthy();
    act(() =>
      fake.push('StationUpdated', {
        chargingStationUpdated: station('CS-1', {
          online: false,
          connectors: [
            { connectorId: 1, status: 'Faulted', errorCode: 'GroundFailure', currentTransactionId: null },
          ],
        }),
      }),
    );
    expect(within(row()).getByText('Offline')).toBeTruthy();
    expect(within(row()).getByText('#1: Faulted')).toBeTruthy();
    expect(fake.asked.filter((query) => query.name === 'Stations')).toHaveLength(1);
  });

  it('asks for the page again, once for a burst, when stations it does not show yet come online', () => {
    vi.useFakeTimers();
    navigate('/stations');
    let stations = [station('CS-1')];
    const fake = renderPage(() => stations);
    stations = [station('CS-1'), station('CS-NEW'), station('CS-NEW-2')];
    act(() => fake.push('StationUpdated', { chargingStationUpdated: station('CS-NEW') }));
    act(() => fake.push('StationUpdated', { chargingStationUpdated: station('CS-NEW-2') }));
    expect(fake.asked.filter((query) => query.name === 'Stations')).toHaveLength(1);
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(fake.asked.filter((query) => query.name === 'Stations')).toHaveLength(2);
    expect(screen.getByRole('row', { name: /CS-NEW-2/ })).toBeTruthy();
  });

  it('leaves a full page alone when stations of other pages change', () => {
    vi.useFakeTimers();
    navigate('/stations');
    const fake = renderPage(() => [station('CS-1')], true);
    act(() => fake.push('StationUpdated', { chargingStationUpdated: station('CS-9999') }));
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(fake.asked.filter((query) => query.name === 'Stations')).toHaveLength(1);
  });

  it('takes its filters from the address, so a filtered list can be shared', () => {
    navigate('/stations?q=depot&site=s1&status=Faulted&online=false');
    const fake = renderPage(() => []);
    expect(fake.asked.find((query) => query.name === 'Stations')?.variables.filter).toEqual({
      search: 'depot',
      siteId: 's1',
      siteAreaId: undefined,
      connectorStatus: 'Faulted',
      online: false,
    });
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Status' }).value).toBe('Faulted');
    expect(screen.getByText('No station matches.')).toBeTruthy();
  });
});
