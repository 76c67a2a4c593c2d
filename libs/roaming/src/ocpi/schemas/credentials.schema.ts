import { ROLES, businessDetails, ciString, string, url } from './ocpi-types.schema';

/** Credentials (credentials.asciidoc), 2.2.1: roles with business details, party id and country code. */
export const credentials221Schema = {
  type: 'object',
  required: ['token', 'url', 'roles'],
  properties: {
    token: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[\\x21-\\x7e]+$' },
    url,
    roles: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['role', 'business_details', 'party_id', 'country_code'],
        properties: {
          role: { enum: ROLES },
          business_details: businessDetails,
          party_id: ciString(3),
          country_code: ciString(2),
        },
      },
    },
  },
};

/** Credentials (credentials.md), 2.1.1: one party, no role. */
export const credentials211Schema = {
  type: 'object',
  required: ['token', 'url', 'business_details', 'party_id', 'country_code'],
  properties: {
    token: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[\\x21-\\x7e]+$' },
    url,
    business_details: businessDetails,
    party_id: string(3),
    country_code: string(2),
  },
};

export interface BusinessDetailsJson {
  name: string;
  website?: string;
}

export interface Credentials221Json {
  token: string;
  url: string;
  roles: { role: string; business_details: BusinessDetailsJson; party_id: string; country_code: string }[];
}

export interface Credentials211Json {
  token: string;
  url: string;
  business_details: BusinessDetailsJson;
  party_id: string;
  country_code: string;
}
