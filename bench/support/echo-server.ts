import { startBareOcppServer } from './bare-ocpp-server';
import { serveBenchProbe } from './bench-probe';

/**
 * The echo: a bare `ws` server that accepts `ocpp1.6` and answers every CALL `[2,id,action,payload]`
 * with `[3,id,{}]` at once. Run as its own process; prints `listening <port>` when ready.
 */
const server = startBareOcppServer((_call, answer) => answer());

serveBenchProbe({});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
