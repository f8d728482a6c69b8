// `ratify trustee decrypt`: after the close, a trustee decrypts the encrypted TALLY (never a single
// ballot) with its key share and a Chaum–Pedersen proof per ciphertext. The tally comes from the
// database (engine.readTally) or from an exported record (--tally tally.json --manifest manifest.json).
// The key share is checked against the vote's manifest before it is used.
import type { Command } from 'commander';
import { type Group, createPartialDecryption, ristretto255, toHex, verifyPartialDecryption } from '@ratify/crypto';
import { type EncryptedTally, encodePartialDecryption, manifestCeremonyContext, parseWireEncryptedTally, type VoteId } from '@ratify/protocol';
import { flattenTally } from '@ratify/engine';
import type { Cli } from '../cli.ts';
import type { GlobalOptions } from '../db.ts';
import { withEngine } from '../db.ts';
import { check, emit, readText, refuse, say, writeText } from '../io.ts';
import { readSecret } from '../trustee-secret.ts';
import { loadVoteContext } from '../vote-context-source.ts';

type Options = { readonly vote?: string; readonly secret: string; readonly out: string; readonly tally?: string; readonly manifest?: string };

async function loadTally(group: Group, globals: GlobalOptions, voteId: VoteId, file: string | undefined): Promise<EncryptedTally> {
  if (file !== undefined) return check(parseWireEncryptedTally(group, await readText(file)), file);
  return withEngine(globals, async (engine) => check(await engine.readTally(voteId), `tally of ${voteId}`));
}

export function registerTrusteeDecrypt(trustee: Command, cli: Cli): void {
  trustee
    .command('decrypt')
    .description('decrypt the closed vote\'s tally with your key share (a partial decryption with proofs)')
    .option('--vote <id>', 'the vote (tally and manifest from the database)')
    .option('--tally <file>', 'tally.json from an exported record instead of the database')
    .option('--manifest <file>', 'manifest.json from an exported record instead of the database')
    .requiredOption('--secret <file>', 'your secret state file from the key ceremony')
    .requiredOption('--out <file>', 'where to write the partial decryption')
    .action(
      cli.action(async (globals, options: Options) => {
        const group = ristretto255;
        const ctx = await loadVoteContext(globals, options.vote, options.manifest);
        const voteId = ctx.manifest.voteId;
        const secret = await readSecret(group, options.secret);
        const key = secret.key ?? refuse('no_key_share', `${options.secret} holds no key share: the ceremony was not finished (round3)`);
        const i = key.trustee;
        if (secret.context !== toHex(manifestCeremonyContext(ctx.manifest))) refuse('wrong_ceremony', `${options.secret} is from the ceremony of vote ${secret.voteId}, not ${voteId}`);
        if (!group.equals(key.publicKeyShares[i - 1]!, ctx.publicKeyShares[i - 1]!)) refuse('wrong_key_share', `trustee ${i}'s key share does not match the manifest of ${voteId}`);
        const tally = await loadTally(group, globals, voteId, options.tally);
        const ciphertexts = flattenTally(tally);
        const expected = ctx.ballotParams.questions.map((q) => q.optionCount);
        if (tally.length !== expected.length || tally.some((row, q) => row.length !== expected[q])) refuse('wrong_tally', `the tally does not have the shape of ${voteId}'s questions`);
        const partial = createPartialDecryption(group, key, ciphertexts, ctx.fingerprint);
        // Our own twin check before anything leaves this machine.
        check(verifyPartialDecryption(group, partial, ctx.publicKeyShares[i - 1]!, ciphertexts, ctx.fingerprint), 'own partial decryption');
        await writeText(options.out, encodePartialDecryption(group, partial));
        say(`trustee ${i}: partial decryption of ${ciphertexts.length} tally ciphertext(s) of ${voteId} in ${options.out}; submit it with \`ratify trustee submit\``);
        emit({ voteId, trustee: i, ciphertexts: ciphertexts.length, out: options.out });
        return 0;
      }),
    );
}
