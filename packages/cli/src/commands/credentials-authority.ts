// The offline credential authority's tools (docs/protocol.md §B1.1, decision 0017):
// `ratify credentials authority init --out <key>` makes the committee's key pair (file mode 0600;
// the public key goes into the vote definition as credentialAuthority {mode: "offline", publicKey});
// `ratify credentials replace <vote> --authority <key> --revoke <hex> --out <replacement.json>
// --delivery <csv>` makes a new credential for a member whose credential is lost and signs the
// replacement, which the server relays (POST …/credentials/replacements) or `ratify credentials
// relay` appends. The private credential goes to the delivery file only, never to stdout.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { ristretto255, toHex } from '@ratify/crypto';
import {
  type Manifest,
  authorityPublicKeyHex,
  electionFingerprint,
  formatPrivateCredential,
  generateAuthorityKey,
  generatePrivateCredential,
  parseWireManifest,
  publicCredential,
  signCredentialReplacement,
  toCanonical,
  verifyCredentialReplacement,
} from '@ratify/protocol';
import type { Cli } from '../cli.ts';
import { readAuthorityKey, writeAuthorityKey } from '../authority-key.ts';
import { withEngine } from '../db.ts';
import { check, emit, isObject, readJson, readText, refuse, say, voteIdArg, writeText } from '../io.ts';

export const REPLACEMENT_FORMAT = 'ratify-credential-replacement/v1';
const HEX32 = /^[0-9a-f]{64}$/;

export function registerCredentialsAuthority(credentials: Command, cli: Cli): void {
  credentials
    .command('authority')
    .description('the offline credential authority key of the election committee')
    .command('init')
    .description('make the credential authority key pair (the key file stays with the committee, never on the server)')
    .requiredOption('--out <file>', 'the key file (created with mode 0600; never overwritten)')
    .action(
      cli.action(async (_globals, options: { readonly out: string }) => {
        const key = generateAuthorityKey(ristretto255);
        await writeAuthorityKey(ristretto255, options.out, key);
        const publicKey = authorityPublicKeyHex(ristretto255, key);
        say(`credential authority key written to ${options.out} (mode 0600). Put this in the vote definition: "credentialAuthority": {"mode": "offline", "publicKey": "${publicKey}"}`);
        emit({ keyFile: options.out, credentialAuthority: { mode: 'offline', publicKey } });
        return 0;
      }),
    );
}

async function manifestOf(globals: { readonly db?: string }, voteId: string, file: string | undefined): Promise<Manifest> {
  if (file !== undefined) {
    const parsed = parseWireManifest((await readText(file)).trim());
    const manifest = check(parsed, `manifest ${file}`);
    if (manifest.voteId !== voteId) refuse('vote_mismatch', `${file} is the manifest of ${manifest.voteId}, not ${voteId}`);
    return manifest;
  }
  return withEngine(globals, async (engine) => check(await engine.context(voteIdArg(voteId)), `vote ${voteId}`).manifest);
}

export function registerCredentialsReplace(credentials: Command, cli: Cli): void {
  credentials
    .command('replace <vote>')
    .description("sign the replacement of a lost credential with the authority key: a new private credential for the member, the signed replacement for the server")
    .requiredOption('--authority <file>', "the credential authority's key file")
    .requiredOption('--revoke <credential>', "the member's reference (their public credential, 64 hex characters)")
    .requiredOption('--out <file>', 'the signed replacement (public; relay it to the server)')
    .requiredOption('--delivery <file>', 'the new private credential for the member (mode 0600; never overwritten)')
    .option('--member <number>', 'member number to put on the delivery line (it is not in the replacement)')
    .option('--manifest <file>', "the vote's manifest.json (work offline); default: read from --db")
    .action(
      cli.action(
        async (
          globals,
          voteIdText: string,
          options: { readonly authority: string; readonly revoke: string; readonly out: string; readonly delivery: string; readonly member?: string; readonly manifest?: string },
        ) => {
          const voteId = voteIdArg(voteIdText);
          const revoked = options.revoke.toLowerCase();
          if (!HEX32.test(revoked)) refuse('invalid_credential', '--revoke must be a public credential: 64 hex characters');
          for (const f of [options.out, options.delivery]) if (existsSync(f)) refuse('file_exists', `${f} exists: it is never overwritten`);
          const key = await readAuthorityKey(ristretto255, options.authority);
          const manifest = await manifestOf(globals, voteId, options.manifest);
          if (manifest.credentialAuthority.publicKey !== authorityPublicKeyHex(ristretto255, key))
            refuse('authority_key_mismatch', `${options.authority} is not the credential authority of ${voteId}`);
          const credential = generatePrivateCredential();
          const added = toHex(ristretto255.encodeElement(publicCredential(ristretto255, manifest, credential)));
          const authoritySignature = signCredentialReplacement(ristretto255, key, electionFingerprint(manifest), revoked, added);
          const replacement = { added, authoritySignature, format: REPLACEMENT_FORMAT, revoked, voteId };
          const line = [options.member ?? '', voteId, formatPrivateCredential(credential)].join(',');
          await writeText(options.delivery, `member_number,vote,credential\n${line}\n`, { secret: true });
          await writeText(options.out, `${toCanonical(replacement)}\n`);
          say(`replacement signed: ${revoked} → ${added}; relay ${options.out} to the server, deliver ${options.delivery} to the member, then delete it`);
          emit({ voteId, revoked, added, replacementFile: options.out, deliveryFile: options.delivery });
          return 0;
        },
      ),
    );
}

/** Reads a signed replacement file strictly; the signature is checked against the vote's manifest. */
export async function readReplacement(file: string, manifest: Manifest): Promise<{ readonly revoked: string; readonly added: string; readonly authoritySignature: unknown }> {
  const doc = await readJson(file);
  const bad = (what: string): never => refuse('invalid_replacement', `${file}: ${what}`);
  if (!isObject(doc) || doc['format'] !== REPLACEMENT_FORMAT) return bad(`not a ${REPLACEMENT_FORMAT} file`);
  if (Object.keys(doc).sort().join() !== 'added,authoritySignature,format,revoked,voteId') bad('expected exactly added, authoritySignature, format, revoked, voteId');
  if (doc['voteId'] !== manifest.voteId) bad(`the replacement is for ${String(doc['voteId'])}, not ${manifest.voteId}`);
  const { revoked, added, authoritySignature } = doc as { revoked: unknown; added: unknown; authoritySignature: unknown };
  if (typeof revoked !== 'string' || typeof added !== 'string') return bad('revoked and added must be public credentials');
  check(verifyCredentialReplacement(ristretto255, manifest.credentialAuthority.publicKey, electionFingerprint(manifest), revoked, added, authoritySignature), `replacement ${file}`);
  return { revoked, added, authoritySignature };
}

export function registerCredentialsRelay(credentials: Command, cli: Cli): void {
  credentials
    .command('relay <vote> <replacement>')
    .description('append a replacement signed by the credential authority to the vote (what the server route does)')
    .requiredOption('--reason <text>', 'why the credential is replaced (audit log)')
    .action(
      cli.action(async (globals, voteIdText: string, file: string, options: { readonly reason: string }) =>
        withEngine(globals, async (engine) => {
          const voteId = voteIdArg(voteIdText);
          const { manifest } = check(await engine.context(voteId), `vote ${voteId}`);
          const r = await readReplacement(file, manifest);
          const replaced = await engine.replaceCredential(voteId, {
            revoked: r.revoked,
            added: r.added,
            reason: options.reason,
            authorization: { signature: r.authoritySignature as never },
            actor: 'cli',
          });
          check(replaced, `replacement of ${r.revoked}`);
          say(`credential ${r.revoked} replaced by ${r.added} on the board of ${voteId}`);
          emit({ voteId, revoked: r.revoked, added: r.added });
          return 0;
        }),
      ),
    );
}
