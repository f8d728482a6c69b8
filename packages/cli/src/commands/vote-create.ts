// `ratify vote create <definition.json> --ceremony <dir>`: completes the manifest from the trustees'
// finished ceremony (joint key, commitments) and the union's roll, freezes the roll and starts the
// vote's board (engine.createVote). The vote is a draft until credentials are published and it opens.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { ristretto255, toHex } from '@ratify/crypto';
import { electionFingerprint } from '@ratify/protocol';
import type { Cli } from '../cli.ts';
import { ceremonyFileOf, readCeremonyFile, readMessages } from '../ceremony-files.ts';
import { withEngine } from '../db.ts';
import { readDefinition } from '../definition.ts';
import { check, emit, refuse, say } from '../io.ts';

export function registerVoteCreate(vote: Command, cli: Cli): void {
  vote
    .command('create <definition>')
    .description('create a vote from its definition and the trustees\' finished ceremony')
    .requiredOption('--ceremony <dir>', 'directory holding the trustees\' public ceremony messages')
    .action(
      cli.action(async (globals, file: string, options: { readonly ceremony: string }) => {
        const group = ristretto255;
        const written = await readDefinition(group, file);
        // The election id was made by `ratify vote context` and handed to the trustees in ceremony.json.
        const handed = join(options.ceremony, 'ceremony.json');
        if (!existsSync(handed)) refuse('missing_ceremony_file', `${handed} is missing: it holds the election id the trustees' ceremony is bound to (\`ratify vote context --out\`)`);
        const { file: c } = await readCeremonyFile(handed);
        const definition = { ...written, electionId: c.electionId };
        if (c.context !== ceremonyFileOf(definition).context) refuse('ceremony_context_mismatch', `${handed} is for another definition (vote ${c.voteId})`);
        const messages = await readMessages(group, options.ceremony);
        return withEngine(globals, async (engine) => {
          const manifest = check(await engine.createVote(definition, messages), `vote ${definition.voteId}`);
          const head = await engine.store.board.head(manifest.voteId);
          say(`created vote ${manifest.voteId} for ${manifest.unionName}: ${manifest.eligibleCount} eligible; next: ratify credentials generate ${manifest.voteId}`);
          emit({
            voteId: manifest.voteId,
            status: 'draft',
            eligible: manifest.eligibleCount,
            fingerprint: toHex(electionFingerprint(manifest)),
            jointPublicKey: manifest.jointPublicKey,
            boardHead: head?.hash ?? null,
          });
          return 0;
        });
      }),
    );
}
