import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** DI token: this instance's id in the cluster (one per application, new at every start). */
export const INSTANCE_ID = Symbol('INSTANCE_ID');

/** Host and pid for whoever reads Redis by hand, random bytes so a restarted process is a new instance. */
export function newInstanceId(): string {
  return `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
}
