import { RPCNotImplementedError } from 'ocpp-rpc';
import { SimulationStats } from '../stats/simulation-stats';
import { CommandRegistry } from '../transport/ocpp-transport';

export type CommandHandler<P> = (params: P) => object | Promise<object>;

/**
 * Registers a typed handler for a CSMS→station call. The transport has validated `params` against the
 * version's schema (JSON schema, or WSDL) before the handler runs, so the cast only names a checked shape.
 */
export function handleCommand<P>(
  client: CommandRegistry,
  stats: SimulationStats,
  method: string,
  handler: CommandHandler<P>,
): void {
  client.handle(method, async ({ params }) => {
    stats.commandsReceived++;
    return (await handler(params as P)) as Record<string, unknown>;
  });
}

/** Anything the simulator does not implement gets the CALLERROR a real station sends. */
export function rejectUnknownCommands(client: CommandRegistry, stats: SimulationStats): void {
  client.handle(async ({ method }) => {
    stats.commandsReceived++;
    throw new RPCNotImplementedError(`${method ?? 'call'} is not implemented by the simulator`);
  });
}
