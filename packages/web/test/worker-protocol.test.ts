// The crypto worker's message protocol, driven through createWorkerHandler exactly as the Worker
// entry does: prepare → encrypt → reveal/forget, the failure codes, and parsing in both directions.
import { seededRandom, toHex } from '@ratify/crypto';
import { checkBallot, parsePrivateCredential, parseWireBallot, publicCredential, trackingCode } from '@ratify/protocol';
import { describe, expect, it } from 'vitest';
import { credentialStanding } from '../src/booth/credential-check.ts';
import { prepareVote } from '../src/crypto/ballot-params.ts';
import { createWorkerHandler } from '../src/crypto/worker-handler.ts';
import { parseWorkerRequest, parseWorkerResponse, type WorkerResponse } from '../src/crypto/worker-protocol.ts';
import { group, testCredential, testManifest, wireOf } from './fixtures.ts';

const manifest = testManifest();
const wire = wireOf(manifest);
const credential = testCredential();

function expectKind<K extends WorkerResponse['kind']>(r: WorkerResponse, kind: K): Extract<WorkerResponse, { kind: K }> {
  expect(r.kind, JSON.stringify(r)).toBe(kind);
  expect(parseWorkerResponse(r).ok).toBe(true);
  return r as Extract<WorkerResponse, { kind: K }>;
}

function prepared() {
  const handle = createWorkerHandler(group, seededRandom('worker-test'));
  expectKind(handle({ kind: 'prepare', id: 1, ...wire }), 'prepared');
  return handle;
}

describe('worker protocol', () => {
  it('prepares a vote and answers with its fingerprint', () => {
    const handle = createWorkerHandler(group);
    const r = expectKind(handle({ kind: 'prepare', id: 7, ...wire }), 'prepared');
    expect(r).toMatchObject({ id: 7, voteId: 'strike-2008', fingerprint: wire.fingerprint });
  });

  it('encrypts a ballot that the server-side checks accept, with the matching tracking code', () => {
    const handle = prepared();
    const r = expectKind(handle({ kind: 'encrypt', id: 2, voteId: 'strike-2008', selections: [[1, 0]], credential }), 'encrypted');
    const ballot = parseWireBallot(group, r.ballot);
    expect(ballot.ok).toBe(true);
    if (!ballot.ok) return;
    const params = prepareVote(group, wire.manifest);
    expect(params.ok && checkBallot(params.value.params, ballot.value).ok).toBe(true);
    expect(trackingCode(group, ballot.value)).toBe(r.trackingCode);
    expect(r.millis).toBeGreaterThanOrEqual(0);
  });

  it('reveals the last encryption once, then has nothing to reveal', () => {
    const handle = prepared();
    const r = expectKind(handle({ kind: 'encrypt', id: 2, voteId: 'strike-2008', selections: [[0, 1]], credential }), 'encrypted');
    const revealed = expectKind(handle({ kind: 'reveal', id: 3, trackingCode: r.trackingCode }), 'revealed');
    expect(JSON.parse(revealed.auditPackage)).toMatchObject({ format: 'ratify-ballot-audit/v1', vote: 'strike-2008', trackingCode: r.trackingCode, ballot: r.ballot, selections: [[0, 1]] });
    expect(expectKind(handle({ kind: 'reveal', id: 4, trackingCode: r.trackingCode }), 'failed').error).toBe('nothing_to_reveal');
  });

  it('reveals only the ballot it was asked about', () => {
    const handle = prepared();
    const first = expectKind(handle({ kind: 'encrypt', id: 2, voteId: 'strike-2008', selections: [[1, 0]], credential }), 'encrypted');
    expectKind(handle({ kind: 'encrypt', id: 3, voteId: 'strike-2008', selections: [[1, 0]], credential }), 'encrypted');
    expect(expectKind(handle({ kind: 'reveal', id: 4, trackingCode: first.trackingCode }), 'failed').error).toBe('nothing_to_reveal');
  });

  it('forgets the secrets after a cast', () => {
    const handle = prepared();
    const r = expectKind(handle({ kind: 'encrypt', id: 2, voteId: 'strike-2008', selections: [[1, 0]], credential }), 'encrypted');
    expectKind(handle({ kind: 'forget', id: 3 }), 'forgotten');
    expect(expectKind(handle({ kind: 'reveal', id: 4, trackingCode: r.trackingCode }), 'failed').error).toBe('nothing_to_reveal');
  });

  it('uses fresh randomness for every encryption of the same choices', () => {
    const handle = prepared();
    const a = expectKind(handle({ kind: 'encrypt', id: 2, voteId: 'strike-2008', selections: [[1, 0]], credential }), 'encrypted');
    const b = expectKind(handle({ kind: 'encrypt', id: 3, voteId: 'strike-2008', selections: [[1, 0]], credential }), 'encrypted');
    expect(a.trackingCode).not.toBe(b.trackingCode);
  });

  it.each([
    ['an unprepared vote', { kind: 'encrypt', id: 2, voteId: 'other', selections: [[1, 0]], credential }, 'not_prepared'],
    ['a credential with a typo', { kind: 'encrypt', id: 2, voteId: 'strike-2008', selections: [[1, 0]], credential: credential.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }, 'bad_credential_checksum'],
    ['a short credential', { kind: 'encrypt', id: 2, voteId: 'strike-2008', selections: [[1, 0]], credential: 'ABC' }, 'bad_credential_format'],
    ['two answers to a one-answer question', { kind: 'encrypt', id: 2, voteId: 'strike-2008', selections: [[1, 1]], credential }, 'invalid_selection'],
    ['a blank on a question without blank', { kind: 'encrypt', id: 2, voteId: 'strike-2008', selections: [[0, 0]], credential }, 'invalid_selection'],
    ['a missing question', { kind: 'encrypt', id: 2, voteId: 'strike-2008', selections: [], credential }, 'invalid_selection'],
    ['a selection that is not 0/1', { kind: 'encrypt', id: 2, voteId: 'strike-2008', selections: [[2, 0]], credential }, 'bad_request'],
    ['an unknown kind', { kind: 'decrypt', id: 2 }, 'bad_request'],
    ['an extra field', { kind: 'forget', id: 2, secret: 'x' }, 'bad_request'],
  ])('fails on %s', (_name, request, error) => {
    const handle = prepared();
    const r = expectKind(handle(request), 'failed');
    expect(r.error).toBe(error);
    expect(r.id).toBe(2);
  });

  it('refuses a manifest whose fingerprint is not the claimed one', () => {
    const handle = createWorkerHandler(group);
    const other = wireOf(testManifest({ voteId: 'ratify-2008' }));
    const r = expectKind(handle({ kind: 'prepare', id: 1, manifest: wire.manifest, fingerprint: other.fingerprint }), 'failed');
    expect(r.error).toBe('fingerprint_mismatch');
  });

  it('refuses a manifest that is not canonical', () => {
    const handle = createWorkerHandler(group);
    const r = expectKind(handle({ kind: 'prepare', id: 1, manifest: ` ${wire.manifest}`, fingerprint: wire.fingerprint }), 'failed');
    expect(r.error).toBe('invalid_manifest');
  });

  it('answers malformed messages with request id 0', () => {
    const handle = createWorkerHandler(group);
    expect(handle('hello')).toMatchObject({ kind: 'failed', id: 0, error: 'bad_request' });
    expect(handle(null)).toMatchObject({ kind: 'failed', id: 0, error: 'bad_request' });
  });

  it('parses requests and responses strictly', () => {
    expect(parseWorkerRequest({ kind: 'forget', id: 1 }).ok).toBe(true);
    expect(parseWorkerRequest({ kind: 'forget', id: -1 }).ok).toBe(false);
    expect(parseWorkerResponse({ kind: 'encrypted', id: 1, ballot: '{}', trackingCode: 'XYZ', millis: 1 }).ok).toBe(false);
    expect(parseWorkerResponse({ kind: 'failed', id: 1, error: 'made_up' }).ok).toBe(false);
  });

  it('computes the public credential of a credential for a vote, as the protocol does, and refuses a mistyped one', () => {
    const handle = createWorkerHandler(group);
    // The election id is the manifest's: the vote must be prepared first.
    expect(handle({ kind: 'public_credential', id: 2, voteId: 'strike-2008', credential })).toMatchObject({ kind: 'failed', id: 2, error: 'not_prepared' });
    expectKind(handle({ kind: 'prepare', id: 1, ...wire }), 'prepared');
    const r = expectKind(handle({ kind: 'public_credential', id: 3, voteId: 'strike-2008', credential }), 'public_credential');
    const parsed = parsePrivateCredential(credential);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(r.publicCredential).toBe(toHex(group.encodeElement(publicCredential(group, manifest, parsed.value))));
    // Another vote, another public credential.
    const otherWire = wireOf(testManifest({ voteId: 'other-vote' }));
    expectKind(handle({ kind: 'prepare', id: 4, ...otherWire }), 'prepared');
    const other = expectKind(handle({ kind: 'public_credential', id: 4, voteId: 'other-vote', credential }), 'public_credential');
    expect(other.publicCredential).not.toBe(r.publicCredential);
    const typo = credential.slice(0, -1) + (credential.endsWith('A') ? 'B' : 'A');
    expect(handle({ kind: 'public_credential', id: 5, voteId: 'strike-2008', credential: typo })).toMatchObject({ kind: 'failed', id: 5, error: 'bad_credential_checksum' });
  });
});

describe('credentialStanding (the booth looks its public credential up in one bucket)', () => {
  const bucket = { prefix: 'ab', active: ['ab01', 'ab02'], revoked: ['ab03'] };
  it('says active, revoked (replaced) or not listed, and refuses an answer for another bucket', () => {
    expect(credentialStanding(bucket, 'ab02')).toBe('active');
    expect(credentialStanding(bucket, 'ab03')).toBe('revoked');
    expect(credentialStanding(bucket, 'ab04')).toBe('not_listed');
    expect(credentialStanding(bucket, 'cd01')).toBe('wrong_bucket');
    expect(credentialStanding({ ...bucket, prefix: '' }, 'ab01')).toBe('wrong_bucket');
  });
});
