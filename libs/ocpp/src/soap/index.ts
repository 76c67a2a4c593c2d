export * from './charge-point/soap-charge-point.client';
export * from './charge-point/soap-station-commands';
export * from './soap-versions';
export * from './soap.module';
export * from './charge-point/protocol-station-commands';
