/** WebSocket pings every 30 s; a peer that misses a pong is dropped (dead-connection detection). */
export const PING_INTERVAL_MS = 30_000;

/** One CALL in flight per direction per station (OCPP-J), later ones queue. */
export const CALL_CONCURRENCY = 1;

/**
 * Station CALLs handled at once by this instance; later ones wait their turn. In a reconnect storm
 * the first stations are then answered within seconds rather than all of them late together (after
 * their own timeouts), and a call whose station hung up while waiting is dropped unhandled.
 */
export const INBOUND_CALLS_AT_ONCE = 500;

/** An admitted station that sends no CALL within this time gives up its admission slot. */
export const FIRST_CALL_GRACE_MS = 5_000;
