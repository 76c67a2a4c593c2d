import fc from 'fast-check';
import * as net from 'node:net';
import { randomBytes } from 'node:crypto';
import { startTestApp, TestApp } from '../support/test-app';
import {
  fuzzParameters,
  FUZZ_TIMEOUT_MS,
  HEAP_GROWTH_LIMIT,
  heapGrowthSince,
  heapUsedAfterGc,
} from './support/fuzz-budget';
import { callIdOf, FuzzSocket } from './support/fuzz-socket';
import { deeplyNested, hostileValue, mutatedPayload } from './support/hostile-values';
import { ERROR_CODES, STATION_CALLS } from './support/ocpp-samples';

type Protocol = 'ocpp1.6' | 'ocpp2.0.1';

/** One fuzzed frame; `reuse` picks the id of an earlier CALL instead of the frame's own. */
interface FuzzFrame {
  kind: string;
  text: string;
  binary?: boolean;
  /** A CALL that must get exactly one answer (result or error) with this id. */
  call?: string;
  reuse?: number;
}

const FRAME_LIMIT = 256 * 1024;
const id = fc.uuid();

function frames(protocol: Protocol): fc.Arbitrary<FuzzFrame> {
  const samples = STATION_CALLS[protocol];
  const actions = Object.keys(samples);
  const call = fc
    .tuple(
      id,
      fc
        .constantFrom(...actions)
        .chain((action) =>
          fc.tuple(
            fc.oneof(
              { arbitrary: fc.constant(action), weight: 9 },
              fc.string({ unit: 'binary', maxLength: 20 }),
            ),
            mutatedPayload(samples[action]),
          ),
        ),
    )
    .map(([callId, [action, payload]]) => ({
      kind: 'CALL',
      text: JSON.stringify([2, callId, action, payload]),
      call: callId,
    }));
  const valid = JSON.stringify([2, 'v', 'Heartbeat', {}]);
  return fc.oneof(
    { arbitrary: call, weight: 6 },
    {
      arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((text) => ({ kind: 'text', text })),
      weight: 1,
    },
    {
      arbitrary: fc
        .jsonValue({ maxDepth: 4 })
        .map((value) => ({ kind: 'JSON', text: JSON.stringify(value) })),
      weight: 1,
    },
    {
      // A CALL broken somewhere: cut short, or a character inserted.
      arbitrary: fc
        .tuple(fc.nat(valid.length - 1), fc.string({ unit: 'binary', maxLength: 2 }))
        .map(([at, inserted]) => ({
          kind: 'broken',
          text: valid.slice(0, at) + inserted + valid.slice(at + 1),
        })),
      weight: 1,
    },
    {
      // Wrong types where the frame's own fields are.
      arbitrary: fc.tuple(hostileValue, hostileValue, hostileValue).map(([type, messageId, action]) => ({
        kind: 'wrong types',
        text: JSON.stringify([type, messageId, action, {}]),
      })),
      weight: 1,
    },
    {
      arbitrary: fc.tuple(id, fc.boolean(), hostileValue).map(([unknown, asError, value]) => ({
        kind: 'answer to no call',
        text: JSON.stringify(asError ? [4, unknown, 'GenericError', 'x', value] : [3, unknown, value]),
      })),
      weight: 1,
    },
    {
      arbitrary: fc.tuple(fc.nat(), fc.constantFrom(...actions)).map(([reuse, action]) => ({
        kind: 'reused id',
        text: JSON.stringify([2, '', action, samples[action]]),
        reuse,
      })),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(
          id,
          fc.integer({ min: 10, max: 100_000 }),
          fc.boolean(),
          fc.constantFrom('DataTransfer', 'Heartbeat'),
        )
        .map(([callId, depth, inObjects, action]) => ({
          kind: 'deeply nested',
          text: `[2,"${callId}","${action}",{"vendorId":"fuzz","data":${deeplyNested(depth, inObjects)}}]`,
          call: callId,
        })),
      weight: 1,
    },
    {
      arbitrary: fc.tuple(id, fc.integer({ min: 1024, max: 3.5 * FRAME_LIMIT })).map(([callId, size]) => ({
        kind: 'huge',
        text: JSON.stringify([2, callId, 'DataTransfer', { vendorId: 'fuzz', data: 'x'.repeat(size) }]),
        call: callId,
      })),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(id, fc.uint8Array({ maxLength: 64 }), fc.boolean())
        .map(([callId, bytes, asCall]) => ({
          kind: 'binary',
          text: asCall ? JSON.stringify([2, callId, 'Heartbeat', {}]) : Buffer.from(bytes).toString('latin1'),
          binary: true,
          ...(asCall ? { call: callId } : {}),
        })),
      weight: 1,
    },
  );
}

/** A WebSocket text frame as a client sends it (masked), for payloads under 126 bytes (RFC 6455 §5.2). */
function maskedTextFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const mask = randomBytes(4);
  const masked = payload.map((byte, index) => byte ^ mask[index % 4]);
  return Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, masked]);
}

interface Answer {
  type: number;
  id: unknown;
  code?: unknown;
}

function answerOf(text: string): Answer | undefined {
  const frame: unknown = JSON.parse(text);
  if (!Array.isArray(frame)) throw new Error(`The server sent a frame that is no array: ${text}`);
  if (frame[0] === 2) return undefined; // the server's own CALL
  return { type: frame[0] as number, id: frame[1], code: frame[2] };
}

describe('Hostile OCPP-J frames never take the server down (property-based, fast-check)', () => {
  let app: TestApp;
  let heapBefore: number;

  beforeAll(async () => {
    app = await startTestApp('ocpp-json-fuzz', {
      // The rate limit has its own test; here every frame must reach the parser.
      OCPP_MAX_MESSAGES_PER_SECOND: '100000',
      OCPP_CALL_TIMEOUT_MS: '2000',
    });
    heapBefore = heapUsedAfterGc();
  });
  afterAll(() => app?.close());

  describe.each<Protocol>(['ocpp1.6', 'ocpp2.0.1'])('%s', (protocol) => {
    it(
      'answers every frame with the protocol’s own CALLERROR or drops it as the spec says, and lives on',
      async () => {
        const socket = await FuzzSocket.open(`${app.wsUrl}/ocpp/default/FUZZ-${protocol}`, protocol);
        const codes = ERROR_CODES[protocol];
        /** How many CALLs went out with each id: each is answered once, never an id that was no CALL. */
        const calls = new Map<string, number>();
        const mustAnswer = new Set<string>();
        const answers = new Map<unknown, number>();
        const kinds = new Map<string, number>();
        let probes = 0;
        let read = 0;

        const readAnswers = () => {
          for (; read < socket.received.length; read++) {
            const text = socket.received[read];
            const answer = answerOf(text);
            if (!answer) continue;
            if (answer.type !== 3 && answer.type !== 4) throw new Error(`Not an answer: ${text}`);
            // InternalError would say hostile input reached a handler unchecked and broke it there.
            if (answer.type === 4 && answer.code === 'InternalError')
              throw new Error(`An internal error: ${text}`);
            if (answer.type === 4 && !codes.has(answer.code as string))
              throw new Error(`Not a ${protocol} error code: ${text}`);
            const known = typeof answer.id === 'string' && (calls.has(answer.id) || answer.id === '-1');
            if (!known) throw new Error(`An answer to no CALL: ${text.slice(0, 300)}`);
            answers.set(answer.id, (answers.get(answer.id) ?? 0) + 1);
          }
        };

        await fc.assert(
          fc.asyncProperty(frames(protocol), async (frame) => {
            let text = frame.text;
            let callId = frame.call;
            if (frame.reuse !== undefined && mustAnswer.size > 0) {
              const earlier = [...mustAnswer];
              callId = earlier[frame.reuse % earlier.length];
              text = text.replace('[2,""', `[2,${JSON.stringify(callId)}`);
            }
            kinds.set(frame.kind, (kinds.get(frame.kind) ?? 0) + 1);
            const sent = callId ?? (frame.binary ? undefined : callIdOf(text));
            if (sent !== undefined) calls.set(sent, (calls.get(sent) ?? 0) + 1);
            if (callId !== undefined && frame.kind !== 'text') mustAnswer.add(callId);
            socket.send(frame.binary ? Buffer.from(text, 'latin1') : text, frame.binary);

            // A Heartbeat after each frame: the connection must still be served.
            const probe = `probe-${probes++}`;
            calls.set(probe, 1);
            socket.send(JSON.stringify([2, probe, 'Heartbeat', {}]));
            await socket.until(
              () => !socket.open || socket.received.some((t) => t.includes(`"${probe}"`)),
              30_000,
              `answer to ${probe}`,
            );
            if (!socket.open)
              throw new Error(
                `The server closed the connection (${socket.closeCode}) after a ${frame.kind} frame`,
              );
            readAnswers();
          }),
          fuzzParameters(`OCPP-J frames, ${protocol}`, 150),
        );

        // CALLs the server is still working on (a deep payload being stored, say) are answered later.
        await socket.until(
          () => {
            readAnswers();
            return [...mustAnswer].every((callId) => answers.has(callId));
          },
          60_000,
          'an answer to every CALL',
        );
        for (const callId of mustAnswer)
          expect([callId, answers.get(callId)]).toEqual([callId, calls.get(callId)]);
        console.log(`${protocol}: frames by kind ${JSON.stringify(Object.fromEntries(kinds))}`);
        expect(socket.open).toBe(true);
        socket.close();
      },
      FUZZ_TIMEOUT_MS,
    );
  });

  it('ignores frames a station sends after its close frame, and the station connects again', async () => {
    const socket = await FuzzSocket.open(`${app.wsUrl}/ocpp/default/FUZZ-AFTER-CLOSE`, 'ocpp1.6');
    const tcp = (socket.socket as unknown as { _socket: net.Socket })._socket;
    socket.socket.close(1000);
    // Written straight to the TCP connection after the close frame, as a broken station would.
    for (const text of ['[2,"after-1","Heartbeat",{}]', '[2,"after-2","BootNotification",{}]', 'garbage']) {
      tcp.write(maskedTextFrame(text));
    }
    await socket.until(() => !socket.open, 10_000, 'the close');
    expect(socket.received.filter((text) => text.includes('after-'))).toEqual([]);
    const again = await FuzzSocket.open(`${app.wsUrl}/ocpp/default/FUZZ-AFTER-CLOSE`, 'ocpp1.6');
    again.send('[2,"again","Heartbeat",{}]');
    await again.until(
      () => again.received.some((text) => text.startsWith('[3,"again"')),
      10_000,
      'a heartbeat',
    );
    again.close();
  });

  it('closes a connection sending a text frame that is not UTF-8 (1007), as RFC 6455 says, and serves others', async () => {
    const socket = await FuzzSocket.open(`${app.wsUrl}/ocpp/default/FUZZ-UTF8`, 'ocpp2.0.1');
    const other = await FuzzSocket.open(`${app.wsUrl}/ocpp/default/FUZZ-UTF8-NEIGHBOUR`, 'ocpp2.0.1');
    socket.socket.send(Buffer.from([0x5b, 0x32, 0x2c, 0xff, 0xfe, 0x5d]), { binary: false });
    await socket.until(() => !socket.open, 10_000, 'the close');
    expect(socket.closeCode).toBe(1007);
    other.send('[2,"neighbour","Heartbeat",{}]');
    await other.until(
      () => other.received.some((text) => text.startsWith('[3,"neighbour"')),
      10_000,
      'a heartbeat',
    );
    other.close();
  });

  it('holds no more memory after the fuzzing than before it', async () => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(heapGrowthSince(heapBefore, 'the OCPP-J fuzzing')).toBeLessThan(HEAP_GROWTH_LIMIT);
    const health = await fetch(`${app.httpUrl}/health`);
    expect(health.status).toBe(200);
  });
});
