// `ratify credentials generate <vote> --authority <key> --out <delivery.csv>`: the offline credential
// authority (Belenios). One private credential per eligible entry of the frozen roll goes into the
// delivery file (mode 0600, for mailing to members); only the public credentials, sorted so that their
// order links to no one, go to the vote, signed with the committee's authority key (docs/protocol.md
// §B1.1), with the private record of whose each one is (never exported: decision 0018, so a signed-in
// member can cast only with their own). Private credentials never reach stdout.
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Command } from 'commander';
import { ristretto255, toHex } from '@ratify/crypto';
import { formatPrivateCredential, generatePrivateCredential, parseWireManifest, publicCredential } from '@ratify/protocol';
import type { Cli } from '../cli.ts';
import { withEngine } from '../db.ts';
import { readAuthorityKey } from '../authority-key.ts';
import { check, emit, refuse, say, voteIdArg, writeText } from '../io.ts';

const quote = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export function registerCredentialsGenerate(credentials: Command, cli: Cli): void {
  credentials
    .command('generate <vote>')
    .description('make one credential per eligible member; publish the public list; write the private delivery file')
    .requiredOption('--out <file>', 'delivery CSV for mailing (created with mode 0600; never overwritten)')
    .requiredOption('--authority <file>', "the credential authority's key file (ratify credentials authority init)")
    .action(
      cli.action(async (globals, voteIdText: string, options: { readonly out: string; readonly authority: string }) => {
        const voteId = voteIdArg(voteIdText);
        if (existsSync(options.out)) refuse('file_exists', `${options.out} exists: a delivery file is never overwritten`);
        const key = await readAuthorityKey(ristretto255, options.authority);
        return withEngine(globals, async (engine) => {
          const vote = (await engine.store.votes.getVote(voteId)) ?? refuse('vote_not_found', `no vote ${voteId}`);
          if (vote.status !== 'draft') refuse('vote_not_draft', `vote ${voteId} is ${vote.status}: credentials are made before it opens`);
          // Credentials are bound to the vote id and the random election id of its manifest (protocol §B1).
          const election = check(parseWireManifest(vote.manifest), `the manifest of ${voteId}`);
          const entries = (await engine.store.rolls.listRollEntries(voteId)).filter((e) => e.status === 'eligible');
          if (entries.length === 0) refuse('no_credentials', `the roll of ${voteId} has no eligible members`);
          const issued = entries.map((entry) => ({ entry, credential: generatePrivateCredential() }));
          const lines = ['member_number,name,email,vote,credential'];
          for (const { entry, credential } of issued) {
            lines.push([entry.memberNumber, entry.name, entry.email, voteId, formatPrivateCredential(credential)].map(quote).join(','));
          }
          // Written first (privately), published second, renamed last: no published credential without its delivery file.
          const partial = `${options.out}.partial`;
          await writeText(partial, `${lines.join('\n')}\n`, { secret: true });
          const links = issued.map(({ entry, credential }) => ({
            credential: toHex(ristretto255.encodeElement(publicCredential(ristretto255, election, credential))),
            memberNumber: entry.memberNumber,
          }));
          const published = await engine.publishHeldCredentials(voteId, links, { key });
          if (!published.ok) await rm(partial, { force: true });
          const count = check(published, `credentials for ${voteId}`);
          await rename(partial, options.out);
          say(`published ${count} public credentials for ${voteId}; private credentials are in ${options.out} (mode 0600): deliver them, then delete the file`);
          emit({ voteId, credentials: count, deliveryFile: options.out });
          return 0;
        });
      }),
    );
}
