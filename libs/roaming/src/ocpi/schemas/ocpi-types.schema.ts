/** JSON schemas of OCPI's basic types (types.asciidoc), shared by the object schemas. */

export const ciString = (max: number) => ({
  type: 'string',
  minLength: 1,
  maxLength: max,
  pattern: '^[\\x20-\\x7e]+$',
});
export const string = (max: number) => ({ type: 'string', maxLength: max });
export const dateTime = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?$',
};
export const url = { type: 'string', minLength: 1, maxLength: 255 };
export const displayText = {
  type: 'object',
  required: ['language', 'text'],
  properties: { language: string(2), text: string(512) },
};
export const price = {
  type: 'object',
  required: ['excl_vat'],
  properties: { excl_vat: { type: 'number' }, incl_vat: { type: 'number' } },
};
export const businessDetails = {
  type: 'object',
  required: ['name'],
  properties: { name: string(100), website: url },
};
export const geoLocation = {
  type: 'object',
  required: ['latitude', 'longitude'],
  properties: {
    latitude: { type: 'string', pattern: '^-?[0-9]{1,2}\\.[0-9]{5,7}$' },
    longitude: { type: 'string', pattern: '^-?[0-9]{1,3}\\.[0-9]{5,7}$' },
  },
};
export const ROLES = ['CPO', 'EMSP', 'HUB', 'NAP', 'NSP', 'OTHER', 'SCSP'];
