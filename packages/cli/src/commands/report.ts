// `ratify report [vote] --out FILE [--record DIR] [--lang en|es] [--url URL]`: the certified result
// report (PDF, docs/record-format.md §7) of a vote in the database, or of an exported record directory.
// The record is verified end to end first (@ratify/verifier): a report is never printed from a record
// that does not verify (exit 1, naming the failed checks). The same record, language and URL give the
// same bytes as the server's download.
import type { Command } from 'commander';
import { readRecordDir, verifyRecord, type RecordFiles } from '@ratify/verifier';
import { buildResultReport } from '@ratify/report';
import type { Cli } from '../cli.ts';
import { withEngine } from '../db.ts';
import { CliFailure, EXIT_USAGE, check, emit, refuse, say, usage, voteIdArg, writeBytes } from '../io.ts';

type Options = { readonly out: string; readonly record?: string; readonly lang: string; readonly url?: string; readonly workers?: string };

async function recordFromDir(dir: string): Promise<RecordFiles> {
  try {
    return await readRecordDir(dir);
  } catch (error) {
    throw new CliFailure('io_error', `cannot read the record directory ${dir}: ${error instanceof Error ? error.message : String(error)}`, EXIT_USAGE);
  }
}

/** A verified record's file as text (the verifier has checked it is UTF-8). */
const text = (file: string | Uint8Array | undefined): string => (typeof file === 'string' ? file : new TextDecoder().decode(file ?? new Uint8Array()));

export function registerReport(program: Command, cli: Cli): void {
  program
    .command('report [vote]')
    .description('write the certified result report (PDF) of a vote, or of an exported record with --record')
    .requiredOption('--out <file>', 'where to write the PDF')
    .option('--record <dir>', 'an exported record directory instead of the database')
    .option('--lang <lang>', 'en | es', 'en')
    .option('--url <url>', 'where the record can be downloaded (printed, and in the QR code)')
    .option('--workers <n>', 'worker threads for the verification (default: all cores)')
    .action(
      cli.action(async (globals, voteText: string | undefined, o: Options) => {
        if (o.lang !== 'en' && o.lang !== 'es') usage('invalid_option', `--lang ${o.lang}: expected en or es`);
        const lang = o.lang as 'en' | 'es';
        if ((voteText === undefined) === (o.record === undefined)) usage('invalid_option', 'give either a vote id or --record <dir>, not both');
        if (o.url !== undefined && !/^https?:\/\/[^\s#]+$/.test(o.url)) usage('invalid_option', '--url must be an http(s) address without spaces or #');
        let files: RecordFiles;
        if (o.record !== undefined) files = await recordFromDir(o.record);
        else {
          const voteId = voteIdArg(voteText!);
          const exported = await withEngine(globals, async (engine) => check(await engine.exportRecord(voteId), `record of ${voteId}`));
          files = Object.fromEntries(exported);
        }
        const verification = await verifyRecord(files, { ...(o.workers !== undefined && { workers: Number(o.workers) }) });
        if (!verification.ok) {
          const failed = verification.checks.filter((c) => c.status === 'failed').map((c) => c.name);
          refuse('record_invalid', `the record does not verify (failed: ${failed.join(', ')}); no report is printed from it (see ratify verify)`, { failed });
        }
        const board = text(files['board.jsonl']);
        const pdf = check(await buildResultReport(board, { lang, ...(o.url !== undefined && { recordUrl: o.url }) }), 'report');
        await writeBytes(o.out, pdf);
        const index = JSON.parse(text(files['record.json'])) as { boardHead?: string; voteId?: string };
        say(`wrote the certified result report of ${index.voteId ?? 'the vote'} to ${o.out} (${pdf.length} bytes); the record verified`);
        emit({ out: o.out, bytes: pdf.length, lang, voteId: index.voteId, boardHead: index.boardHead });
        return 0;
      }),
    );
}
