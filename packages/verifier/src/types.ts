// The verifier's vocabulary: the in-memory record (file name → contents), the options, and the
// report of every check of docs/record-format.md §5 with located findings. Plain readonly data so
// that the CLI prints it, the browser shows it and `reportToJson` serialises it unchanged.
// Must not contain logic.
import type { Receipt } from '@ratify/protocol';
import type { Group } from '@ratify/crypto';

/** A record in memory: file name (no directories) → its bytes, or its text if already decoded. */
export type RecordFiles = Readonly<Record<string, string | Uint8Array>>;

/** The checks of docs/record-format.md §5, in the order they are reported. */
export const CHECK_NAMES = [
  'files',
  'record_index',
  'board_chain',
  'manifest',
  'extracts',
  'ceremony',
  'credentials',
  'ballots',
  'revote_policy',
  'tally',
  'partial_decryptions',
  'decryption',
  'outcome',
  'follow_ups',
  /** Only when receipts are given (VerifyOptions.receipts): each one's ballot at its position with its hash. */
  'receipts',
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/** `skipped`: the check could not run because data it needs is unusable (another check says why). */
export type CheckStatus = 'passed' | 'failed' | 'skipped';

/** Where a finding is: as many of these as make sense. `line` is 1-based, `seq` a board sequence number. */
export type FindingLocation = {
  readonly file?: string;
  readonly line?: number;
  readonly seq?: number;
  readonly question?: string;
  readonly option?: number;
  readonly trustee?: number;
  /** A JSON path inside the object, e.g. `$.answers[0].choices[1].ciphertext.alpha`. */
  readonly path?: string;
};

export type Finding = {
  /** snake_case reason code, e.g. `bad_hash`, `invalid_choice_proof`, `extract_mismatch`. */
  readonly code: string;
  readonly location: FindingLocation;
  readonly detail: string;
};

export type CheckReport = {
  readonly name: CheckName;
  readonly status: CheckStatus;
  readonly findings: readonly Finding[];
  /** Findings beyond `maxFindingsPerCheck` are counted, not listed. */
  readonly omittedFindings: number;
  /** Why a skipped check did not run. */
  readonly skippedBecause?: string;
};

export type QuestionOutcome = {
  readonly questionId: string;
  /** Outcome kind recomputed by the verifier from the decrypted tally; absent if it could not be. */
  readonly recomputed?: string;
  /** Outcome kind the record's result states; absent if the result is unreadable. */
  readonly published?: string;
  /** Recomputed counts (per option in manifest order, and blank). */
  readonly counts?: { readonly options: readonly number[]; readonly blank: number };
  /** The follow-up the recomputed outcome triggers under the manifest (protocol §M7), if any. */
  readonly followUp?: { readonly kind: 'vote' | 'note'; readonly declared: string; readonly text: string; readonly title?: string };
};

export type BallotCounts = {
  /** `ballot_accepted` events on the board. */
  readonly accepted: number;
  /** Ballots whose checks ran (parsed and checked against the manifest). */
  readonly checked: number;
  /** Ballots that passed every check. */
  readonly valid: number;
  /** Ballots the revote policy counts (one per credential). */
  readonly counted: number;
  /** `ballot_superseded` events on the board. */
  readonly superseded: number;
};

/** Who held the credential authority's key (manifest `credentialAuthority`, protocol §B1.1). */
export type CredentialAuthorityReport = {
  readonly mode: 'offline' | 'server';
  readonly publicKey: string;
  /** Server mode: the vote is not protected against ballot stuffing by the operator (said plainly). */
  readonly warning?: string;
};

/** One `credential_replaced` event, as the report lists it. */
export type ReplacementReport = {
  readonly seq: number;
  readonly revoked: string;
  readonly added: string;
  /** The credential authority's signature on this replacement verifies. */
  readonly signatureValid: boolean;
  /** The ballot cast with the revoked credential that counted until this replacement (it no longer counts). */
  readonly droppedBallot?: { readonly seq: number; readonly trackingCode: string };
};

/** What `crossCheck` re-verified with the pure-TypeScript reference backend. */
export type CrossCheckSummary = {
  readonly backend: 'reference';
  /** The backend of the main run (`native`, `reference`, or a group given by the caller). */
  readonly primaryBackend: string;
  /** N as asked; the sample is min(N, ballots). */
  readonly requested: number;
  /** Board seqs of the ballots drawn at random and re-verified. */
  readonly seqs: readonly number[];
  /** Ballots (and the sample's encrypted sum) on which the backends disagree: each a `backend_disagreement` finding. */
  readonly disagreements: number;
};

export type VerificationReport = {
  readonly format: 'ratify-record/v1';
  /** True iff every check passed. */
  readonly ok: boolean;
  readonly voteId?: string;
  /** Election fingerprint recomputed from the manifest (hex). */
  readonly fingerprint?: string;
  /** Head hash recomputed from the board; compare with the one on the results page. */
  readonly boardHead?: string;
  readonly events: number;
  readonly ballots: BallotCounts;
  /** Absent when the manifest is unusable. */
  readonly credentialAuthority?: CredentialAuthorityReport;
  /** Every credential replacement on the board, in board order. */
  readonly replacements: readonly ReplacementReport[];
  readonly outcomes: readonly QuestionOutcome[];
  /** Present when `crossCheck` was asked and the ballots check ran. */
  readonly crossCheck?: CrossCheckSummary;
  readonly checks: readonly CheckReport[];
  /** Present when receipts were given: how many, and how many the board holds as they say. */
  readonly receipts?: { readonly checked: number; readonly found: number };
  readonly durationMs: number;
};

export type VerifyProgress = {
  readonly check: CheckName;
  readonly done: number;
  readonly total: number;
};

/** A member's receipt (docs/record-format.md §7) and where it was read: file name and 1-based place in it. */
export type GivenReceipt = { readonly receipt: Receipt; readonly file: string; readonly index: number };

export type VerifyOptions = {
  /** Members' receipts to look up on the board; the `receipts` check runs only when some are given. */
  readonly receipts?: readonly GivenReceipt[];
  /** Worker threads for ballot checks; 0 checks in this thread. Default: os.availableParallelism(). */
  readonly workers?: number;
  /** Records with fewer ballots than this are checked in this thread. Default 64. */
  readonly inThreadBelow?: number;
  /** The board head as published on the results page; compared with the recomputed head. */
  readonly expectedBoardHead?: string;
  /** Default 100. */
  readonly maxFindingsPerCheck?: number;
  /**
   * Re-verify this many ballots, drawn at random, with the pure-TypeScript reference backend and
   * report any disagreement with the main run as `backend_disagreement` under `ballots`.
   */
  readonly crossCheck?: number;
  /** The group of the checks; default the process's `ristretto255`. Any other keeps ballot checks in this thread. */
  readonly group?: Group;
  /** Called as checks start and while ballots are checked. */
  readonly onProgress?: (progress: VerifyProgress) => void;
};
