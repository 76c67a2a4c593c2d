import { ConformanceApp, startConformanceApp } from '../support/conformance-app';
import { bootedStation201 } from '../support/ocpp201-steps';
import { str } from '../support/operator';
import { Payload, StationPeer } from '../support/station-peer';
import { TestV2gPki } from '../support/test-v2g-pki';

const SCHEMA_VERSION = 'urn:iso:15118:2:2013:MsgDef';

/** Installed-certificate hashes as a station reports them, per hash algorithm. */
const hashes = (hashAlgorithm: string, serialNumber: string) => ({
  hashAlgorithm,
  issuerNameHash: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
  issuerKeyHash: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
  serialNumber,
});

/** OCTT 2.0.1 block M: installing, listing and deleting certificates; ISO 15118 certificates through the PKI. */
describe('OCTT OCPP 2.0.1 M – (ISO 15118) Certificate Management (CSMS under test)', () => {
  let app: ConformanceApp;
  let v2g: TestV2gPki;
  let pkiUrl: string;
  const op = () => app.operator;
  const station = (name: string) => bootedStation201(app, name);

  beforeAll(async () => {
    v2g = new TestV2gPki();
    pkiUrl = await v2g.start();
    app = await startConformanceApp('octt201-m', { ISO15118_PKI_URL: pkiUrl });
  });
  afterAll(async () => {
    await app?.close();
    await v2g?.stop();
  });

  it.each([
    ['TC_M_01_CSMS Install CA certificate - CSMSRootCertificate', 'CSMSRootCertificate', 'Accepted'],
    [
      'TC_M_02_CSMS Install CA certificate - ManufacturerRootCertificate',
      'ManufacturerRootCertificate',
      'Accepted',
    ],
    ['TC_M_03_CSMS Install CA certificate - V2GRootCertificate', 'V2GRootCertificate', 'Accepted'],
    ['TC_M_04_CSMS Install CA certificate - MORootCertificate', 'MORootCertificate', 'Accepted'],
    ['TC_M_05_CSMS Install CA certificate - Failed', 'CSMSRootCertificate', 'Failed'],
  ])('%s', async (name, certificateType, answer) => {
    const peer = await station(`M-${name.slice(5, 9)}`);
    const certificate = v2g.root.pem;
    const install = peer.answer('InstallCertificate', { status: answer });
    expect(
      await op().command(
        `installCertificate(chargingStationId: ${str(peer.id)}, certificateType: ${certificateType}, certificate: ${str(certificate)})`,
      ),
    ).toEqual({ status: answer });
    expect(await install).toEqual({ certificateType, certificate });
  });

  /** GetInstalledCertificateIds through GraphQL; resolves with the request the station got and the result. */
  const installed = async (peer: StationPeer, types: string, answer: Payload) => {
    const asked = peer.answer('GetInstalledCertificateIds', answer);
    const result = await op().command(
      `getInstalledCertificateIds(chargingStationId: ${str(peer.id)}${types ? `, certificateTypes: [${types}]` : ''})`,
    );
    return { request: await asked, result };
  };
  const chainOf = (certificateType: string, serial: string, extra: Payload = {}) =>
    ['SHA256', 'SHA384', 'SHA512'].map((hashAlgorithm) => ({
      certificateType,
      certificateHashData: hashes(hashAlgorithm, serial),
      ...extra,
    }));

  it.each([
    [
      'TC_M_12_CSMS Retrieve certificates from Charging Station - CSMSRootCertificate',
      ['CSMSRootCertificate'],
    ],
    [
      'TC_M_13_CSMS Retrieve certificates from Charging Station - ManufacturerRootCertificate',
      ['ManufacturerRootCertificate'],
    ],
    ['TC_M_14_CSMS Retrieve certificates from Charging Station - V2GRootCertificate', ['V2GRootCertificate']],
    ['TC_M_16_CSMS Retrieve certificates from Charging Station - MORootCertificate', ['MORootCertificate']],
    [
      'TC_M_17_CSMS Retrieve certificates from Charging Station - CSMSRootCertificate & ManufacturerRootCertificate',
      ['CSMSRootCertificate', 'ManufacturerRootCertificate'],
    ],
  ])('%s', async (name, types) => {
    const peer = await station(`M-${name.slice(5, 9)}`);
    const chain = types.flatMap((type, index) => chainOf(type, `0${index + 1}`));
    const { request, result } = await installed(peer, types.join(', '), {
      status: 'Accepted',
      certificateHashDataChain: chain,
    });
    expect(request).toEqual({ certificateType: types });
    expect(result).toEqual({ status: 'Accepted', data: { certificateHashDataChain: chain } });
  });

  it('TC_M_15_CSMS Retrieve certificates from Charging Station - V2GCertificateChain', async () => {
    const peer = await station('M15');
    const chain = chainOf('V2GCertificateChain', '10', {
      childCertificateHashData: [hashes('SHA256', '11'), hashes('SHA256', '12')],
    });
    const { request, result } = await installed(peer, 'V2GCertificateChain', {
      status: 'Accepted',
      certificateHashDataChain: chain,
    });
    expect(request).toEqual({ certificateType: ['V2GCertificateChain'] });
    expect(result.data).toEqual({ certificateHashDataChain: chain });
  });

  it('TC_M_18_CSMS Retrieve certificates from Charging Station - All certificateTypes', async () => {
    const peer = await station('M18');
    const chain = [...chainOf('CSMSRootCertificate', '01'), ...chainOf('V2GRootCertificate', '02')];
    const { request, result } = await installed(peer, '', {
      status: 'Accepted',
      certificateHashDataChain: chain,
    });
    expect(request).toEqual({});
    expect(result).toEqual({ status: 'Accepted', data: { certificateHashDataChain: chain } });
  });

  it('TC_M_19_CSMS Retrieve certificates from Charging Station - No matching certificate found', async () => {
    const peer = await station('M19');
    const { result } = await installed(peer, 'MORootCertificate', { status: 'NotFound' });
    expect(result).toEqual({ status: 'NotFound' });
  });

  it.each([
    ['TC_M_20_CSMS Delete a certificate from a Charging Station - Success', 'Accepted'],
    ['TC_M_21_CSMS Delete a certificate from a Charging Station - Failed', 'Failed'],
  ])('%s', async (_name, answer) => {
    const peer = await station(`M-delete-${answer}`);
    const { result } = await installed(peer, 'CSMSRootCertificate', {
      status: 'Accepted',
      certificateHashDataChain: chainOf('CSMSRootCertificate', '2a').slice(0, 1),
    });
    const [entry] = (result.data as { certificateHashDataChain: { certificateHashData: Payload }[] })
      .certificateHashDataChain;
    const input = Object.entries(entry.certificateHashData)
      .map(([key, value]) => `${key}: ${key === 'hashAlgorithm' ? String(value) : str(String(value))}`)
      .join(', ');
    const deleted = peer.answer('DeleteCertificate', { status: answer });
    expect(
      await op().command(`deleteCertificate(chargingStationId: ${str(peer.id)}, certificate: { ${input} })`),
    ).toEqual({
      status: answer,
    });
    expect(await deleted).toEqual({ certificateHashData: entry.certificateHashData });
  });

  it('TC_M_24_CSMS Get Charging Station Certificate status - Success', async () => {
    const peer = await station('M24');
    const ocspRequestData = { ...v2g.hashesOf(v2g.contract), responderURL: `${pkiUrl}/ocsp` };
    const answer = await peer.call('GetCertificateStatus', { ocspRequestData });
    expect(answer).toEqual({ status: 'Accepted', ocspResult: expect.any(String) });
    // The station gets the responder's own signed answer, which says the certificate is good.
    expect(v2g.ocspStatusOf(answer.ocspResult as string, v2g.contract)).toBe('good');
    const revoked = await peer.call('GetCertificateStatus', {
      ocspRequestData: { ...v2g.hashesOf(v2g.revokedContract), responderURL: `${pkiUrl}/ocsp` },
    });
    expect(v2g.ocspStatusOf(revoked.ocspResult as string, v2g.revokedContract)).toBe('revoked');
    expect(await op().notifications(peer.id, 'GetCertificateStatus')).toHaveLength(2);
  });

  it.each([
    ['TC_M_26_CSMS Certificate Installation EV - Success', 'Install'],
    ['TC_M_28_CSMS Certificate Update EV - Success', 'Update'],
  ])('%s', async (_name, action) => {
    const peer = await station(`M-ev-${action}`);
    const exiRequest = Buffer.from(`EXI:CertificateInstallationReq:${action}`).toString('base64');
    const answer = await peer.call('Get15118EVCertificate', {
      iso15118SchemaVersion: SCHEMA_VERSION,
      action,
      exiRequest,
    });
    expect(answer).toEqual({
      status: 'Accepted',
      exiResponse: Buffer.from(`OCTT-PKI:${action}:${exiRequest}`).toString('base64'),
    });
    expect(v2g.evRequests.at(-1)).toEqual({
      chargingStationId: peer.id,
      iso15118SchemaVersion: SCHEMA_VERSION,
      action,
      exiRequest,
    });
  });
});
