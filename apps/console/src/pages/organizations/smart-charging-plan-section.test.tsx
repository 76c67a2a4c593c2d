import { act, render, screen, within } from '@testing-library/react';
import { Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import type { SmartChargingPlanViewFragment } from '../../graphql/generated';
import { I18nProvider } from '../../i18n/i18n';
import { fakeGraphQLClient } from '../../test/fake-graphql-client';
import { periodAt } from './connector-limit';
import { SmartChargingPlanSection } from './smart-charging-plan-section';

type Connector = SmartChargingPlanViewFragment['connectors'][number];

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

const connector = (stationId: string, overrides: Partial<Connector> = {}): Connector => ({
  chargingStationId: stationId,
  connectorId: 1,
  transactionId: 't1',
  siteAreaId: 'a1',
  gridPhases: [1, 2, 3],
  reason: 'limited by the fuse L2 of area Garage',
  reasonCode: 'FUSE',
  delivery: 'ACCEPTED',
  deliveryDetail: null,
  periods: [
    { start: minutesAgo(20), limitAmps: 16, limitWatts: null },
    { start: minutesAgo(5), limitAmps: 10.6, limitWatts: null },
    { start: minutesAgo(-10), limitAmps: 32, limitWatts: null },
  ],
  ...overrides,
});

const plan = (connectors: Connector[]): SmartChargingPlanViewFragment => ({
  siteAreaId: 'a1',
  computedAt: new Date().toISOString(),
  connectors,
});

function renderSection(initial: SmartChargingPlanViewFragment | null) {
  const fake = fakeGraphQLClient({ SmartChargingPlan: () => ({ smartChargingPlan: initial }) });
  render(
    <I18nProvider initial="en">
      <Provider value={fake.client}>
        <SmartChargingPlanSection siteAreaId="a1" canPlan={false} />
      </Provider>
    </I18nProvider>,
  );
  return fake;
}

const row = (id: string) => document.querySelector(`tr[data-plan-connector="${id}"]`) as HTMLElement;

describe('SmartChargingPlanSection', () => {
  it("shows each connector's limit now and why, charging connectors first", () => {
    renderSection(
      plan([
        connector('B-2', { transactionId: null, reasonCode: null, reason: null, periods: [] }),
        connector('A-1'),
      ]),
    );
    const rows = within(screen.getByRole('table', { name: 'Smart-charging plan' })).getAllByRole('row');
    expect(rows.map((item) => item.getAttribute('data-plan-connector'))).toEqual([null, 'A-1/1', 'B-2/1']);
    expect(within(row('A-1/1')).getByText('10.6 A')).toBeTruthy();
    expect(within(row('A-1/1')).getByText('Fuse')).toBeTruthy();
    expect(within(row('A-1/1')).getByText('limited by the fuse L2 of area Garage')).toBeTruthy();
    expect(within(row('A-1/1')).getByText('L1 L2 L3')).toBeTruthy();
    expect(within(row('A-1/1')).getByText('Accepted')).toBeTruthy();
  });

  it('replaces the plan with each one the subscription brings', () => {
    const fake = renderSection(plan([connector('A-1')]));
    const cheaper = connector('A-1', {
      reasonCode: 'COST' as Connector['reasonCode'],
      reason: 'paused: cheaper from 22:00',
      periods: [{ start: minutesAgo(1), limitAmps: null, limitWatts: 0 }],
    });
    act(() => fake.push('SmartChargingPlanUpdated', { smartChargingPlanUpdated: plan([cheaper]) }));
    expect(within(row('A-1/1')).getByText('Cheaper later')).toBeTruthy();
    expect(within(row('A-1/1')).getByText('0.0 kW')).toBeTruthy();
  });

  it('says when the area has no plan yet', () => {
    renderSection(null);
    expect(screen.getByText('No plan yet for this area.')).toBeTruthy();
  });

  it('takes the period in force now, or the first when the plan starts later', () => {
    const periods = connector('A-1').periods;
    expect(periodAt(periods, Date.now())?.limitAmps).toBe(10.6);
    expect(periodAt(periods, Date.now() - 3_600_000)?.limitAmps).toBe(16);
    expect(periodAt([], Date.now())).toBeUndefined();
  });
});
