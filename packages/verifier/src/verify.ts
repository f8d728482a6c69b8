// verifyRecord: runs every check of docs/record-format.md §5 over an in-memory record and returns
// the report. It never stops at the first failure: each check runs on whatever data is still usable
// and is marked skipped only when what it needs is missing. Pure apart from the optional worker pool
// (no file system: read-dir.ts reads a directory). Must not print anything.
import { ristretto255 } from '@ratify/crypto';
import { checkChain, checkEventOrder, readBoardEvents, type BoardEventView } from './board.ts';
import { checkBallotEvents, type BallotsSummary } from './check-ballots.ts';
import { checkCeremonyEvent, checkCredentialsEvent } from './check-ceremony.ts';
import { checkDecryptions, type DecryptionSummary } from './check-decryption.ts';
import { checkExtracts } from './check-extracts.ts';
import { checkManifestEvent, checkRecordIndex } from './check-manifest.ts';
import { checkResultEvent } from './check-result.ts';
import { checkReceipts, type ReceiptsSummary } from './check-receipts.ts';
import { checkReplays, checkRevotePolicy, selectCounted } from './check-revote.ts';
import { checkTallyEvent } from './check-tally.ts';
import { FindingCollector } from './collector.ts';
import { checkFiles, type DecodedRecord } from './files.ts';
import { isObject } from './json.ts';
import { buildModel } from './model.ts';
import { authorityReport, replacementReports } from './replacements.ts';
import type { CheckName, QuestionOutcome, RecordFiles, VerificationReport, VerifyOptions } from './types.ts';

/** The vote id the board's hashes are bound to: the manifest's, else record.json's. */
function chainVoteId(events: readonly BoardEventView[], decoded: DecodedRecord): string {
  const manifest = events.find((e) => e.kind === 'vote_created')?.payload.manifest;
  if (isObject(manifest) && typeof manifest.voteId === 'string') return manifest.voteId;
  const index = decoded.values.get('record.json');
  return isObject(index) && typeof index.voteId === 'string' ? index.voteId : '';
}

export async function verifyRecord(files: RecordFiles, options: VerifyOptions = {}): Promise<VerificationReport> {
  const started = performance.now();
  const group = options.group ?? ristretto255;
  const findings = new FindingCollector(options.maxFindingsPerCheck ?? 100);
  const step = (check: CheckName) => options.onProgress?.({ check, done: 0, total: 1 });

  step('files');
  const decoded = checkFiles(files, findings);

  step('board_chain');
  const lines = decoded.lines.get('board.jsonl');
  let events: BoardEventView[] = [];
  let head: string | undefined;
  if (lines === undefined) findings.skip('board_chain', 'board.jsonl is missing or not UTF-8');
  else {
    events = readBoardEvents(lines, findings);
    head = events.length > 0 ? checkChain(chainVoteId(events, decoded), events, findings) : undefined;
    checkEventOrder(events, findings);
  }
  const model = buildModel(events, findings);

  step('manifest');
  const ctx = checkManifestEvent(model, findings);
  step('record_index');
  checkRecordIndex(decoded, lines?.length ?? 0, head, ctx, options.expectedBoardHead, findings);
  step('extracts');
  checkExtracts(decoded, model, findings);
  step('ceremony');
  checkCeremonyEvent(group, model, ctx, findings);
  step('credentials');
  const credentials = checkCredentialsEvent(group, model, findings, ctx);

  const counted = ctx ? selectCounted(model.ballots, ctx.manifest.revotePolicy, new Set(model.replacements.map((r) => r.revoked))) : undefined;
  let ballots: BallotsSummary | undefined;
  if (ctx && counted) {
    ballots = await checkBallotEvents(group, model, ctx, credentials, new Set(counted.map((b) => b.seq)), options, findings);
    step('revote_policy');
    checkReplays(model, findings);
    checkRevotePolicy(model, ctx.manifest.revotePolicy, counted.length, findings);
  } else {
    for (const check of ['ballots', 'revote_policy'] as const) findings.skip(check, 'the manifest is unusable');
  }

  step('tally');
  const tally = checkTallyEvent(group, model, ctx, ballots, findings);
  step('partial_decryptions');
  const bound = Math.max(ctx?.manifest.eligibleCount ?? 0, model.ballots.length);
  const decryption: DecryptionSummary = checkDecryptions(group, model, ctx, tally, bound, findings);
  step('outcome');
  let outcomes: QuestionOutcome[] = [];
  if (ctx) outcomes = checkResultEvent(ctx.manifest, model, decryption, counted?.length, findings);
  else for (const check of ['decryption', 'outcome', 'follow_ups'] as const) findings.skip(check, 'the manifest is unusable');

  let receipts: ReceiptsSummary | undefined;
  const given = options.receipts ?? [];
  if (given.length > 0) {
    step('receipts');
    receipts = checkReceipts(chainVoteId(events, decoded), ctx?.fingerprintHex, events, given, findings);
  }
  // Without receipts the check does not apply: it is left out of the report rather than "skipped".
  const checks = findings.reports().filter((c) => c.name !== 'receipts' || receipts !== undefined);
  const authority = authorityReport(ctx);
  return {
    format: 'ratify-record/v1',
    ok: checks.every((c) => c.status === 'passed'),
    ...(ctx && { voteId: ctx.manifest.voteId, fingerprint: ctx.fingerprintHex }),
    ...(head !== undefined && { boardHead: head }),
    events: lines?.length ?? 0,
    ballots: {
      accepted: model.ballots.length,
      checked: ballots?.checked ?? 0,
      valid: ballots?.valid ?? 0,
      counted: counted?.length ?? 0,
      superseded: model.superseded.length,
    },
    ...(authority && { credentialAuthority: authority }),
    replacements: replacementReports(group, model, ctx, ctx?.manifest.revotePolicy),
    outcomes,
    ...(ballots?.crossCheck !== undefined && { crossCheck: ballots.crossCheck }),
    checks,
    ...(receipts && { receipts }),
    durationMs: Math.round(performance.now() - started),
  };
}
