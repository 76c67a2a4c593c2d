import { BadInputError } from '../errors/domain-error';

/** The sort value and id of the last row of a page; opaque to clients. */
export type CursorValue = string | number | Date | null;
export interface Cursor {
  value: CursorValue;
  id: string;
}

type Encoded = [kind: 'd' | 'v', value: string | number | null, id: string];

export function encodeCursor({ value, id }: Cursor): string {
  const encoded: Encoded = value instanceof Date ? ['d', value.toISOString(), id] : ['v', value, id];
  return Buffer.from(JSON.stringify(encoded)).toString('base64url');
}

export function decodeCursor(cursor: string): Cursor {
  try {
    const [kind, value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Encoded;
    if (typeof id !== 'string' || (kind !== 'd' && kind !== 'v')) throw new Error('shape');
    if (kind === 'd') return { value: new Date(String(value)), id };
    return { value, id };
  } catch {
    throw new BadInputError('Invalid cursor: pass the endCursor of a previous page');
  }
}
