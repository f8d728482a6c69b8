// The whole 2008 case at small scale through the real `ratify` binary: two unions from CSV rolls with
// dual members, a 2-of-3 trustee ceremony per vote run as files, a ratification vote for the
// federation and a 3/4 strike authorization for the guild, credentials, ballots created, audited and
// cast (a dual member votes in both, one member revotes), close, tally with trustee 3 absent, export,
// verify. The strike vote sits exactly on its boundary: 6 yes of 8 = 75% passes (had the revote's
// first ballot also counted, 6 of 9 would fail). Then the refusals, each leaving the board unchanged.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ristretto255, toHex, unwrap } from '@ratify/crypto';
import { parsePrivateCredential, parseWireManifest, publicCredential } from '@ratify/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, type Delivery, type ErrorOutput, json, ratify, readDelivery, runCeremony, workDir } from './fixtures/cli-harness.ts';

type Show = { status: string; turnout: { eligible: number; credentials: number; ballotsAccepted: number; voted: number }; board: { events: number; head: string } };
type Cast = { trackingCode: string; superseded: string | null; receipt: { voteId: string; trackingCode: string; boardSeq: number; boardHash: string } };
type Tally = { result: { decryptedBy: number[]; followUps?: unknown[]; turnout: { eligible: number; voted: number }; questions: { counts: { options: number[] }; evaluation: { outcome: { kind: string } } }[] }; outcomes: { words: string }[] };

const FED = 'fed-primetime-2008';
const GUILD = 'guild-strike-2008';

describe('ratify CLI: the 2008 case end to end', () => {
  let work: Awaited<ReturnType<typeof workDir>>;
  const run = (...args: string[]) => ratify(work.db, args);
  const deliveries = new Map<string, Delivery[]>();
  /** Every receipt `ratify ballot cast` printed, per vote: checked against the exported record. */
  const receipts = new Map<string, Cast['receipt'][]>();
  let nextBallot = 0;

  /** Creates ballots (in parallel: read-only) and casts them in order; returns the cast outputs. */
  async function vote(voteId: string, question: string, votes: readonly (readonly [email: string, answer: 'yes' | 'no'])[]): Promise<Cast[]> {
    const files = await Promise.all(
      votes.map(async ([email, answer]) => {
        const member = deliveries.get(voteId)!.find((d) => d.email === email)!;
        const file = join(work.dir, `ballot-${nextBallot++}.json`);
        json(await run('ballot', 'create', '--vote', voteId, '--credential', member.credential, '--answer', `${question}=${answer}`, '--out', file));
        return file;
      }),
    );
    const cast: Cast[] = [];
    for (const file of files) cast.push(json<Cast>(await run('ballot', 'cast', voteId, file)));
    receipts.set(voteId, [...(receipts.get(voteId) ?? []), ...cast.map((c) => c.receipt)]);
    return cast;
  }

  beforeAll(async () => {
    work = await workDir('election');
  });
  afterAll(async () => work.cleanup());

  it('imports two rolls, runs both ceremonies, votes, tallies with 2 of 3 trustees and verifies', { timeout: 180_000 }, async () => {
    json(await run('init'));
    json(await run('union', 'add', 'guild', 'Screen Actors Guild'));
    json(await run('union', 'add', 'federation', 'Television and Radio Artists Federation'));
    expect(json<{ rows: number; eligible: number }>(await run('roll', 'import', 'guild', join(FIXTURES, 'guild-roll.csv')))).toMatchObject({ rows: 24, eligible: 23 });
    expect(json<{ rows: number }>(await run('roll', 'import', 'federation', join(FIXTURES, 'federation-roll.csv')))).toMatchObject({ rows: 14 });
    const duals = json<{ count: number; members: { email: string }[] }>(await run('roll', 'duals', 'guild', 'federation'));
    expect(duals.count).toBe(6);
    expect(duals.members.map((m) => m.email)).toContain('elena.marsh@example.org'); // upper case in the federation file

    // The election committee's offline credential authority: the key file stays with the committee;
    // its public key goes into each vote definition.
    const authorityKey = join(work.dir, 'committee', 'authority.json');
    const authority = json<{ credentialAuthority: { mode: string; publicKey: string } }>(await run('credentials', 'authority', 'init', '--out', authorityKey));
    expect(authority.credentialAuthority.mode).toBe('offline');
    expect(json<ErrorOutput>(await run('credentials', 'authority', 'init', '--out', authorityKey), 1).error.code).toBe('file_exists');
    const definitions = new Map<string, string>();
    for (const file of ['federation-ratification.json', 'guild-strike.json']) {
      const path = join(work.dir, file);
      const fixture = JSON.parse(await readFile(join(FIXTURES, file), 'utf8')) as Record<string, unknown>;
      await writeFile(path, JSON.stringify({ ...fixture, credentialAuthority: authority.credentialAuthority }));
      definitions.set(file, path);
    }

    // Both ceremonies at once: each trustee runs round 1, 2, 3 from files.
    const ceremonies = await Promise.all(
      [['federation-ratification.json', 'fed'], ['guild-strike.json', 'guild']].map(([file, name]) =>
        runCeremony(work.db, definitions.get(file!)!, join(work.dir, `ceremony-${name}`), 3),
      ),
    );
    const [fedCeremony, guildCeremony] = ceremonies as [(typeof ceremonies)[0], (typeof ceremonies)[0]];
    const status = json<{ status: string; trustees: { confirmation: boolean }[] }>(
      await run('trustee', 'status', '--ceremony', join(fedCeremony.messages, 'ceremony.json'), '--dir', fedCeremony.messages),
    );
    expect(status.status).toBe('complete');
    expect(status.trustees.every((t) => t.confirmation)).toBe(true);

    for (const [definition, ceremony, voteId, eligible] of [
      ['federation-ratification.json', fedCeremony, FED, 14],
      ['guild-strike.json', guildCeremony, GUILD, 23],
    ] as const) {
      expect(json<{ eligible: number }>(await run('vote', 'create', definitions.get(definition)!, '--ceremony', ceremony.messages)).eligible).toBe(eligible);
      const delivery = join(work.dir, `${voteId}-delivery.csv`);
      expect(json<{ credentials: number }>(await run('credentials', 'generate', voteId, '--authority', authorityKey, '--out', delivery)).credentials).toBe(eligible);
      deliveries.set(voteId, await readDelivery(delivery));
      json(await run('vote', 'open', voteId));
    }
    expect(deliveries.get(GUILD)!.some((d) => d.name === 'Walt Hughes')).toBe(false); // not in good standing

    // Cast-as-intended: an audited ballot is checked independently, then never cast.
    const ada = deliveries.get(FED)!.find((d) => d.email === 'ada.lindqvist@example.org')!;
    const audited = join(work.dir, 'audited.json');
    const auditFile = join(work.dir, 'audit.json');
    json(await run('ballot', 'create', '--vote', FED, '--credential', ada.credential, '--answer', 'ratify=no', '--out', audited, '--audit-out', auditFile));
    const audit = json<{ ok: boolean; answers: { selected: string[] }[] }>(await run('ballot', 'audit', audited, auditFile));
    expect(audit.answers[0]!.selected).toEqual(['no']);
    const lying = JSON.parse(await readFile(auditFile, 'utf8')) as { selections: number[][] };
    lying.selections = [[1, 0]];
    await writeFile(auditFile, JSON.stringify(lying));
    expect(json<ErrorOutput>(await run('ballot', 'audit', audited, auditFile), 1).error.code).toBe('ciphertext_mismatch');

    // Federation: 3 yes, 2 no. Ada (a dual member) votes here and in the guild.
    const fedVoters = ['ada.lindqvist@example.org', 'carmen.ruiz@example.org', 'zoe.abara@artists.example.net', 'yusuf.demir@artists.example.net', 'xenia.pappas@artists.example.net'];
    await vote(FED, 'ratify', fedVoters.map((email, i) => [email, i < 3 ? 'yes' : 'no'] as const));
    // Guild: 6 yes, 2 no; Bruno first votes no, then yes (the last ballot counts).
    const others = deliveries.get(GUILD)!.map((d) => d.email).filter((e) => e !== 'bruno.okafor@example.org' && e !== 'ada.lindqvist@example.org');
    const guildVotes = ['ada.lindqvist@example.org', ...others.slice(0, 6)].map((email, i) => [email, i < 5 ? 'yes' : 'no'] as const);
    const [first, again] = await vote(GUILD, 'strike', [['bruno.okafor@example.org', 'no'], ['bruno.okafor@example.org', 'yes'], ...guildVotes]);
    expect(again!.superseded).toBe(first!.trackingCode);
    const shown = json<Show>(await run('vote', 'show', GUILD));
    expect(shown.turnout).toEqual({ eligible: 23, credentials: 23, ballotsAccepted: 9, voted: 8 });

    // Refusals while open: each has its reason code and leaves the vote exactly as it was.
    const fedBefore = json<Show>(await run('vote', 'show', FED));
    const zoe = deliveries.get(FED)!.find((d) => d.email === 'zoe.abara@artists.example.net')!;
    const good = join(work.dir, 'good.json');
    json(await run('ballot', 'create', '--vote', FED, '--credential', zoe.credential, '--answer', 'ratify=no', '--out', good));
    const ballot = JSON.parse(await readFile(good, 'utf8')) as { answers: { choices: { proof: { response: string }[] }[] }[] };
    const proof = ballot.answers[0]!.choices[0]!.proof[0]!;
    proof.response = (proof.response[0] === '0' ? '1' : '0') + proof.response.slice(1); // low byte: still a canonical scalar
    const badProof = join(work.dir, 'bad-proof.json');
    await writeFile(badProof, (await readFile(good, 'utf8')).replace(/"response":"[0-9a-f]{64}"/, `"response":"${proof.response}"`));
    expect(json<ErrorOutput>(await run('ballot', 'cast', FED, badProof), 1).error.code).toBe('invalid_choice_proof');
    // A guild credential used in the federation's vote: signed with a credential not on the list.
    const wrongCredential = join(work.dir, 'wrong-credential.json');
    const guildAda = deliveries.get(GUILD)!.find((d) => d.email === 'ada.lindqvist@example.org')!;
    json(await run('ballot', 'create', '--vote', FED, '--credential', guildAda.credential, '--answer', 'ratify=yes', '--out', wrongCredential));
    expect(json<ErrorOutput>(await run('ballot', 'cast', FED, wrongCredential), 1).error.code).toBe('unknown_credential');
    expect(json<ErrorOutput>(await run('ballot', 'cast', 'no-such-vote', good), 1).error.code).toBe('vote_not_found');
    expect(json<Show>(await run('vote', 'show', FED))).toEqual(fedBefore);

    // A lost credential, replaced as the credential authority authorises: signed offline with the
    // committee's key (working from the manifest alone), relayed to the vote. A replacement signed
    // with any other key is refused and changes nothing.
    const lost = deliveries.get(FED)!.find((d) => d.email === 'wendy.lowe@artists.example.net')!; // has not voted
    const manifestFile = join(work.dir, 'fed-manifest.json');
    json(await run('export', FED, join(work.dir, 'fed-open-record')));
    await writeFile(manifestFile, await readFile(join(work.dir, 'fed-open-record', 'manifest.json'), 'utf8'));
    // The member's reference: their public credential.
    const reference = toHex(ristretto255.encodeElement(publicCredential(ristretto255, unwrap(parseWireManifest(await readFile(manifestFile, 'utf8'))), unwrap(parsePrivateCredential(lost.credential)))));
    const intruderKey = join(work.dir, 'intruder', 'authority.json');
    json(await run('credentials', 'authority', 'init', '--out', intruderKey));
    const forgedFile = join(work.dir, 'forged-replacement.json');
    expect(json<ErrorOutput>(await run('credentials', 'replace', FED, '--authority', intruderKey, '--revoke', reference, '--manifest', manifestFile, '--out', forgedFile, '--delivery', join(work.dir, 'forged-delivery.csv')), 1).error.code).toBe('authority_key_mismatch');
    const replacementFile = join(work.dir, 'replacement.json');
    const replaced = json<{ revoked: string; added: string }>(
      await run('credentials', 'replace', FED, '--authority', authorityKey, '--revoke', reference, '--manifest', manifestFile, '--out', replacementFile, '--delivery', join(work.dir, 'replacement-delivery.csv'), '--member', 'F-lost'),
    );
    expect(replaced.revoked).toBe(reference);
    // The intruder rewrites the signed file with its own signature: refused, nothing written.
    const genuine = JSON.parse(await readFile(replacementFile, 'utf8')) as { authoritySignature: { challenge: string } };
    const tampered = { ...genuine, authoritySignature: { ...genuine.authoritySignature, challenge: (genuine.authoritySignature.challenge[0] === '0' ? '1' : '0') + genuine.authoritySignature.challenge.slice(1) } };
    await writeFile(forgedFile, JSON.stringify(tampered));
    expect(json<ErrorOutput>(await run('credentials', 'relay', FED, forgedFile, '--reason', 'lost'), 1).error.code).toBe('invalid_authority_signature');
    expect(json<Show>(await run('vote', 'show', FED))).toEqual(fedBefore);
    expect(json<{ added: string }>(await run('credentials', 'relay', FED, replacementFile, '--reason', 'reported lost')).added).toBe(replaced.added);
    expect(json<ErrorOutput>(await run('credentials', 'relay', FED, replacementFile, '--reason', 'again'), 1).error.code).toBe('already_revoked');

    for (const [voteId, ceremony] of [[FED, fedCeremony], [GUILD, guildCeremony]] as const) {
      json(await run('vote', 'close', voteId));
      // Trustee 3 is absent: 2 of 3 decrypt.
      for (const i of [0, 1]) {
        const partial = join(work.dir, `${voteId}-partial-${i + 1}.json`);
        json(await run('trustee', 'decrypt', '--vote', voteId, '--secret', ceremony.secrets[i]!, '--out', partial));
        json(await run('trustee', 'submit', voteId, partial));
      }
    }
    const fedTallyRun = await run('tally', FED);
    const fedTally = json<Tally>(fedTallyRun);
    expect(fedTally.result.questions[0]!.counts.options).toEqual([3, 2]);
    expect(fedTally.result.questions[0]!.evaluation.outcome.kind).toBe('passed');
    // The ratification passed: the declared note follows, not the strike vote (protocol §M7).
    expect(fedTally.result.followUps).toEqual([{ questionId: 'ratify', outcome: 'passed', declared: 'passed', kind: 'note', text: 'The new contract takes effect on ratification.' }]);
    expect(fedTallyRun.stderr).toContain('what follows ratify (note): The new contract takes effect on ratification.');
    expect(fedTally.result.decryptedBy).toEqual([1, 2]);
    const guildTally = json<Tally>(await run('tally', GUILD));
    expect(guildTally.result.questions[0]!.counts.options).toEqual([6, 2]);
    expect(guildTally.result.questions[0]!.evaluation.outcome.kind).toBe('passed');
    expect(guildTally.outcomes[0]!.words).toMatch(/^PASSED .* yes is 75% \(6 of 8; at least 75% required\) met/);

    for (const voteId of [FED, GUILD]) {
      const record = join(work.dir, `record-${voteId}`);
      json(await run('export', voteId, record));
      // Every member's receipt (as JSON lines) is found on the exported board as it says.
      const receiptFile = join(work.dir, `receipts-${voteId}.jsonl`);
      const given = receipts.get(voteId)!;
      await writeFile(receiptFile, given.map((r) => `${JSON.stringify(r)}\n`).join(''));
      const verified = await run('verify', record, '--json', '--receipt', receiptFile);
      expect(verified.code, verified.stdout).toBe(0);
      expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, voteId, credentialAuthority: { mode: 'offline' }, receipts: { checked: given.length, found: given.length } });
    }
    const fedReport = JSON.parse((await run('verify', join(work.dir, `record-${FED}`), '--json')).stdout) as { replacements: { revoked: string; signatureValid: boolean; droppedBallot?: unknown }[] };
    expect(fedReport.replacements).toEqual([expect.objectContaining({ revoked: reference, signatureValid: true })]);
    expect(fedReport.replacements[0]!.droppedBallot).toBeUndefined();
    // Recorded as cast: Bruno's counted tracking code is on the public board.
    expect(await readFile(join(work.dir, `record-${GUILD}`, 'board.jsonl'), 'utf8')).toContain(again!.trackingCode);
  });

  it('refuses a ballot for a closed vote and changes nothing', async () => {
    const before = json<Show>(await run('vote', 'show', GUILD));
    // A closed vote.
    const late = join(work.dir, 'late.json');
    const member = deliveries.get(GUILD)!.at(-1)!;
    json(await run('ballot', 'create', '--vote', GUILD, '--credential', member.credential, '--answer', 'strike=yes', '--out', late));
    expect(json<ErrorOutput>(await run('ballot', 'cast', GUILD, late), 1).error.code).toBe('vote_closed');
    expect(json<Show>(await run('vote', 'show', GUILD))).toEqual(before);
    expect(before.status).toBe('published');
  });
});
