// `ratify ballot audit <ballot.json> <audit.json>`: the independent check of cast-as-intended
// (Benaloh challenge): re-encrypts the revealed selections with the revealed randomness and compares
// every ciphertext, re-checks the proofs and the signature, recomputes the tracking code, and says
// what the ballot contains. Exit 1 if anything differs. Reads the manifest from --manifest or the DB.
import type { Command } from 'commander';
import { ristretto255 } from '@ratify/crypto';
import { auditBallot, checkBallot, parseWireBallot, trackingCode } from '@ratify/protocol';
import type { Cli } from '../cli.ts';
import { describeSelections, parseAuditFile } from '../ballot-files.ts';
import { check, emit, readJson, readText, refuse, say } from '../io.ts';
import { loadVoteContext } from '../vote-context-source.ts';

export function registerBallotAudit(ballot: Command, cli: Cli): void {
  ballot
    .command('audit <ballot> <audit>')
    .description('check that a ballot encrypts what its audit data says (Benaloh challenge)')
    .option('--manifest <file>', 'the vote\'s manifest.json (default: read from the database)')
    .action(
      cli.action(async (globals, ballotFile: string, auditFile: string, options: { readonly manifest?: string }) => {
        const group = ristretto255;
        const parsed = check(parseWireBallot(group, await readText(ballotFile)), ballotFile);
        const audit = parseAuditFile(group, await readJson(auditFile), auditFile);
        const ctx = await loadVoteContext(globals, parsed.voteId, options.manifest);
        const code = trackingCode(group, parsed);
        if (code !== audit.trackingCode) refuse('tracking_code_mismatch', `${auditFile} is for ballot ${audit.trackingCode}, not ${code}`);
        check(checkBallot(ctx.ballotParams, parsed), `${ballotFile}: ballot check`);
        check(auditBallot(ctx.ballotParams, parsed, audit.secrets), `${ballotFile}: audit`);
        const answers = describeSelections(ctx.manifest, audit.secrets.selections);
        say(`audit passed: ballot ${code.slice(0, 16)} encrypts ${answers.map((a) => `${a.question}=${a.selected.join(',') || '(blank)'}`).join(' ')}`);
        emit({ ok: true, voteId: parsed.voteId, trackingCode: code, answers });
        return 0;
      }),
    );
}
