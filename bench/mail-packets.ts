// Mail packets at volume: `npm run bench:packets -- [--members N]` (default 70,000; `--quick` 2,000).
// Streams one packet PDF per synthetic member (random envelope ids, Spanish for every third member)
// through @ratify/report's mailPackets and writes them all into one file in the OS temp directory,
// deleted at the end. Prints the total time, packets/s, bytes, and peak RSS (process.resourceUsage),
// with the machine's load before and after. The first 500 packets are timed separately as the
// baseline, so the ratio of the whole run to it shows whether the rate holds (no growth in memory or
// time per packet). Asserts nothing about speed.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemRandom, unwrap } from '../packages/crypto/src/index.ts';
import { createManifest, newEnvelopeId } from '../packages/protocol/src/index.ts';
import { aftraDraft } from '../packages/protocol/test/manifest-fixtures.ts';
import { type PacketRecipient, mailPackets } from '../packages/report/src/index.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const members = process.argv.includes('--quick') ? 2000 : Number(arg('--members') ?? 70_000);
const BASELINE = 500;
const manifest = unwrap(createManifest({ ...aftraDraft, channels: { accepted: ['online', 'mail'], precedence: 'first_received' } }));

function* recipients(): Generator<PacketRecipient> {
  for (let i = 0; i < members; i++) {
    yield {
      name: `Member ${i + 1}`,
      address: [`${100 + (i % 900)} Example Street, Apt ${i % 50}`, `Springfield ${String(10000 + (i % 89999))}`],
      lang: i % 3 === 2 ? 'es' : 'en',
      envelopeId: newEnvelopeId(systemRandom),
    };
  }
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`mail packets: ${members.toLocaleString('en')} members; load before ${load()}`);
const dir = await mkdtemp(join(tmpdir(), 'ratify-packets-'));
const out = createWriteStream(join(dir, 'packets.bin'));
let bytes = 0;
let baselineMs = 0;
const t0 = performance.now();
for await (const packet of mailPackets(manifest, recipients(), ({ done }) => {
  if (done === BASELINE) baselineMs = performance.now() - t0;
  if (process.stderr.isTTY && done % 1000 === 0) process.stderr.write(`\r${done}/${members}`);
})) {
  bytes += packet.pdf.length;
  if (!out.write(packet.pdf)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}
await new Promise<void>((resolve) => out.end(() => resolve()));
const totalMs = performance.now() - t0;
await rm(dir, { recursive: true, force: true });
const rate = (members / totalMs) * 1000;
const baseRate = (BASELINE / baselineMs) * 1000;
console.log(`total ${(totalMs / 1000).toFixed(1)} s, ${rate.toFixed(0)} packets/s (first ${BASELINE}: ${baseRate.toFixed(0)}/s; ratio ${(rate / baseRate).toFixed(2)})`);
console.log(`output ${(bytes / 1e6).toFixed(1)} MB (${(bytes / members / 1024).toFixed(1)} KiB/packet); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
console.log(`load after ${load()}`);
