import { ciString, dateTime, string } from './ocpi-types.schema';

const TOKEN_TYPES_221 = ['AD_HOC_USER', 'APP_USER', 'OTHER', 'RFID'];
const TOKEN_TYPES_211 = ['OTHER', 'RFID'];
const WHITELIST = ['ALWAYS', 'ALLOWED', 'ALLOWED_OFFLINE', 'NEVER'];

const token221Properties = {
  country_code: ciString(2),
  party_id: ciString(3),
  uid: ciString(36),
  type: { enum: TOKEN_TYPES_221 },
  contract_id: ciString(36),
  visual_number: string(64),
  issuer: string(64),
  group_id: ciString(36),
  valid: { type: 'boolean' },
  whitelist: { enum: WHITELIST },
  language: string(2),
  default_profile_type: { type: 'string' },
  energy_contract: { type: 'object' },
  last_updated: dateTime,
};

/** Token (mod_tokens.asciidoc), 2.2.1. */
export const token221Schema = {
  type: 'object',
  required: [
    'country_code',
    'party_id',
    'uid',
    'type',
    'contract_id',
    'issuer',
    'valid',
    'whitelist',
    'last_updated',
  ],
  properties: token221Properties,
};

/** A PATCH of a 2.2.1 Token: any fields, and last_updated (the spec requires it in every PATCH). */
export const tokenPatch221Schema = {
  type: 'object',
  required: ['last_updated'],
  properties: token221Properties,
};

const token211Properties = {
  uid: string(36),
  type: { enum: TOKEN_TYPES_211 },
  auth_id: string(36),
  visual_number: string(64),
  issuer: string(64),
  valid: { type: 'boolean' },
  whitelist: { enum: WHITELIST },
  language: string(2),
  last_updated: dateTime,
};

/** Token (mod_tokens.md), 2.1.1: no party in the object, auth_id for the contract. */
export const token211Schema = {
  type: 'object',
  required: ['uid', 'type', 'auth_id', 'issuer', 'valid', 'whitelist', 'last_updated'],
  properties: token211Properties,
};

export const tokenPatch211Schema = {
  type: 'object',
  required: ['last_updated'],
  properties: token211Properties,
};

export interface Token221Json {
  country_code: string;
  party_id: string;
  uid: string;
  type: string;
  contract_id: string;
  visual_number?: string;
  issuer: string;
  group_id?: string;
  valid: boolean;
  whitelist: string;
  language?: string;
  last_updated: string;
}

export interface Token211Json {
  uid: string;
  type: string;
  auth_id: string;
  visual_number?: string;
  issuer: string;
  valid: boolean;
  whitelist: string;
  language?: string;
  last_updated: string;
}
