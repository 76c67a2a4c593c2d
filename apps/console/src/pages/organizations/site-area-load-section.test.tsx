import { act, render, screen, within } from '@testing-library/react';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import type { SiteAreaLoadPointFragment, SiteAreaQuery } from '../../graphql/generated';
import { I18nProvider } from '../../i18n/i18n';
import { fakeGraphQLClient } from '../../test/fake-graphql-client';
import { SiteAreaLoadSection } from './site-area-load-section';

// uPlot draws on a canvas jsdom does not have; the browser suite proves the chart itself.
vi.mock('../../charts/site-area-load-chart', () => ({ SiteAreaLoadChart: () => null }));

const area: NonNullable<SiteAreaQuery['siteArea']> = {
  id: 'a1',
  name: 'Garage',
  siteId: 's1',
  site: null,
  parentSiteArea: null,
  accessControl: true,
  smartCharging: true,
  canUpdate: true,
  maximumCurrentAmps: 32,
  maximumPowerWatts: 22_080,
  numberOfPhases: 3,
  voltage: 230,
};

const point = (at: string, amps: [number, number, number], assets = 0): SiteAreaLoadPointFragment => ({
  siteAreaId: 'a1',
  timestamp: at,
  ampsL1: amps[0],
  ampsL2: amps[1],
  ampsL3: amps[2],
  limitAmps: 32,
  chargingAmpsL1: amps[0] - assets,
  chargingAmpsL2: amps[1] - assets,
  chargingAmpsL3: amps[2] - assets,
  assetAmpsL1: assets,
  assetAmpsL2: assets,
  assetAmpsL3: assets,
});

function renderSection(history: SiteAreaLoadPointFragment[], siteArea = area) {
  const fake = fakeGraphQLClient({ SiteAreaLoads: () => ({ siteAreaLoads: history }) });
  render(
    <I18nProvider initial="en">
      <Provider value={fake.client}>
        <SiteAreaLoadSection siteArea={siteArea} theme="light" />
      </Provider>
    </I18nProvider>,
  );
  return fake;
}

const cell = (phase: number, column: number) =>
  within(screen.getByRole('table', { name: 'Load per phase' }))
    .getAllByRole('row')
    [phase].querySelectorAll('th, td')[column].textContent;

describe('SiteAreaLoadSection', () => {
  it("shows each phase's latest load against its fuse, split into charging and assets", () => {
    const fake = renderSection([
      point('2026-12-06T10:00:00.000Z', [4, 4, 4]),
      point('2026-12-06T10:00:10.000Z', [20, 12.5, 30], 2.5),
    ]);
    const asked = fake.asked.find((query) => query.name === 'SiteAreaLoads');
    expect([asked?.variables.siteAreaId, asked?.variables.limit]).toEqual(['a1', 1000]);
    expect([cell(1, 0), cell(1, 1), cell(1, 2), cell(1, 4), cell(1, 5)]).toEqual([
      'L1',
      '20.0 A',
      '32.0 A',
      '17.5 A',
      '2.5 A',
    ]);
    expect(screen.getByTestId('load-L3').className).toBe('phase-over');
    expect(screen.getByTestId('load-L2').className).toBe('');
    expect(screen.getByRole('meter', { name: 'L2 against its fuse' })).toHaveProperty('value', 12.5);
    expect(screen.getByText(/^2 points/)).toBeTruthy();
  });

  it('adds each point the load subscription brings, once', () => {
    const fake = renderSection([point('2026-12-06T10:00:00.000Z', [4, 4, 4])]);
    const live = point('2026-12-06T10:00:10.000Z', [9, 8, 7]);
    act(() => fake.push('SiteAreaLoadUpdated', { siteAreaLoadUpdated: live }));
    expect(screen.getByTestId('load-L1').textContent).toBe('9.0 A');
    act(() => fake.push('SiteAreaLoadUpdated', { siteAreaLoadUpdated: live }));
    expect(screen.getByText(/^2 points/)).toBeTruthy();
  });

  it('says why there is no load yet', () => {
    renderSection([], { ...area, smartCharging: false });
    expect(screen.getByText(/Smart charging is off for this area/)).toBeTruthy();
  });

  it('shows L1 alone for a single-phase area, with the fuse derived from its power', () => {
    const single = { ...area, numberOfPhases: 1, maximumCurrentAmps: null, maximumPowerWatts: 7_360 };
    renderSection([{ ...point('2026-12-06T10:00:00.000Z', [16, 0, 0]), limitAmps: null }], single);
    const rows = within(screen.getByRole('table', { name: 'Load per phase' })).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(cell(1, 2)).toBe('32.0 A');
  });
});
