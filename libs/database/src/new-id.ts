import { Types } from 'mongoose';

/** Ids are strings (24 hex chars, time-ordered) so cursors and GraphQL ids need no conversion. */
export function newId(): string {
  return new Types.ObjectId().toHexString();
}
