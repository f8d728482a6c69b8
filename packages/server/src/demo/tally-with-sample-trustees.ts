// DEMO ONLY: plays the sample trustees after the close. Like real trustees it works from outside the
// server: it reads the encrypted tally from the public record, makes two partial decryptions with the
// sample key shares kept in the demo's files, and submits them through the API with the admin token;
// then it asks the server to publish the result. Usage:
//   node --import tsx packages/server/src/demo/tally-with-sample-trustees.ts <voteId> [baseUrl]
// (RATIFY_ADMIN_TOKEN and the demo directory as printed by `npm start`.)
import { join } from 'node:path';
import { createPartialDecryption, ristretto255 as group, unwrap, fromHex } from '@ratify/crypto';
import { encodePartialDecryption, parseWireEncryptedTally, electionFingerprint, parseWireManifest } from '@ratify/protocol';
import { createClient } from '../client.ts';
import { DEMO_ADMIN_TOKEN } from '../config.ts';
import { loadTrusteeKeys } from './seed.ts';

const [voteId, baseUrl = `http://127.0.0.1:${process.env['PORT'] ?? 3000}`] = process.argv.slice(2);
if (!voteId) {
  console.error('usage: tally-with-sample-trustees.ts <voteId> [baseUrl]');
  process.exit(2);
}
const dir = process.env['RATIFY_DEMO_DIR'] ?? 'data/demo';
const client = createClient({ baseUrl, adminToken: process.env['RATIFY_ADMIN_TOKEN'] ?? DEMO_ADMIN_TOKEN });

const fail = (what: string, r: { ok: false; error: { code: string; message: string } }) => {
  console.error(`${what}: ${r.error.code} — ${r.error.message}`);
  process.exit(1);
};

const vote = await client.getVote(voteId);
if (!vote.ok) fail('vote', vote);
const closed = await client.admin.close(voteId);
if (!closed.ok && closed.error.code !== 'invalid_transition') fail('close', closed);
const record = await client.record(voteId);
if (!record.ok) fail('record', record);
const files = record.ok ? record.value.files : {};
const manifest = unwrap(parseWireManifest(files['manifest.json'] ?? ''));
const tally = unwrap(parseWireEncryptedTally(group, files['tally.json'] ?? ''));
if (fromHex(JSON.parse(files['record.json'] ?? '{}').fingerprint ?? '')?.length !== 64) throw new Error('record without fingerprint');
const keys = loadTrusteeKeys(group, join(dir, `trustee-keys-${voteId}.json`));
for (const key of keys.slice(0, manifest.trustees.threshold)) {
  const partial = createPartialDecryption(group, key, tally.flatMap((row) => [...row]), electionFingerprint(manifest));
  const r = await client.admin.submitPartialDecryption(voteId, encodePartialDecryption(group, partial));
  if (!r.ok && r.error.code !== 'duplicate_partial_decryption') fail(`trustee ${key.trustee}`, r);
  console.error(`sample trustee ${key.trustee}: partial decryption accepted`);
}
const result = await client.admin.publishResult(voteId);
if (!result.ok) fail('publish', result);
else console.log(JSON.stringify(result.value, null, 2));
