// The public API of libs/pricing (see docs/pricing.md): the model, the pure engine, the OCPI mappers.
export * from './model/tariff';
export * from './model/tariff-rules';
export * from './money/currency';
export * from './money/rational';
export * from './engine/local-time';
export * from './engine/session-pricer';
export * from './engine/session-quote';
export * from './engine/session-price';
export * from './engine/price-session';
export * from './engine/energy-price-schedule';
export * from './ocpi/ocpi-tariff';
export * from './ocpi/ocpi-tariff.mapper';
export * from './ocpi/ocpi-cdr.mapper';
