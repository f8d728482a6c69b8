// Refusals through the engine: each bad input gets its reason code and changes nothing.
import { describe, expect, it } from 'vitest';
import { type Engine, createEngine, flattenTally, runLocalCeremony, definitionCeremonyContext, type VoteDefinition } from '../src/index.ts';
import { openStore } from '@ratify/storage';
import { createPartialDecryption, ristretto255 as g, seededRandom, toHex, unwrap, type TrusteeKey } from '@ratify/crypto';
import { asVoteId, createBallot, credentialSecret, encodeBallot, encodePartialDecryption, generatePrivateCredential, type PrivateCredential, publicCredential, asUnionId, generateElectionId } from '@ratify/protocol';
import { ristretto255 as caGroup } from '@ratify/crypto';
import { newAuthority } from '@ratify/engine';

/** The election committee's offline credential authority for this file's votes (test key). */
const TEST_AUTHORITY = newAuthority(caGroup, 'offline');

const rng = seededRandom('engine-refusals');

async function setUp(revotePolicy: 'last_counts' | 'first_counts' = 'last_counts') {
  const store = await openStore(':memory:');
  const engine = createEngine({ store, now: () => new Date('2026-11-10T12:00:00Z') });
  unwrap(await store.members.createUnion({ id: asUnionId('aftra'), name: 'Federation' }));
  unwrap(
    await store.members.importRoll(
      asUnionId('aftra'),
      ['1', '2', '3'].map((n) => ({ memberNumber: `F${n}`, name: `Member ${n}`, email: `f${n}@example.org`, goodStanding: true, unit: null })),
    ),
  );
  const definition: VoteDefinition = {
    credentialAuthority: TEST_AUTHORITY.credentialAuthority,
    voteId: 'primetime',
    electionId: generateElectionId(),
    title: 'Primetime contract ratification',
    unionId: 'aftra',
    unionName: 'Federation',
    recordDate: '2026-11-01',
    schedule: { opensAt: '2026-11-02T09:00:00Z', closesAt: '2026-11-20T17:00:00Z' },
    revotePolicy,
    questions: [
      { id: 'ratify', kind: 'yes_no', text: 'Ratify?', options: ['yes', 'no'], min: 1, max: 1, blankAllowed: false, rule: { kind: 'ratification', blankPolicy: 'excluded' } },
    ],
    trustees: { threshold: 2, members: [1, 2, 3].map((i) => ({ id: `t${i}`, name: `Trustee ${i}` })) },
  };
  const ceremony = runLocalCeremony(g, { context: definitionCeremonyContext(definition), threshold: 2, trusteeCount: 3 }, rng);
  unwrap(await engine.createVote(definition, ceremony.messages));
  const creds = [0, 1, 2].map(() => generatePrivateCredential(rng));
  unwrap(await engine.publishCredentials(asVoteId('primetime'), creds.map((c) => toHex(g.encodeElement(publicCredential(g, definition, c)))), { key: TEST_AUTHORITY.key }));
  unwrap(await engine.openVote(asVoteId('primetime')));
  return { store, engine, creds, keys: ceremony.keys };
}

async function ballotText(engine: Engine, credential: PrivateCredential, yes: boolean) {
  const ctx = unwrap(await engine.context(asVoteId('primetime')));
  const { ballot } = unwrap(createBallot(ctx.ballotParams, [yes ? [1, 0] : [0, 1]], credentialSecret(g, ctx.manifest, credential), rng));
  return encodeBallot(g, ballot);
}

async function decrypt(engine: Engine, keys: readonly TrusteeKey[]) {
  const ctx = unwrap(await engine.context(asVoteId('primetime')));
  const tally = unwrap(await engine.readTally(asVoteId('primetime')));
  return keys.map((k) => encodePartialDecryption(g, createPartialDecryption(g, k, flattenTally(tally), ctx.fingerprint, rng)));
}

describe('engine refusals', () => {
  it('publishes exactly one credential per eligible member, no more, no fewer', async () => {
    const store = await openStore(':memory:');
    const engine = createEngine({ store });
    unwrap(await store.members.createUnion({ id: asUnionId('aftra'), name: 'Federation' }));
    unwrap(await store.members.importRoll(asUnionId('aftra'), [{ memberNumber: 'F1', name: 'One', email: 'f1@example.org', goodStanding: true, unit: null }]));
    const definition: VoteDefinition = {
      credentialAuthority: TEST_AUTHORITY.credentialAuthority,
      voteId: 'count',
      electionId: generateElectionId(),
      title: 'Count',
      unionId: 'aftra',
      unionName: 'Federation',
      recordDate: '2026-11-01',
      schedule: { opensAt: '2026-11-02T09:00:00Z', closesAt: '2026-11-20T17:00:00Z' },
      questions: [{ id: 'q', kind: 'yes_no', text: 'Yes?', options: ['yes', 'no'], min: 1, max: 1, blankAllowed: false, rule: { kind: 'ratification', blankPolicy: 'excluded' } }],
      trustees: { threshold: 1, members: [{ id: 't1', name: 'Trustee' }] },
    };
    const ceremony = runLocalCeremony(g, { context: definitionCeremonyContext(definition), threshold: 1, trusteeCount: 1 }, rng);
    unwrap(await engine.createVote(definition, ceremony.messages));
    const two = [0, 1].map(() => toHex(g.encodeElement(publicCredential(g, definition, generatePrivateCredential(rng)))));
    expect(await engine.publishCredentials(asVoteId('count'), two, { key: TEST_AUTHORITY.key })).toMatchObject({ ok: false, error: 'credential_count_mismatch' });
    expect(await store.ballots.listCredentials(asVoteId('count'))).toHaveLength(0);
    unwrap(await engine.publishCredentials(asVoteId('count'), two.slice(0, 1), { key: TEST_AUTHORITY.key }));
  });

  it('refuses a ballot to a vote that is not open before checking any proof', async () => {
    const { engine, creds } = await setUp();
    unwrap(await engine.closeVote(asVoteId('primetime')));
    const text = await ballotText(engine, creds[0]!, true);
    const junk = JSON.parse(text);
    junk.answers[0].choices[0].proof[0].challenge = junk.answers[0].choices[0].proof[1].challenge;
    expect(await engine.castBallot(asVoteId('primetime'), JSON.stringify(junk))).toMatchObject({ ok: false, error: 'vote_closed' });
  });

  it('refuses a ballot signed with a credential that is not on the list', async () => {
    const { engine, store } = await setUp();
    const stranger = generatePrivateCredential(rng);
    const r = await engine.castBallot(asVoteId('primetime'), await ballotText(engine, stranger, true));
    expect(r).toMatchObject({ ok: false, error: 'unknown_credential' });
    expect(await store.ballots.listBallots(asVoteId('primetime'))).toHaveLength(0);
  });

  it('refuses a non-canonical or tampered ballot with a reason code and stores nothing', async () => {
    const { engine, store, creds } = await setUp();
    const text = await ballotText(engine, creds[0]!, true);
    expect(await engine.castBallot(asVoteId('primetime'), ` ${text}`)).toMatchObject({ ok: false, error: 'non_canonical' });
    const wire = JSON.parse(text);
    wire.answers[0].choices[0].proof[0].challenge = wire.answers[0].choices[0].proof[1].challenge;
    expect(await engine.castBallot(asVoteId('primetime'), JSON.stringify(wire))).toMatchObject({ ok: false, error: 'invalid_choice_proof' });
    expect(await store.ballots.listBallots(asVoteId('primetime'))).toHaveLength(0);
    const events = await store.board.listEvents(asVoteId('primetime'));
    expect(events.map((e) => e.kind)).not.toContain('ballot_accepted');
  });

  it('counts the last ballot under last_counts and records the superseded one', async () => {
    const { engine, store, creds } = await setUp();
    const first = unwrap(await engine.castBallot(asVoteId('primetime'), await ballotText(engine, creds[0]!, true)));
    const second = unwrap(await engine.castBallot(asVoteId('primetime'), await ballotText(engine, creds[0]!, false)));
    expect(second.superseded).toBe(first.trackingCode);
    expect(await store.ballots.listBallots(asVoteId('primetime'), { countedOnly: true })).toHaveLength(1);
    expect((await store.board.listEvents(asVoteId('primetime'))).at(-1)!.kind).toBe('ballot_superseded');
  });

  it('refuses a second ballot under first_counts with already_voted, storing nothing', async () => {
    const { engine, store, creds } = await setUp('first_counts');
    unwrap(await engine.castBallot(asVoteId('primetime'), await ballotText(engine, creds[0]!, true)));
    const before = (await store.board.listEvents(asVoteId('primetime'))).length;
    expect(await engine.castBallot(asVoteId('primetime'), await ballotText(engine, creds[0]!, false))).toMatchObject({ ok: false, error: 'already_voted' });
    expect((await store.board.listEvents(asVoteId('primetime'))).length).toBe(before);
    expect(await store.ballots.listBallots(asVoteId('primetime'))).toHaveLength(1);
  });

  it('refuses ballots after the close, duplicate and bad partial decryptions, and a result before k shares', async () => {
    const { engine, creds, keys } = await setUp();
    unwrap(await engine.castBallot(asVoteId('primetime'), await ballotText(engine, creds[0]!, true)));
    unwrap(await engine.castBallot(asVoteId('primetime'), await ballotText(engine, creds[1]!, true)));
    unwrap(await engine.closeVote(asVoteId('primetime')));
    expect(await engine.castBallot(asVoteId('primetime'), await ballotText(engine, creds[2]!, true))).toMatchObject({ ok: false, error: 'vote_closed' });
    const [p1, p2] = await decrypt(engine, keys);
    unwrap(await engine.submitPartialDecryption(asVoteId('primetime'), p1!));
    expect(await engine.submitPartialDecryption(asVoteId('primetime'), p1!)).toMatchObject({ ok: false, error: 'duplicate_partial_decryption' });
    expect(await engine.publishResult(asVoteId('primetime'))).toMatchObject({ ok: false, error: 'not_enough_shares' });
    const forged = JSON.parse(p2!);
    forged.proofs[0].response = forged.proofs[1]?.response ?? forged.proofs[0].challenge;
    expect(await engine.submitPartialDecryption(asVoteId('primetime'), JSON.stringify(forged))).toMatchObject({ ok: false, error: 'bad_decryption_proof' });
    unwrap(await engine.submitPartialDecryption(asVoteId('primetime'), p2!));
    const result = unwrap(await engine.publishResult(asVoteId('primetime')));
    expect(result.questions[0]!.counts.options).toEqual([2, 0]);
    expect(result.questions[0]!.evaluation.outcome.kind).toBe('passed');
    expect(result.decryptedBy).toEqual([1, 2]);
  });
});
