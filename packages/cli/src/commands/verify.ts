// `ratify verify <dir> [--json] [--receipt <file>]… [--cross-check N]`: checks an election record end
// to end with @ratify/verifier (which depends only on crypto and protocol), and each member's receipt
// against the board (check `receipts`). Exit 0 when every check passes, 1 when any fails (each named,
// with its location), 2 when the directory or a receipt file cannot be read or is not receipts.
// `--cross-check N` re-verifies N random ballots with the pure-TypeScript reference backend (a
// disagreement with the fast backend fails). Progress goes to stderr on a terminal.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parseReceiptFile } from '@ratify/protocol';
import { type GivenReceipt, type RecordFiles, formatReport, readRecordDir, reportToJson, verifyRecord } from '@ratify/verifier';
import type { Cli } from '../cli.ts';
import { CliFailure, EXIT_USAGE, say } from '../io.ts';

type Options = { readonly json?: boolean; readonly expectedHead?: string; readonly workers?: string; readonly receipt: readonly string[]; readonly crossCheck?: string };

/** Every receipt of every file, all or nothing: a file that is not receipts is a usage error (exit 2). */
async function readReceipts(files: readonly string[]): Promise<GivenReceipt[]> {
  const out: GivenReceipt[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new CliFailure('io_error', `cannot read the receipt file ${file}: ${error instanceof Error ? error.message : String(error)}`, EXIT_USAGE);
    }
    const parsed = parseReceiptFile(text);
    if (!parsed.ok) throw new CliFailure(parsed.error, `${file}: ${parsed.detail ?? parsed.error}`, EXIT_USAGE);
    for (const { receipt, index } of parsed.value) out.push({ receipt, file, index });
  }
  return out;
}

export function registerVerify(program: Command, cli: Cli): void {
  program
    .command('verify <dir>')
    .description('verify an election record (exit 0 valid, 1 invalid, 2 unreadable)')
    .option('--json', 'print the full report as JSON')
    .option('--expected-head <hash>', 'the board head published on the results page')
    .option('--workers <n>', 'worker threads for ballot checks (default: all cores)')
    .option('--receipt <file>', "a member's receipt file (one receipt, a JSON array or JSON lines); repeatable", (value: string, previous: readonly string[]) => [...previous, value], [] as readonly string[])
    .option('--cross-check <n>', 're-verify n ballots drawn at random with the pure-TypeScript reference backend; a disagreement fails the ballots check')
    .action(
      cli.action(async (_globals, dir: string, options: Options) => {
        const crossCheck = options.crossCheck === undefined ? undefined : Number(options.crossCheck);
        if (crossCheck !== undefined && !(Number.isSafeInteger(crossCheck) && crossCheck >= 0 && /^\d+$/.test(options.crossCheck!)))
          throw new CliFailure('invalid_cross_check', `--cross-check takes a whole number of ballots, got ${JSON.stringify(options.crossCheck)}`, EXIT_USAGE);
        const receipts = await readReceipts(options.receipt);
        let files: RecordFiles;
        try {
          files = await readRecordDir(dir);
        } catch (error) {
          throw new CliFailure('io_error', `cannot read the record directory ${dir}: ${error instanceof Error ? error.message : String(error)}`, EXIT_USAGE);
        }
        const tty = process.stderr.isTTY === true;
        let last = '';
        const report = await verifyRecord(files, {
          ...(options.expectedHead !== undefined && { expectedBoardHead: options.expectedHead }),
          ...(options.workers !== undefined && { workers: Number(options.workers) }),
          ...(receipts.length > 0 && { receipts }),
          ...(crossCheck !== undefined && { crossCheck }),
          onProgress: (p) => {
            if (!tty) return;
            const line = `verifying ${p.check}${p.total > 1 ? ` ${p.done}/${p.total}` : ''}`;
            if (line !== last) process.stderr.write(`\r\x1b[K${line}`);
            last = line;
          },
        });
        if (tty) process.stderr.write('\r\x1b[K');
        process.stdout.write(`${options.json ? reportToJson(report) : formatReport(report)}\n`);
        const failed = report.checks.filter((c) => c.status === 'failed').map((c) => c.name);
        say(report.ok ? `record ${dir} is VALID` : `record ${dir} is INVALID: failed check(s): ${failed.join(', ')}`);
        return report.ok ? 0 : 1;
      }),
    );
}
