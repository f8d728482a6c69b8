// Tamper classes of the vote's setup (checks manifest, ceremony, credentials): every record here is
// re-chained after the edit (helpers.rewritten), so the chain and extracts stay valid and only the
// named check — and the checks that sensibly depend on the edited data — fail.
import { describe, expect, it } from 'vitest';
import { buildVote } from './record-builder.ts';
import { bumpScalarHex, codes, failed, findings, nth, obj, resignCredentials, rewritten, statuses, verify } from './helpers.ts';

const vote = buildVote();
const edit = (fn: Parameters<typeof rewritten>[1]) => rewritten(vote.entries, fn);
/** An edit of the credential list re-signed with the authority key, so only the structural check fails. */
const editList = (fn: Parameters<typeof rewritten>[1]) =>
  rewritten(vote.entries, (entries) => {
    fn(entries);
    resignCredentials(vote, entries);
  });
type Entries = Parameters<Parameters<typeof rewritten>[1]>[0];
const credentials = (entries: Entries) => nth(entries, 'credentials_published').payload.credentials as string[];
/** Index of a listed credential no ballot uses (the roll has more members than voters). */
const unusedCredential = (entries: Entries): number => {
  const used = new Set(entries.filter((e) => e.kind === 'ballot_accepted').map((e) => (e.payload.ballot as { credential: string }).credential));
  return credentials(entries).findIndex((c) => !used.has(c));
};

describe('manifest', () => {
  it('a broken invariant is named; checks that do not need the fingerprint still run', async () => {
    const report = await verify(
      edit((entries) => {
        const schedule = obj(obj(nth(entries, 'vote_created').payload.manifest).schedule);
        [schedule.opensAt, schedule.closesAt] = [schedule.closesAt!, schedule.opensAt!];
      }),
    );
    expect(codes(report, 'manifest')).toEqual(['schedule_order']);
    const s = statuses(report);
    expect([s.files, s.board_chain, s.record_index, s.extracts, s.ceremony, s.revote_policy]).toEqual(Array(6).fill('passed'));
    // The credential authority signed the list under the old fingerprint.
    expect(codes(report, 'credentials')).toEqual(['invalid_authority_signature']);
    // Every ballot and decryption proof is bound to the fingerprint, which the edit changed.
    expect(new Set(codes(report, 'ballots'))).toEqual(new Set(['wrong_vote']));
    expect(codes(report, 'partial_decryptions')).toContain('bad_decryption_proof');
  });

  it('a manifest that does not parse leaves the dependent checks skipped, not passed', async () => {
    const report = await verify(edit((entries) => (obj(nth(entries, 'vote_created').payload.manifest).color = 'red')));
    expect(codes(report, 'manifest')).toEqual(['schema_mismatch']);
    const s = statuses(report);
    expect([s.ceremony, s.ballots, s.revote_policy, s.partial_decryptions, s.decryption, s.outcome]).toEqual(Array(6).fill('skipped'));
    expect(report.ok).toBe(false);
  });

  it('a ratify/v1 record is refused with a message naming both versions, not checked by v2 rules (decision 0016)', async () => {
    const report = await verify(
      edit((entries) => {
        const manifest = obj(nth(entries, 'vote_created').payload.manifest);
        manifest.version = 'ratify/v1';
        delete manifest.electionId;
      }),
    );
    expect(findings(report, 'manifest')).toEqual([expect.objectContaining({ code: 'unsupported_version', detail: expect.stringMatching(/ratify\/v1.*ratify\/v2/) })]);
    const s = statuses(report);
    expect([s.ceremony, s.ballots, s.revote_policy, s.partial_decryptions, s.decryption, s.outcome]).toEqual(Array(6).fill('skipped'));
    expect(report.ok).toBe(false);
  });
});

describe('ceremony', () => {
  it('a coefficient proof that does not verify names the trustee', async () => {
    const report = await verify(
      edit((entries) => {
        const messages = nth(entries, 'trustees_published').payload.messages as Record<string, unknown>[];
        const coefficient = (messages[0]!.coefficients as { proof: { response: string } }[])[1]!;
        coefficient.proof.response = bumpScalarHex(coefficient.proof.response);
      }),
    );
    expect(failed(report)).toEqual(['ceremony']);
    expect(findings(report, 'ceremony')).toEqual([expect.objectContaining({ code: 'bad_coefficient_proof', location: expect.objectContaining({ trustee: 1 }) })]);
  });

  it('a missing key confirmation leaves the ceremony incomplete', async () => {
    const report = await verify(
      edit((entries) => {
        const payload = nth(entries, 'trustees_published').payload;
        payload.messages = (payload.messages as { kind: string; trustee?: number }[]).filter((m) => !(m.kind === 'key_confirmation' && m.trustee === 2));
      }),
    );
    expect(failed(report)).toEqual(['ceremony']);
    expect(codes(report, 'ceremony')).toEqual(['ceremony_incomplete']);
  });

  it("a manifest whose joint key is not the ceremony's", async () => {
    const lying = buildVote({ manifestFromOtherCeremony: true });
    const report = await verify(lying.files);
    expect(failed(report)).toEqual(['ceremony']);
    expect(codes(report, 'ceremony')).toContain('joint_key_mismatch');
    expect(new Set(codes(report, 'ceremony'))).toEqual(new Set(['commitment_mismatch', 'joint_key_mismatch']));
    expect(findings(report, 'ceremony')[0]!.location).toMatchObject({ file: 'manifest.json', trustee: 1 });
  });
});

describe('credentials', () => {
  it('a malformed credential', async () => {
    // Replaces a credential nobody voted with (the list keeps one entry per eligible member).
    let index = -1;
    const report = await verify(
      editList((entries) => {
        index = unusedCredential(entries);
        credentials(entries)[index] = 'not-hex';
      }),
    );
    expect(failed(report)).toEqual(['credentials']);
    expect(findings(report, 'credentials')).toEqual([expect.objectContaining({ code: 'malformed_credential', location: expect.objectContaining({ path: `$.credentials[${index}]` }) })]);
  });

  it('a credential that is not a group element', async () => {
    const report = await verify(
      editList((entries) => {
        const list = credentials(entries);
        list[unusedCredential(entries)] = 'ff'.repeat(32);
        list.sort();
      }),
    );
    expect(failed(report)).toEqual(['credentials']);
    expect(codes(report, 'credentials')).toEqual(['invalid_group_element']);
  });

  it('an unsorted list', async () => {
    const report = await verify(
      editList((entries) => {
        const list = credentials(entries);
        [list[0], list[1]] = [list[1]!, list[0]!];
      }),
    );
    expect(failed(report)).toEqual(['credentials']);
    expect(findings(report, 'credentials')).toEqual([expect.objectContaining({ code: 'credentials_unsorted', location: expect.objectContaining({ path: '$.credentials[1]' }) })]);
  });

  it('a duplicated credential', async () => {
    const report = await verify(
      editList((entries) => {
        const list = credentials(entries);
        list.splice(4, 0, list[4]!);
      }),
    );
    expect(failed(report)).toEqual(['credentials']);
    // The list is also one longer than the roll.
    expect(codes(report, 'credentials')).toEqual(['duplicate_credential', 'credential_count_mismatch']);
  });

  it('an extra credential (more credentials than eligible members: room for stuffed ballots)', async () => {
    const report = await verify(
      editList((entries) => {
        const list = credentials(entries);
        // A valid group element (the generator's encoding), kept in sorted order.
        list.push('e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76');
        list.sort();
      }),
    );
    expect(failed(report)).toEqual(['credentials']);
    expect(codes(report, 'credentials')).toEqual(['credential_count_mismatch']);
  });
});
