// A credential replaced mid-vote, end to end through the engine and the independent verifier: the
// revoked credential's ballot stops counting, the replacement votes, a ballot with the revoked
// credential is refused, and the record (with its credential_replaced event) verifies.
import { describe, expect, it } from 'vitest';
import { createPartialDecryption, ristretto255 as g, seededRandom, toHex, unwrap } from '@ratify/crypto';
import { type VoteDefinition, createEngine, definitionCeremonyContext, flattenTally, replaceCredential, runLocalCeremony } from '@ratify/engine';
import { asVoteId, createBallot, credentialSecret, encodeBallot, encodePartialDecryption, generatePrivateCredential, type PrivateCredential, publicCredential, asUnionId, generateElectionId } from '@ratify/protocol';
import { openStore } from '@ratify/storage';
import { verifyRecord } from '@ratify/verifier';
import { ristretto255 as caGroup } from '@ratify/crypto';
import { newAuthority } from '@ratify/engine';

/** The election committee's offline credential authority for this file's votes (test key). */
const TEST_AUTHORITY = newAuthority(caGroup, 'offline');

const rng = seededRandom('credential-replacement');
const VOTE = 'replacement-vote';

describe('credential replacement', () => {
  it('keeps one counted ballot per member and a record that verifies', async () => {
    const store = await openStore(':memory:');
    const engine = createEngine({ store, now: () => new Date('2026-11-10T12:00:00Z') });
    unwrap(await store.members.createUnion({ id: asUnionId('u'), name: 'Union' }));
    unwrap(await store.members.importRoll(asUnionId('u'), [1, 2].map((i) => ({ memberNumber: `M${i}`, name: `Member ${i}`, email: `m${i}@example.org`, goodStanding: true, unit: null }))));
    const definition: VoteDefinition = {
      credentialAuthority: TEST_AUTHORITY.credentialAuthority,
      voteId: VOTE,
      electionId: generateElectionId(),
      title: 'Replacement test',
      unionId: 'u',
      unionName: 'Union',
      recordDate: '2026-11-01',
      schedule: { opensAt: '2026-11-02T09:00:00Z', closesAt: '2026-11-20T17:00:00Z' },
      questions: [{ id: 'q', kind: 'yes_no', text: 'Yes?', options: ['yes', 'no'], min: 1, max: 1, blankAllowed: false, rule: { kind: 'ratification', blankPolicy: 'excluded' } }],
      trustees: { threshold: 2, members: [1, 2, 3].map((i) => ({ id: `t${i}`, name: `Trustee ${i}` })) },
    };
    const ceremony = runLocalCeremony(g, { context: definitionCeremonyContext(definition), threshold: 2, trusteeCount: 3 }, rng);
    unwrap(await engine.createVote(definition, ceremony.messages));
    const pub = (c: PrivateCredential) => toHex(g.encodeElement(publicCredential(g, definition, c)));
    const [lost, other] = [generatePrivateCredential(rng), generatePrivateCredential(rng)];
    unwrap(await engine.publishCredentials(asVoteId(VOTE), [pub(lost), pub(other)], { key: TEST_AUTHORITY.key }));
    unwrap(await engine.openVote(asVoteId(VOTE)));
    const ctx = unwrap(await engine.context(asVoteId(VOTE)));
    const cast = (c: PrivateCredential, yes: boolean) =>
      engine.castBallot(asVoteId(VOTE), encodeBallot(g, unwrap(createBallot(ctx.ballotParams, [yes ? [1, 0] : [0, 1]], credentialSecret(g, definition, c), rng)).ballot));

    unwrap(await cast(lost, true));
    unwrap(await cast(other, false));
    const replacement = generatePrivateCredential(rng);
    const replaced = await replaceCredential(store, g, asVoteId(VOTE), {
      revoked: pub(lost),
      added: pub(replacement),
      reason: 'reported lost',
      authorization: { key: TEST_AUTHORITY.key },
      actor: 'cli',
    });
    expect(replaced.ok).toBe(true);
    expect(await cast(lost, true)).toMatchObject({ ok: false, error: 'credential_revoked' });
    unwrap(await cast(replacement, false));
    expect(await store.ballots.listBallots(asVoteId(VOTE), { countedOnly: true })).toHaveLength(2);

    const tally = unwrap(await engine.closeVote(asVoteId(VOTE)));
    for (const key of ceremony.keys.slice(0, 2)) {
      unwrap(await engine.submitPartialDecryption(asVoteId(VOTE), encodePartialDecryption(g, createPartialDecryption(g, key, flattenTally(tally), ctx.fingerprint, rng))));
    }
    const result = unwrap(await engine.publishResult(asVoteId(VOTE)));
    // The lost credential's "yes" no longer counts; the member's replacement "no" does.
    expect(result.questions[0]!.counts.options).toEqual([0, 2]);
    const files = unwrap(await engine.exportRecord(asVoteId(VOTE)));
    expect(files.get('board.jsonl')).toContain('"kind":"credential_replaced"');
    const report = await verifyRecord(Object.fromEntries(files), { workers: 0 });
    expect(report.checks.filter((c) => c.status !== 'passed').map((c) => c.name)).toEqual([]);
    await store.close();
  });
});
