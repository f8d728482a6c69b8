// Test builder (tests only): runs a small real vote in memory with the real crypto and protocol code
// and writes its record exactly as docs/record-format.md says — a 2-of-3 DKG with real ceremony
// messages, a manifest via createManifest, credentials, ballots with revotes, the tally, two partial
// decryptions and the result. Seeded randomness (seededRandom: NOT for production). Tamper tests
// edit `entries` and call `writeRecord` again, so the chain, extracts and index stay consistent and
// only the check under test fails.
import {
  type CeremonyMessage,
  collectShares,
  combinePartialDecryptions,
  createDlogTable,
  createKeyConfirmation,
  createPartialDecryption,
  createShares,
  createTrusteeCommitments,
  deriveTrusteeKey,
  discreteLog,
  generateTrusteeEncryptionKey,
  type Group,
  type GroupElement,
  type RandomSource,
  ristretto255,
  seededRandom,
  type ThresholdParameters,
  toHex,
  type TrusteeKey,
  unwrap,
  utf8,
  verifyPartialDecryption,
} from '@ratify/crypto';
import {
  type Ballot,
  type BallotParams,
  ballotQuestionSpecs,
  type BoardEvent,
  type BoardEventKind,
  type CanonicalValue,
  ceremonyContext,
  computeEncryptedTally,
  computeResult,
  createBallot,
  createManifest,
  credentialSecret,
  type AuthorityKeyPair,
  authorityPublicKeyHex,
  generateAuthorityKey,
  parseWireBallot,
  type Rule,
  signCredentialList,
  electionFingerprint,
  fingerprintOfCanonical,
  generatePrivateCredential,
  makeEvent,
  type Manifest,
  type ManifestDraft,
  publicCredential,
  type Selections,
  toCanonical,
  toWireBallot,
  toWireCeremonyMessage,
  toWireEncryptedTally,
  toWireManifest,
  toWirePartialDecryption,
  toWireResult,
  trackingCode,
} from '@ratify/protocol';

export type Entry = { readonly kind: BoardEventKind; readonly payload: { readonly [key: string]: CanonicalValue } };
export type RecordTexts = Record<string, string>;

export type VoteOptions = {
  readonly seed?: string;
  /** Voters (one credential each); every voter casts once. Default 10. */
  readonly voters?: number;
  /** Voter indices that cast a second ballot after everyone voted. Default [2, 5]. */
  readonly revoters?: readonly number[];
  /** Include the choose-2-of-3 plurality question. Default true. */
  readonly chooseQuestion?: boolean;
  /** Trustees (1-based) whose partial decryptions are published. Default [1, 3]. */
  readonly decryptors?: readonly number[];
  /** Put the commitments of a different ceremony into the manifest (a lying engine). */
  readonly manifestFromOtherCeremony?: boolean;
  readonly revotePolicy?: 'last_counts' | 'first_counts';
  /** Voters whose public credential is left off the published list (they still vote). */
  readonly unlisted?: readonly number[];
  /** The manifest's follow-up declarations (protocol §M7). Default none. */
  readonly followUps?: ManifestDraft['followUps'];
  /** Who holds the credential authority's key (manifest credentialAuthority.mode). Default offline. */
  readonly authorityMode?: 'offline' | 'server';
  /** The rule of the yes/no question. Default ratification (majority of the yes/no votes). */
  readonly ratifyRule?: Rule;
  /** How voter v votes on the yes/no question in round r (first ballot round 0). Default a fixed pattern. */
  readonly yesNo?: (voter: number, round: number) => 'yes' | 'no' | 'blank';
};

export type BuiltVote = {
  readonly group: Group;
  readonly manifest: Manifest;
  readonly fingerprint: Uint8Array;
  readonly ceremony: readonly CeremonyMessage[];
  readonly keys: readonly TrusteeKey[];
  readonly ballotParams: BallotParams;
  readonly credentialSecrets: readonly bigint[];
  /** The credential authority's key pair (the manifest commits to its public key). */
  readonly authority: AuthorityKeyPair;
  readonly rng: RandomSource;
  readonly entries: readonly Entry[];
  readonly files: RecordTexts;
  readonly decryptors: readonly number[];
};

const TRUSTEES = [
  ['trustee-1', 'Election Committee Chair'],
  ['trustee-2', 'Recording Secretary'],
  ['trustee-3', 'Neutral Monitor'],
] as const;
const VOTE_ID = 'local-7-2024-ratification';
/** The record's election id (protocol §M3): fixed, so the seeded records are reproducible. */
export const ELECTION_ID = '10ca17202410ca17202410ca17202410';
const ELECTION = { voteId: VOTE_ID, electionId: ELECTION_ID };

function runDkg(group: Group, parameters: ThresholdParameters, rng: RandomSource) {
  const n = parameters.trusteeCount;
  const encryptionKeys = Array.from({ length: n }, () => generateTrusteeEncryptionKey(group, rng));
  const round1 = encryptionKeys.map((key, i) => createTrusteeCommitments(group, parameters, i + 1, key, rng));
  const commitments = round1.map((r) => r.message);
  const shares = round1.map((r) => createShares(group, parameters, r.polynomial, commitments, rng).message);
  const messages: CeremonyMessage[] = [...commitments, ...shares];
  const keys = round1.map((r, i) => {
    const received = collectShares(group, parameters, i + 1, encryptionKeys[i]!, messages);
    return unwrap(deriveTrusteeKey(group, parameters, r.polynomial, received.shares, commitments));
  });
  messages.push(...keys.map((k) => createKeyConfirmation(group, parameters, k, rng)));
  return { messages, keys, commitments };
}

const hex = (group: Group, e: GroupElement) => toHex(group.encodeElement(e));

function draft(group: Group, dkg: ReturnType<typeof runDkg>, options: VoteOptions, authority: AuthorityKeyPair): ManifestDraft {
  const questions: ManifestDraft['questions'][number][] = [
    {
      kind: 'yes_no',
      id: 'ratify',
      text: 'Do you ratify the tentative agreement of March 2024?',
      options: ['yes', 'no'],
      min: 1,
      max: 1,
      blankAllowed: true,
      rule: options.ratifyRule ?? { kind: 'ratification', blankPolicy: 'excluded' },
    },
  ];
  if (options.chooseQuestion ?? true)
    questions.push({
      kind: 'choose',
      id: 'stewards',
      text: 'Choose up to two shop stewards.',
      options: [
        { id: 'ana', text: 'Ana Ortiz' },
        { id: 'ben', text: 'Ben Okafor' },
        { id: 'chen', text: 'Chen Li' },
      ],
      min: 1,
      max: 2,
      blankAllowed: true,
      rule: { kind: 'plurality', seats: 2 },
    });
  return {
    voteId: VOTE_ID,
    electionId: ELECTION_ID,
    title: 'Ratification of the 2024 agreement',
    unionId: 'local-7',
    unionName: 'Local 7',
    recordDate: '2024-03-01',
    schedule: { opensAt: '2024-03-10T14:00:00Z', closesAt: '2024-03-17T22:00:00Z' },
    questions,
    trustees: {
      threshold: 2,
      members: TRUSTEES.map(([id, name], i) => ({ id, name, commitments: dkg.commitments[i]!.coefficients.map((c) => hex(group, c.commitment)) })),
    },
    jointPublicKey: hex(group, dkg.keys[0]!.jointPublicKey),
    revotePolicy: options.revotePolicy ?? 'last_counts',
    eligibleCount: Math.max(20, 2 * (options.voters ?? 10)),
    credentialAuthority: { mode: options.authorityMode ?? 'offline', publicKey: authorityPublicKeyHex(group, authority) },
    ...(options.followUps !== undefined && { followUps: options.followUps }),
  };
}

const YES_NO = { yes: [1, 0], no: [0, 1], blank: [0, 0] } as const;

function selectionsFor(voter: number, round: number, withChoose: boolean, options: VoteOptions = {}): Selections {
  const yesNo: (0 | 1)[] = options.yesNo ? [...YES_NO[options.yesNo(voter, round)]] : voter === 7 ? [0, 0] : (voter + round) % 4 === 0 ? [0, 1] : [1, 0];
  const patterns: (0 | 1)[][] = [[1, 0, 0], [1, 1, 0], [0, 1, 1], [0, 0, 1], [1, 0, 1]];
  return withChoose ? [yesNo, patterns[(voter + round) % patterns.length]!] : [yesNo];
}

export function buildVote(options: VoteOptions = {}): BuiltVote {
  const group = ristretto255;
  const rng = seededRandom(options.seed ?? 'verifier-record');
  const parameters = { context: ceremonyContext(ELECTION, 2, TRUSTEES.map(([id]) => id)), threshold: 2, trusteeCount: 3 };
  const dkg = runDkg(group, parameters, rng);
  const keyed = options.manifestFromOtherCeremony ? runDkg(group, parameters, rng) : dkg;
  const authority = generateAuthorityKey(group, rng);
  const manifest = unwrap(createManifest(draft(group, keyed, options, authority)));
  const fingerprint = electionFingerprint(manifest);
  const questions = ballotQuestionSpecs(manifest);
  const ballotParams: BallotParams = { group, voteId: VOTE_ID, fingerprint, electionKey: group.precompute(keyed.keys[0]!.jointPublicKey), questions };

  const voters = options.voters ?? 10;
  // One credential per eligible member (the verifier checks the count); the first `voters` vote.
  const codes = Array.from({ length: manifest.eligibleCount }, () => generatePrivateCredential(rng));
  const credentialSecrets = codes.map((c) => credentialSecret(group, ELECTION, c));
  const unlisted = new Set(options.unlisted ?? []);
  const listed = codes.filter((_, v) => !unlisted.has(v));
  // An unlisted voter's place on the list goes to a credential nobody votes with.
  while (listed.length < manifest.eligibleCount) listed.push(generatePrivateCredential(rng));
  const credentials = listed.map((c) => hex(group, publicCredential(group, ELECTION, c))).sort();

  const entries: Entry[] = [
    { kind: 'vote_created', payload: { manifest: JSON.parse(toWireManifest(manifest)) as CanonicalValue } },
    { kind: 'trustees_published', payload: { messages: dkg.messages.map((m) => toWireCeremonyMessage(group, m)) } },
    { kind: 'credentials_published', payload: { authoritySignature: signCredentialList(group, authority, fingerprint, credentials, rng), credentials } },
    { kind: 'vote_opened', payload: { at: manifest.schedule.opensAt } },
  ];
  const casts = [...Array.from({ length: voters }, (_, v) => [v, 0] as const), ...(options.revoters ?? [2, 5]).map((v) => [v, 1] as const)];
  const current = new Map<number, { code: string }>();
  for (const [voter, round] of casts) {
    const selections = selectionsFor(voter, round, questions.length > 1, options);
    const { ballot } = unwrap(createBallot(ballotParams, selections, credentialSecrets[voter]!, rng));
    const code = trackingCode(group, ballot);
    entries.push({ kind: 'ballot_accepted', payload: { ballot: toWireBallot(group, ballot), trackingCode: code } });
    const older = current.get(voter);
    const policy = manifest.revotePolicy;
    if (older && policy === 'last_counts') entries.push({ kind: 'ballot_superseded', payload: { supersededBy: code, trackingCode: older.code } });
    if (!older || policy === 'last_counts') current.set(voter, { code });
  }
  const built = { group, manifest, fingerprint, ceremony: dkg.messages, keys: keyed.keys, ballotParams, credentialSecrets, authority, rng, decryptors: options.decryptors ?? [1, 3] };
  const all = closeAndCount(built, entries);
  return { ...built, entries: all, files: writeRecord(all) };
}

type Counting = Pick<BuiltVote, 'group' | 'manifest' | 'fingerprint' | 'keys' | 'ballotParams' | 'rng'> & { readonly decryptors?: readonly number[] };

/**
 * Everything from `vote_closed` on, recomputed with the project's own code from the board entries up
 * to the close: the ballots the revote policy counts (a credential revoked by `credential_replaced`
 * never counts), the closing counts, the encrypted tally, the trustees' partial decryptions (valid
 * proofs) and the result with its outcome. Entries after the last ballot/replacement are dropped
 * first, so a forger can edit the board's middle and get a fully consistent record back.
 */
export function closeAndCount(vote: Counting, entries: readonly Entry[]): Entry[] {
  const { group, manifest, fingerprint, keys, ballotParams, rng } = vote;
  const closeAt = entries.findIndex((e) => e.kind === 'vote_closed');
  const open = closeAt < 0 ? [...entries] : entries.slice(0, closeAt);
  const revoked = new Set(open.filter((e) => e.kind === 'credential_replaced').map((e) => e.payload.revoked as string));
  const current = new Map<string, Ballot>();
  let accepted = 0;
  for (const e of open) {
    if (e.kind !== 'ballot_accepted') continue;
    accepted++;
    const ballot = unwrap(parseWireBallot(group, toCanonical(e.payload.ballot!)));
    const credential = toHex(group.encodeElement(ballot.credential));
    if (revoked.has(credential)) continue;
    if (manifest.revotePolicy === 'last_counts' || !current.has(credential)) current.set(credential, ballot);
  }
  const counted = [...current.values()];
  const out: Entry[] = [...open];
  out.push({ kind: 'vote_closed', payload: { at: manifest.schedule.closesAt, ballotsAccepted: accepted, ballotsCounted: counted.length } });
  const questions = ballotParams.questions;
  const tally = computeEncryptedTally(group, questions, counted);
  out.push({ kind: 'tally_computed', payload: { tally: toWireEncryptedTally(group, tally) } });
  const ciphertexts = tally.flat();
  const decryptors = vote.decryptors ?? [1, 3];
  const partials = decryptors.map((t) => createPartialDecryption(group, keys[t - 1]!, ciphertexts, fingerprint, rng));
  for (const p of partials) out.push({ kind: 'partial_decryption', payload: { partialDecryption: toWirePartialDecryption(group, p) } });
  const verified = partials.map((p) => unwrap(verifyPartialDecryption(group, p, keys[0]!.publicKeyShares[p.trustee - 1]!, ciphertexts, fingerprint)));
  const elements = unwrap(combinePartialDecryptions(group, ciphertexts, verified.slice(0, 2), 2));
  const table = createDlogTable(group, manifest.eligibleCount);
  const flat = elements.map((e) => unwrap(discreteLog(table, e)));
  let offset = 0;
  const counts = questions.map((q) => flat.slice(offset, (offset += q.optionCount)));
  const result = unwrap(computeResult(manifest, counts, counted.length, decryptors.slice(0, 2)));
  out.push({ kind: 'result_published', payload: { result: toWireResult(result) } });
  return out;
}

/** Writes the record files of docs/record-format.md for a list of board entries (chain included). */
export function writeRecord(entries: readonly Entry[]): RecordTexts {
  const first = entries[0]!.payload.manifest as { readonly voteId: string };
  const voteId = first.voteId;
  const events: BoardEvent[] = [];
  for (const e of entries) events.push(makeEvent(voteId, events[events.length - 1], e.kind, toCanonical(e.payload)));
  const line = (e: BoardEvent, i: number) =>
    toCanonical({ hash: e.hash, kind: e.kind, payload: entries[i]!.payload, prevHash: e.prevHash, seq: e.seq }) + '\n';
  const of = (kind: BoardEventKind, key: string) => entries.filter((e) => e.kind === kind).map((e) => e.payload[key]!);
  const manifest = of('vote_created', 'manifest')[0]!;
  const head = events[events.length - 1]!.hash;
  return {
    'board.jsonl': events.map(line).join(''),
    'manifest.json': toCanonical(manifest),
    'trustees.json': toCanonical(of('trustees_published', 'messages')[0]!),
    'credentials.json': toCanonical(of('credentials_published', 'credentials')[0]!),
    'ballots.jsonl': of('ballot_accepted', 'ballot').map((b) => toCanonical(b) + '\n').join(''),
    'tally.json': toCanonical(of('tally_computed', 'tally')[0]!),
    'partial-decryptions.json': toCanonical(of('partial_decryption', 'partialDecryption')),
    'result.json': toCanonical(of('result_published', 'result')[0]!),
    'record.json': toCanonical({
      boardHead: head,
      events: events.length,
      fingerprint: toHex(fingerprintOfCanonical(utf8(toCanonical(manifest)))),
      format: 'ratify-record/v1',
      voteId,
    }),
  };
}

/** A deep copy of the entries as mutable JSON, for tamper tests. */
export function editableEntries(entries: readonly Entry[]): { kind: BoardEventKind; payload: Record<string, CanonicalValue> }[] {
  return structuredClone(entries) as { kind: BoardEventKind; payload: Record<string, CanonicalValue> }[];
}
