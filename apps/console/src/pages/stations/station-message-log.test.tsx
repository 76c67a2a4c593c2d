import { render, screen, within } from '@testing-library/react';
import { Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import type { StationMessagesQuery } from '../../graphql/generated';
import { I18nProvider } from '../../i18n/i18n';
import { fakeGraphQLClient } from '../../test/fake-graphql-client';
import { StationMessageLog } from './station-message-log';

type Node = StationMessagesQuery['ocppMessages']['edges'][number]['node'];

const node = (id: string, action: string, count: number, answer: Partial<Node> = {}): Node => ({
  id,
  timestamp: '2026-12-06T14:00:00Z',
  direction: 'IN',
  action,
  messageType: 'CALL',
  answerType: 'CALLRESULT',
  errorCode: null,
  latencyMs: 4,
  sizeBytes: 120 * count,
  count,
  ...answer,
});

describe('StationMessageLog', () => {
  it('shows each call with its outcome, and a run of routine calls as one row with how many it holds', () => {
    const fake = fakeGraphQLClient({
      StationMessages: () => ({
        ocppMessages: {
          totalCount: 3,
          pageInfo: { hasNextPage: false, endCursor: null },
          edges: [
            node('3', 'MeterValues', 1, { answerType: 'CALLERROR', errorCode: 'FormationViolation' }),
            node('2', 'Heartbeat', 1),
            node('1', 'MeterValues', 20),
          ].map((message) => ({ node: message })),
        },
      }),
    });
    render(
      <I18nProvider initial="en">
        <Provider value={fake.client}>
          <StationMessageLog stationId="CS-1" />
        </Provider>
      </I18nProvider>,
    );
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(
      rows.map((row) => [...row.querySelectorAll('th, td')].slice(2).map((cell) => cell.textContent)),
    ).toEqual([
      ['MeterValues', 'FormationViolation', '4 ms', '120 B'],
      ['Heartbeat', 'CALLRESULT', '4 ms', '120 B'],
      ['MeterValues × 20', 'CALLRESULT', '4 ms', '2400 B'],
    ]);
  });
});
