import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CertificateHashes, encodeOcspRequest, readOcspResponse } from './ocsp';

/** openssl is the independent party: it reads our requests and writes the responses we read. */
describe('OCSP (RFC 6960) requests and responses', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'csms-ocsp-'));
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) =>
    execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(() => {
    openssl(
      'req',
      '-x509',
      ...key,
      '-days',
      '1',
      '-subj',
      '/CN=Issuer',
      '-keyout',
      file('ca.key'),
      '-out',
      file('ca.crt'),
    );
    for (const [name, serial] of [
      ['good', '1001'],
      ['revoked', '1002'],
    ]) {
      openssl(
        'req',
        '-new',
        ...key,
        '-subj',
        `/CN=${name}`,
        '-keyout',
        file(`${name}.key`),
        '-out',
        file(`${name}.csr`),
      );
      openssl(
        'x509',
        '-req',
        '-in',
        file(`${name}.csr`),
        '-CA',
        file('ca.crt'),
        '-CAkey',
        file('ca.key'),
        '-set_serial',
        `0x${serial}`,
        '-days',
        '1',
        '-out',
        file(`${name}.crt`),
      );
    }
    writeFileSync(
      file('index.txt'),
      'V\t991231235959Z\t\t1001\tunknown\t/CN=good\nR\t991231235959Z\t240101000000Z\t1002\tunknown\t/CN=revoked\n',
    );
  });

  const hashesOf = (name: string): CertificateHashes => {
    openssl(
      'ocsp',
      '-sha256',
      '-issuer',
      file('ca.crt'),
      '-cert',
      file(`${name}.crt`),
      '-no_nonce',
      '-reqout',
      file(`${name}.req`),
    );
    const text = openssl('ocsp', '-reqin', file(`${name}.req`), '-req_text');
    const field = (label: string) => new RegExp(`${label}: ([0-9A-F]+)`).exec(text)![1].toLowerCase();
    return {
      hashAlgorithm: 'SHA256',
      issuerNameHash: field('Issuer Name Hash'),
      issuerKeyHash: field('Issuer Key Hash'),
      serialNumber: field('Serial Number'),
    };
  };

  it('encodes a request openssl reads back with the same certificate ids', () => {
    const good = hashesOf('good');
    writeFileSync(file('ours.req'), encodeOcspRequest([good]));
    const text = openssl('ocsp', '-reqin', file('ours.req'), '-req_text');
    expect(text).toContain(good.issuerNameHash.toUpperCase());
    expect(text).toContain(good.issuerKeyHash.toUpperCase());
    expect(text).toMatch(/Serial Number: 1001/);
    expect(text).toContain('sha256');
  });

  it("reads a responder's answer: good, revoked and unknown certificates", () => {
    const unknown = { ...hashesOf('good'), serialNumber: '0abc' };
    writeFileSync(file('both.req'), encodeOcspRequest([hashesOf('good'), hashesOf('revoked'), unknown]));
    openssl(
      'ocsp',
      '-index',
      file('index.txt'),
      '-CA',
      file('ca.crt'),
      '-rsigner',
      file('ca.crt'),
      '-rkey',
      file('ca.key'),
      '-reqin',
      file('both.req'),
      '-respout',
      file('both.resp'),
      '-ndays',
      '1',
    );
    const answer = readOcspResponse(readFileSync(file('both.resp')));
    expect(answer.successful).toBe(true);
    expect([...answer.states.entries()].sort()).toEqual([
      ['1001', 'good'],
      ['1002', 'revoked'],
      ['abc', 'unknown'],
    ]);
  });
});
