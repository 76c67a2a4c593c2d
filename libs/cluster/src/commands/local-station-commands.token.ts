/**
 * DI token the OCPP edge provides its StationCommands under (the stations connected to this
 * instance); the cluster wraps it into the routed StationCommands the domain injects.
 */
export const LOCAL_STATION_COMMANDS = Symbol('LOCAL_STATION_COMMANDS');
