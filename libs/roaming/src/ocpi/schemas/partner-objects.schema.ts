import { ciString, dateTime, geoLocation, price, string } from './ocpi-types.schema';

/**
 * What a CPO partner pushes to our eMSP side (mod_locations, mod_sessions, mod_cdrs, mod_tariffs): the
 * required fields of each object and of the parts we read; anything else passes as sent.
 */

const STATUSES = [
  'AVAILABLE',
  'BLOCKED',
  'CHARGING',
  'INOPERATIVE',
  'OUTOFORDER',
  'PLANNED',
  'REMOVED',
  'RESERVED',
  'UNKNOWN',
];

const connector221 = {
  type: 'object',
  required: ['id', 'standard', 'format', 'power_type', 'max_voltage', 'max_amperage', 'last_updated'],
  properties: {
    id: ciString(36),
    max_voltage: { type: 'number' },
    max_amperage: { type: 'number' },
    last_updated: dateTime,
  },
};
const connector211 = {
  type: 'object',
  required: ['id', 'standard', 'format', 'power_type', 'voltage', 'amperage', 'last_updated'],
  properties: {
    id: string(36),
    voltage: { type: 'number' },
    amperage: { type: 'number' },
    last_updated: dateTime,
  },
};

const evse = (connector: object) => ({
  type: 'object',
  required: ['uid', 'status', 'connectors', 'last_updated'],
  properties: {
    uid: { type: 'string', minLength: 1, maxLength: 39 },
    status: { enum: STATUSES },
    connectors: { type: 'array', minItems: 1, items: connector },
    last_updated: dateTime,
  },
});

export const connectorSchemas = { '2.2.1': connector221, '2.1.1': connector211 };
export const evseSchemas = { '2.2.1': evse(connector221), '2.1.1': evse(connector211) };

export const locationSchemas = {
  '2.2.1': {
    type: 'object',
    required: [
      'country_code',
      'party_id',
      'id',
      'publish',
      'address',
      'city',
      'country',
      'coordinates',
      'time_zone',
      'last_updated',
    ],
    properties: {
      country_code: ciString(2),
      party_id: ciString(3),
      id: ciString(36),
      publish: { type: 'boolean' },
      coordinates: geoLocation,
      evses: { type: 'array', items: evse(connector221) },
      last_updated: dateTime,
    },
  },
  '2.1.1': {
    type: 'object',
    required: ['id', 'type', 'address', 'city', 'country', 'coordinates', 'last_updated'],
    properties: {
      id: string(39),
      coordinates: geoLocation,
      evses: { type: 'array', items: evse(connector211) },
      last_updated: dateTime,
    },
  },
};

/** Any PATCH: what changes, and last_updated, which every PATCH must carry. */
export const patchSchema = {
  type: 'object',
  required: ['last_updated'],
  properties: { last_updated: dateTime },
};

const cdrToken = {
  type: 'object',
  required: ['uid', 'type', 'contract_id'],
  properties: { uid: ciString(36), contract_id: ciString(36) },
};

export const sessionSchemas = {
  '2.2.1': {
    type: 'object',
    required: [
      'country_code',
      'party_id',
      'id',
      'start_date_time',
      'kwh',
      'cdr_token',
      'auth_method',
      'location_id',
      'evse_uid',
      'connector_id',
      'currency',
      'status',
      'last_updated',
    ],
    properties: {
      id: ciString(36),
      start_date_time: dateTime,
      end_date_time: dateTime,
      kwh: { type: 'number', minimum: 0 },
      cdr_token: cdrToken,
      currency: string(3),
      total_cost: price,
      status: { enum: ['ACTIVE', 'COMPLETED', 'INVALID', 'PENDING', 'RESERVATION'] },
      last_updated: dateTime,
    },
  },
  '2.1.1': {
    type: 'object',
    required: [
      'id',
      'start_datetime',
      'kwh',
      'auth_id',
      'auth_method',
      'location',
      'currency',
      'status',
      'last_updated',
    ],
    properties: {
      id: string(36),
      start_datetime: dateTime,
      end_datetime: dateTime,
      kwh: { type: 'number', minimum: 0 },
      auth_id: string(36),
      currency: string(3),
      total_cost: { type: 'number' },
      status: { enum: ['ACTIVE', 'COMPLETED', 'INVALID', 'PENDING'] },
      last_updated: dateTime,
    },
  },
};

export const cdrSchemas = {
  '2.2.1': {
    type: 'object',
    required: [
      'country_code',
      'party_id',
      'id',
      'start_date_time',
      'end_date_time',
      'cdr_token',
      'auth_method',
      'cdr_location',
      'currency',
      'charging_periods',
      'total_cost',
      'total_energy',
      'total_time',
      'last_updated',
    ],
    properties: {
      id: ciString(39),
      start_date_time: dateTime,
      end_date_time: dateTime,
      cdr_token: cdrToken,
      total_cost: price,
      total_energy: { type: 'number' },
      total_time: { type: 'number' },
      charging_periods: { type: 'array', minItems: 1 },
      last_updated: dateTime,
    },
  },
  '2.1.1': {
    type: 'object',
    required: [
      'id',
      'start_date_time',
      'stop_date_time',
      'auth_id',
      'auth_method',
      'location',
      'currency',
      'charging_periods',
      'total_cost',
      'total_energy',
      'total_time',
      'last_updated',
    ],
    properties: {
      id: string(36),
      start_date_time: dateTime,
      stop_date_time: dateTime,
      auth_id: string(36),
      total_cost: { type: 'number' },
      total_energy: { type: 'number' },
      total_time: { type: 'number' },
      charging_periods: { type: 'array', minItems: 1 },
      last_updated: dateTime,
    },
  },
};

export const tariffSchemas = {
  '2.2.1': {
    type: 'object',
    required: ['country_code', 'party_id', 'id', 'currency', 'elements', 'last_updated'],
    properties: {
      id: ciString(36),
      currency: string(3),
      elements: { type: 'array', minItems: 1 },
      last_updated: dateTime,
    },
  },
  '2.1.1': {
    type: 'object',
    required: ['id', 'currency', 'elements', 'last_updated'],
    properties: {
      id: string(36),
      currency: string(3),
      elements: { type: 'array', minItems: 1 },
      last_updated: dateTime,
    },
  },
};
