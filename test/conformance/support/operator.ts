import { GraphQLClient } from '../../support/graphql-client';

export interface CommandOutcome {
  status: string;
  /** `CommandResult.data`, parsed. */
  data?: Record<string, unknown>;
}

/** A GraphQL string or enum literal for building operations by hand. */
export const str = (value: string): string => JSON.stringify(value);

/**
 * The "Manual Action" of a case: what an operator does through GraphQL. `command` runs one mutation
 * returning CommandResult (`status data` are selected for it) and parses `data`.
 */
export class Operator {
  constructor(readonly gql: GraphQLClient) {}

  async command(field: string): Promise<CommandOutcome> {
    const { result } = await this.gql.data<{ result: { status: string; data?: string | null } }>(
      `mutation { result: ${field} { status data } }`,
    );
    return {
      status: result.status,
      ...(result.data ? { data: JSON.parse(result.data) as Record<string, unknown> } : {}),
    };
  }

  /** A mutation with its own selection; resolves with the field's value. */
  async mutate<T = Record<string, unknown>>(fieldWithSelection: string): Promise<T> {
    const { result } = await this.gql.data<{ result: T }>(`mutation { result: ${fieldWithSelection} }`);
    return result;
  }

  async query<T = Record<string, unknown>>(fieldWithSelection: string): Promise<T> {
    const { result } = await this.gql.data<{ result: T }>(`query { result: ${fieldWithSelection} }`);
    return result;
  }

  /** The `extensions.code` of a mutation that must fail. */
  async refusal(fieldWithSelection: string): Promise<string | undefined> {
    return this.gql.errorCode(`mutation { result: ${fieldWithSelection} }`);
  }

  /** The payloads of the 2.0.1-only (and 1.6 security) messages a station sent, newest first. */
  async notifications(stationId: string, action: string): Promise<Record<string, unknown>[]> {
    const found = await this.query<{ payload: string }[]>(
      `chargingStationNotifications(chargingStationId: ${str(stationId)}, action: ${str(action)}) { payload }`,
    );
    return found.map((notification) => JSON.parse(notification.payload) as Record<string, unknown>);
  }

  /** The sessions of a station, newest first. */
  async transactionsOf(stationId: string): Promise<Record<string, unknown>[]> {
    const page = await this.query<{ edges: { node: Record<string, unknown> }[] }>(
      `transactions(first: 50, filter: { chargingStationId: ${str(stationId)} }) {
        edges { node { id ocppTransactionId active tagId connectorId stopReason meterStartWh meterStopWh energyWh reservationId startedAt } }
      }`,
    );
    return page.edges.map((edge) => edge.node);
  }

  async transactionOf(
    stationId: string,
    ocppTransactionId: string,
  ): Promise<Record<string, unknown> | undefined> {
    const sessions = await this.transactionsOf(stationId);
    return sessions.find((node) => node.ocppTransactionId === ocppTransactionId);
  }

  async station(stationId: string): Promise<Record<string, unknown>> {
    return this.query(
      `chargingStation(id: ${str(stationId)}) { id online ocppVersion firmwareStatus diagnosticsStatus connectors { connectorId status errorCode } }`,
    );
  }
}
