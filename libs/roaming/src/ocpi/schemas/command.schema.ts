import { ciString, dateTime, string, url } from './ocpi-types.schema';
import { token211Schema, token221Schema } from './token.schema';

export const COMMANDS_221 = [
  'CANCEL_RESERVATION',
  'RESERVE_NOW',
  'START_SESSION',
  'STOP_SESSION',
  'UNLOCK_CONNECTOR',
];
export const COMMANDS_211 = ['RESERVE_NOW', 'START_SESSION', 'STOP_SESSION', 'UNLOCK_CONNECTOR'];

const id = (max: number, version: '2.2.1' | '2.1.1') => (version === '2.2.1' ? ciString(max) : string(max));

/** The body of each command (mod_commands), per version. */
export function commandSchema(command: string, version: '2.2.1' | '2.1.1'): object {
  const token = version === '2.2.1' ? token221Schema : token211Schema;
  const location = id(version === '2.2.1' ? 36 : 39, version);
  switch (command) {
    case 'START_SESSION':
      return {
        type: 'object',
        required: ['response_url', 'token', 'location_id'],
        properties: {
          response_url: url,
          token,
          location_id: location,
          evse_uid: location,
          connector_id: id(36, version),
          authorization_reference: ciString(36),
        },
      };
    case 'STOP_SESSION':
      return {
        type: 'object',
        required: ['response_url', 'session_id'],
        properties: { response_url: url, session_id: id(36, version) },
      };
    case 'RESERVE_NOW':
      return {
        type: 'object',
        required: ['response_url', 'token', 'expiry_date', 'reservation_id', 'location_id'],
        properties: {
          response_url: url,
          token,
          expiry_date: dateTime,
          reservation_id: version === '2.2.1' ? ciString(36) : { type: 'integer' },
          location_id: location,
          evse_uid: location,
          authorization_reference: ciString(36),
        },
      };
    case 'CANCEL_RESERVATION':
      return {
        type: 'object',
        required: ['response_url', 'reservation_id'],
        properties: { response_url: url, reservation_id: ciString(36) },
      };
    default:
      return {
        type: 'object',
        required: ['response_url', 'location_id', 'evse_uid', 'connector_id'],
        properties: {
          response_url: url,
          location_id: location,
          evse_uid: location,
          connector_id: id(36, version),
        },
      };
  }
}

export interface CommandJson {
  response_url: string;
  token?: Record<string, unknown> & { uid: string; type: string };
  location_id?: string;
  evse_uid?: string;
  connector_id?: string;
  authorization_reference?: string;
  session_id?: string;
  expiry_date?: string;
  reservation_id?: string | number;
}
