import { ConformanceApp, startConformanceApp, TOKENS } from '../support/conformance-app';
import {
  bootedStation201,
  energy,
  idToken,
  newTransactionId,
  status201,
  Tx201,
} from '../support/ocpp201-steps';
import { str } from '../support/operator';
import { Payload, StationPeer } from '../support/station-peer';
import { TestV2gPki } from '../support/test-v2g-pki';
import { createTag } from '../../support/users';

const GROUP = { idToken: TOKENS.group, type: 'Central' };
const MASTER_GROUP = { idToken: TOKENS.masterPassGroup, type: 'Central' };
const BLOCKED_IN_GROUP = 'OCTT-GROUP-BLOCKED';

/** OCTT 2.0.1 blocks C (authorization) and D (local authorization list). */
describe('OCTT OCPP 2.0.1 C – Authorization, D – Local Authorization List (CSMS under test)', () => {
  let app: ConformanceApp;
  let v2g: TestV2gPki;
  let pkiUrl: string;
  const op = () => app.operator;
  const station = (name: string, evses = 1) => bootedStation201(app, name, evses);
  const authorize = (peer: StationPeer, token: string, extra: Payload = {}) =>
    peer.call('Authorize', { idToken: idToken(token), ...extra });

  beforeAll(async () => {
    v2g = new TestV2gPki();
    pkiUrl = await v2g.start();
    app = await startConformanceApp('octt201-cd', { ISO15118_PKI_URL: pkiUrl });
    await createTag(app.operator.gql, { id: BLOCKED_IN_GROUP, active: false, parentTagId: TOKENS.group });
    await createTag(app.operator.gql, { id: 'EMAID-OCTT-GOOD' });
    await createTag(app.operator.gql, { id: 'EMAID-OCTT-REVOKED' });
  });
  afterAll(async () => {
    await app?.close();
    await v2g?.stop();
  });

  describe('C – Authorization', () => {
    it.each([
      [
        'TC_C_02_CSMS Local start transaction - Authorization Invalid/Unknown',
        TOKENS.invalid,
        ['Invalid', 'Unknown'],
      ],
      [
        'TC_C_06_CSMS Local start transaction - Authorization Blocked',
        TOKENS.blocked,
        ['Blocked', 'Invalid'],
      ],
      [
        'TC_C_07_CSMS Local start transaction - Authorization Expired',
        TOKENS.expired,
        ['Expired', 'Invalid'],
      ],
    ])('%s', async (_name, token, allowed) => {
      const peer = await station(`C-${token}`);
      const answer = await authorize(peer, token);
      expect(allowed).toContain(answer.idTokenInfo.status);
      expect(answer.idTokenInfo.status).toBe(allowed[0]);
    });

    it.each([
      ['TC_C_08_CSMS Authorization through authorization cache - Accepted', TOKENS.valid, 'Accepted'],
      ['TC_C_20_CSMS Authorization through authorization cache - Invalid', TOKENS.invalid, 'Invalid'],
    ])('%s', async (_name, token, status) => {
      const peer = await station(`C-cache-${status}`);
      await status201(peer, 1, 'Occupied');
      const tx = new Tx201(peer, newTransactionId('c-cache'));
      const answer = await tx.started('Authorized', {
        idToken: idToken(token),
        chargingState: 'EVConnected',
        meterValue: [energy(0, 'Transaction.Begin')],
      });
      expect(answer.idTokenInfo.status).toBe(status);
      if (status !== 'Accepted') {
        await tx.ended('Deauthorized', { stoppedReason: 'DeAuthorized' });
        expect(await op().transactionOf(peer.id, tx.transactionId)).toMatchObject({
          active: false,
          stopReason: 'DeAuthorized',
        });
      }
    });

    it.each([
      ['TC_C_37_CSMS Clear Authorization Data in Authorization Cache - Accepted', 'Accepted'],
      ['TC_C_38_CSMS Clear Authorization Data in Authorization Cache - Rejected', 'Rejected'],
    ])('%s', async (_name, answer) => {
      const peer = await station(`C-clear-${answer}`);
      const cleared = peer.answer('ClearCache', { status: answer });
      expect(await op().command(`clearCache(chargingStationId: ${str(peer.id)})`)).toEqual({
        status: answer,
      });
      expect(await cleared).toEqual({});
    });

    it('TC_C_39_CSMS Authorization by GroupId - Success', async () => {
      const peer = await station('C39');
      expect(await authorize(peer, TOKENS.groupA)).toEqual({
        idTokenInfo: { status: 'Accepted', groupIdToken: GROUP },
      });
      await status201(peer, 1, 'Occupied');
      const tx = new Tx201(peer, newTransactionId('c39'));
      expect(
        await tx.started('Authorized', { idToken: idToken(TOKENS.groupA), chargingState: 'Charging' }),
      ).toEqual({ idTokenInfo: { status: 'Accepted', groupIdToken: GROUP } });
      expect(await authorize(peer, TOKENS.groupB)).toEqual({
        idTokenInfo: { status: 'Accepted', groupIdToken: GROUP },
      });
      expect(
        await tx.ended('StopAuthorized', { idToken: idToken(TOKENS.groupB), stoppedReason: 'Local' }),
      ).toEqual({ idTokenInfo: { status: 'Accepted', groupIdToken: GROUP } });
      expect(await op().transactionOf(peer.id, tx.transactionId)).toMatchObject({
        active: false,
        tagId: TOKENS.groupA,
      });
    });

    const sendList = async (peer: StationPeer, tags: string[]) => {
      const sent = peer.answer('SendLocalList', { status: 'Accepted' });
      expect(
        await op().command(
          `sendLocalList(chargingStationId: ${str(peer.id)}, input: { listVersion: 1, updateType: FULL, tagIds: [${tags.map(str).join(', ')}] })`,
        ),
      ).toEqual({ status: 'Accepted' });
      return sent;
    };

    it('TC_C_40_CSMS Authorization by GroupId - Success with Local Authorization List', async () => {
      const peer = await station('C40');
      expect(await sendList(peer, [TOKENS.groupA, TOKENS.groupB])).toEqual({
        versionNumber: 1,
        updateType: 'Full',
        localAuthorizationList: [
          { idToken: idToken(TOKENS.groupA), idTokenInfo: { status: 'Accepted', groupIdToken: GROUP } },
          { idToken: idToken(TOKENS.groupB), idTokenInfo: { status: 'Accepted', groupIdToken: GROUP } },
        ],
      });
      await status201(peer, 1, 'Occupied');
      const tx = new Tx201(peer, newTransactionId('c40'));
      expect(
        await tx.started('Authorized', { idToken: idToken(TOKENS.groupA), chargingState: 'Charging' }),
      ).toEqual({
        idTokenInfo: { status: 'Accepted', groupIdToken: GROUP },
      });
      expect(
        await tx.ended('StopAuthorized', { idToken: idToken(TOKENS.groupB), stoppedReason: 'Local' }),
      ).toEqual({ idTokenInfo: { status: 'Accepted', groupIdToken: GROUP } });
    });

    it('TC_C_43_CSMS Authorization by GroupId - Invalid status with Local Authorization List', async () => {
      const peer = await station('C43');
      expect(await sendList(peer, [TOKENS.groupA, BLOCKED_IN_GROUP])).toMatchObject({
        localAuthorizationList: [
          { idToken: idToken(TOKENS.groupA), idTokenInfo: { status: 'Accepted', groupIdToken: GROUP } },
          { idToken: idToken(BLOCKED_IN_GROUP), idTokenInfo: { status: 'Blocked', groupIdToken: GROUP } },
        ],
      });
      await status201(peer, 1, 'Occupied');
      const tx = new Tx201(peer, newTransactionId('c43'));
      expect(
        await tx.started('Authorized', { idToken: idToken(TOKENS.groupA), chargingState: 'Charging' }),
      ).toEqual({
        idTokenInfo: { status: 'Accepted', groupIdToken: GROUP },
      });
      expect(await authorize(peer, BLOCKED_IN_GROUP)).toEqual({
        idTokenInfo: { status: 'Blocked', groupIdToken: GROUP },
      });
    });

    it.each([
      ['TC_C_47_CSMS Stop Transaction with a Master Pass - With UI - All transactions', 2],
      ['TC_C_48_CSMS Stop Transaction with a Master Pass - With UI - Specific transactions', 1],
      ['TC_C_49_CSMS Stop Transaction with a Master Pass - Without UI', 2],
    ])('%s', async (name, stopped) => {
      const peer = await station(`C-master-${name.slice(5, 9)}`, 2);
      const transactions: Tx201[] = [];
      for (const evseId of [1, 2]) {
        await status201(peer, evseId, 'Occupied');
        const tx = new Tx201(peer, newTransactionId('master'), evseId);
        await tx.started('Authorized', { idToken: idToken(TOKENS.valid), chargingState: 'Charging' });
        transactions.push(tx);
      }
      expect(await authorize(peer, TOKENS.masterPass)).toEqual({
        idTokenInfo: { status: 'Accepted', groupIdToken: MASTER_GROUP },
      });
      for (const tx of transactions.slice(0, stopped)) {
        expect(
          await tx.ended('StopAuthorized', {
            idToken: idToken(TOKENS.masterPass),
            stoppedReason: 'MasterPass',
          }),
        ).toEqual({ idTokenInfo: { status: 'Accepted', groupIdToken: MASTER_GROUP } });
      }
      const sessions = await Promise.all(
        transactions.map((tx) => op().transactionOf(peer.id, tx.transactionId)),
      );
      expect(sessions.map((session) => session?.stopReason ?? null)).toEqual(
        [1, 2].map((index) => (index <= stopped ? 'MasterPass' : null)),
      );
    });

    const contractToken = (emaid: string) => ({ idToken: emaid, type: 'eMAID' });
    const withResponder = (hashes: Payload) => ({ ...hashes, responderURL: `${pkiUrl}/ocsp` });

    it('TC_C_50_CSMS Authorization using Contract Certificates 15118 - Online - Local contract certificate validation - Accepted', async () => {
      const peer = await station('C50');
      const asked = v2g.ocspRequests.length;
      const answer = await peer.call('Authorize', {
        idToken: contractToken('EMAID-OCTT-GOOD'),
        iso15118CertificateHashData: [withResponder(v2g.hashesOf(v2g.contract))],
      });
      expect(answer).toEqual({ idTokenInfo: { status: 'Accepted' }, certificateStatus: 'Accepted' });
      expect(v2g.ocspRequests.length).toBe(asked + 1);
    });

    it('TC_C_51_CSMS Authorization using Contract Certificates 15118 - Online - Local contract certificate validation - Rejected', async () => {
      const peer = await station('C51');
      const answer = await peer.call('Authorize', {
        idToken: contractToken('EMAID-OCTT-REVOKED'),
        iso15118CertificateHashData: [withResponder(v2g.hashesOf(v2g.revokedContract))],
      });
      expect(answer.certificateStatus).toBe('CertificateRevoked');
      expect(answer.idTokenInfo.status).not.toBe('Accepted');
    });

    it('TC_C_52_CSMS Authorization using Contract Certificates 15118 - Online - Central contract certificate validation - Accepted', async () => {
      const peer = await station('C52');
      const answer = await peer.call('Authorize', {
        idToken: contractToken('EMAID-OCTT-GOOD'),
        certificate: `${v2g.contract.pem}${v2g.subCa.pem}`,
      });
      expect(answer).toEqual({ idTokenInfo: { status: 'Accepted' }, certificateStatus: 'Accepted' });
      const revoked = await peer.call('Authorize', {
        idToken: contractToken('EMAID-OCTT-REVOKED'),
        certificate: `${v2g.revokedContract.pem}${v2g.subCa.pem}`,
      });
      expect(revoked).toMatchObject({
        idTokenInfo: { status: 'Invalid' },
        certificateStatus: 'CertificateRevoked',
      });
    });
  });

  describe('D – Local Authorization List Management', () => {
    const sendLocalList = async (peer: StationPeer, input: string, answer = 'Accepted') => {
      const sent = peer.answer('SendLocalList', { status: answer });
      expect(
        await op().command(`sendLocalList(chargingStationId: ${str(peer.id)}, input: ${input})`),
      ).toEqual({
        status: answer,
      });
      return sent;
    };

    it('TC_D_01_CSMS Send Local Authorization List - Full', async () => {
      const peer = await station('D01');
      expect(
        await sendLocalList(
          peer,
          `{ listVersion: 3, updateType: FULL, tagIds: [${str(TOKENS.valid)}, ${str(TOKENS.expired)}] }`,
        ),
      ).toEqual({
        versionNumber: 3,
        updateType: 'Full',
        localAuthorizationList: [
          { idToken: idToken(TOKENS.valid), idTokenInfo: { status: 'Accepted' } },
          {
            idToken: idToken(TOKENS.expired),
            idTokenInfo: { status: 'Expired', cacheExpiryDateTime: '2020-01-01T00:00:00.000Z' },
          },
        ],
      });
    });

    it('TC_D_02_CSMS Send Local Authorization List - Differential Update', async () => {
      const peer = await station('D02');
      expect(
        await sendLocalList(
          peer,
          `{ listVersion: 4, updateType: DIFFERENTIAL, tagIds: [${str(TOKENS.blocked)}] }`,
        ),
      ).toEqual({
        versionNumber: 4,
        updateType: 'Differential',
        localAuthorizationList: [{ idToken: idToken(TOKENS.blocked), idTokenInfo: { status: 'Blocked' } }],
      });
    });

    it('TC_D_03_CSMS Send Local Authorization List - Differential Remove', async () => {
      const peer = await station('D03');
      expect(
        await sendLocalList(
          peer,
          `{ listVersion: 5, updateType: DIFFERENTIAL, removeTagIds: [${str(TOKENS.valid)}] }`,
        ),
      ).toEqual({
        versionNumber: 5,
        updateType: 'Differential',
        localAuthorizationList: [{ idToken: idToken(TOKENS.valid) }],
      });
      expect(
        await op().refusal(
          `sendLocalList(chargingStationId: ${str(peer.id)}, input: { listVersion: 6, updateType: FULL, removeTagIds: ["X"] }) { status }`,
        ),
      ).toBe('BAD_USER_INPUT');
    });

    it('TC_D_04_CSMS Send Local Authorization List - Full with empty list', async () => {
      const peer = await station('D04');
      expect(await sendLocalList(peer, '{ listVersion: 7, updateType: FULL, tagIds: [] }')).toEqual({
        versionNumber: 7,
        updateType: 'Full',
      });
    });

    it.each([
      ['TC_D_08_CSMS Get Local List Version - Success', 7],
      ['TC_D_09_CSMS Get Local List Version - No list available', 0],
    ])('%s', async (_name, versionNumber) => {
      const peer = await station(`D-version-${versionNumber}`);
      const asked = peer.answer('GetLocalListVersion', { versionNumber });
      expect(await op().command(`getLocalListVersion(chargingStationId: ${str(peer.id)})`)).toEqual({
        status: 'Accepted',
        data: { listVersion: versionNumber },
      });
      expect(await asked).toEqual({});
    });
  });
});
