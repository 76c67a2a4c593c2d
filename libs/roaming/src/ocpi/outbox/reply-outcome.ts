import { DeliveryOutcome } from '../../outbox/outbox-transport';
import { OcpiReply, describeReply } from '../client/ocpi-client';
import { isOcpiClientError, isOcpiSuccess } from '../protocol/ocpi-status';

/** HTTP statuses that say "not now" rather than "not this": the partner's auth, throttling, timeouts. */
const TRANSIENT_HTTP = new Set([401, 403, 408, 425, 429]);

/**
 * What a partner's answer to a push means for the outbox: a 2xx with OCPI 1xxx (or no envelope) is
 * delivered; OCPI 2xxx, or an HTTP 4xx that is about the object (400, 404, 405, 409, 422 …), is a
 * rejection; 5xx, OCPI 3xxx/4xxx and the transient 4xx are retried.
 */
export function outcomeOfReply(reply: OcpiReply): DeliveryOutcome {
  const codes = { httpStatus: reply.httpStatus, protocolStatus: reply.ocpi?.status_code };
  const reason = describeReply(reply);
  const ok = reply.httpStatus >= 200 && reply.httpStatus < 300;
  if (ok && (!reply.ocpi || isOcpiSuccess(reply.ocpi.status_code))) return { outcome: 'delivered', ...codes };
  if (reply.ocpi && isOcpiClientError(reply.ocpi.status_code) && !TRANSIENT_HTTP.has(reply.httpStatus)) {
    return { outcome: 'rejected', reason, ...codes };
  }
  if (reply.httpStatus >= 400 && reply.httpStatus < 500 && !TRANSIENT_HTTP.has(reply.httpStatus)) {
    return { outcome: 'rejected', reason, ...codes };
  }
  return { outcome: 'retry', reason, ...codes };
}
