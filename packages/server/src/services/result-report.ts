// The certified result report (PDF) of a published vote, made from the vote's exported record by
// @ratify/report, so the bytes equal `ratify report` on the same record with the same address. The
// record's address printed on it (and in its QR code) is this server's public record URL. Reports are
// kept per board head and language: a published board does not change, so neither does its report.
import { type Result, err, ok } from '@ratify/crypto';
import type { Language, VoteId } from '@ratify/protocol';
import type { Engine } from '@ratify/engine';
import { buildResultReport } from '@ratify/report';
import type { ApiErrorCode } from '../http/errors.ts';

export type ResultReport = { readonly bytes: Uint8Array; readonly boardHead: string; readonly fileName: string };

/** Reports kept in memory at most (a few tens of KiB each). */
const KEPT = 32;

export function createResultReportService(engine: Engine, publicUrl: string) {
  const kept = new Map<string, ResultReport>();

  async function report(voteId: VoteId, lang: Language): Promise<Result<ResultReport, ApiErrorCode>> {
    const vote = await engine.store.votes.getVote(voteId);
    if (vote === null) return err('vote_not_found');
    const head = await engine.store.board.head(voteId);
    if (vote.status !== 'published' || head === null) return err('result_not_published');
    const key = `${voteId}\n${head.hash}\n${lang}`;
    const hit = kept.get(key);
    if (hit !== undefined) return ok(hit);
    const files = await engine.exportRecord(voteId);
    if (!files.ok) return files;
    const built = await buildResultReport(files.value.get('board.jsonl') ?? '', { lang, recordUrl: `${publicUrl}/api/votes/${voteId}/record` });
    // The server's own board not reading back as a record is a bug, not a caller's mistake.
    if (!built.ok) throw new Error(`result report of ${voteId}: ${built.error} ${built.detail ?? ''}`);
    const made: ResultReport = { bytes: built.value, boardHead: head.hash, fileName: `${voteId}-result-report-${lang}.pdf` };
    if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
    kept.set(key, made);
    return ok(made);
  }

  return { report };
}

export type ResultReportService = ReturnType<typeof createResultReportService>;
