import { OcpiReply } from '../client/ocpi-client';
import { outcomeOfReply } from './reply-outcome';

function reply(httpStatus: number, status?: number): OcpiReply {
  return {
    httpStatus,
    headers: new Headers(),
    text: '',
    ocpi: status === undefined ? undefined : { status_code: status, timestamp: '2024-01-01T00:00:00Z' },
  };
}

describe('outcomeOfReply', () => {
  it('delivers on 2xx with 1000 or without an envelope', () => {
    expect(outcomeOfReply(reply(200, 1000)).outcome).toBe('delivered');
    expect(outcomeOfReply(reply(201, 1000)).outcome).toBe('delivered');
    expect(outcomeOfReply(reply(204)).outcome).toBe('delivered');
  });

  it('reports a refusal of the object and does not retry it', () => {
    expect(outcomeOfReply(reply(200, 2001))).toMatchObject({ outcome: 'rejected', protocolStatus: 2001 });
    expect(outcomeOfReply(reply(422)).outcome).toBe('rejected');
    expect(outcomeOfReply(reply(404, 2003)).outcome).toBe('rejected');
    expect(outcomeOfReply(reply(400, 2001)).outcome).toBe('rejected');
  });

  it('retries what may pass later: server errors, auth, throttling', () => {
    expect(outcomeOfReply(reply(500)).outcome).toBe('retry');
    expect(outcomeOfReply(reply(200, 3000)).outcome).toBe('retry');
    expect(outcomeOfReply(reply(401, 2000)).outcome).toBe('retry');
    expect(outcomeOfReply(reply(429)).outcome).toBe('retry');
    expect(outcomeOfReply(reply(503, 4003)).outcome).toBe('retry');
  });
});
