// `ratify ballot cast --receipt` and `ratify verify --receipt` through the real binary. Forgery class
// 5 of issue 12 at the command line: a record from which one ballot was removed and everything
// rebuilt with the project's own code (built by the verifier's test builder) exits 0 without the
// receipt and exits 1 with it, naming the finding; the honest record with the same receipt exits 0.
// A file that is not receipts is a usage error (exit 2).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toHex } from '@ratify/crypto';
import { RECEIPT_FORMAT, type Receipt, toWireReceipt } from '@ratify/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVote } from '../packages/verifier/test/record-builder.ts';
import { dropBallotAndRebuild } from '../packages/verifier/test/forge-drop.ts';
import { ratify, workDir } from './fixtures/cli-harness.ts';

type Report = { ok: boolean; receipts?: { checked: number; found: number }; checks: { name: string; status: string; findings: { code: string }[] }[] };

describe('ratify verify --receipt', () => {
  let work: Awaited<ReturnType<typeof workDir>>;
  const vote = buildVote({ seed: 'cli-receipts', chooseQuestion: false, voters: 4, revoters: [] });
  const line = vote.files['board.jsonl']!.trimEnd().split('\n').map((l) => JSON.parse(l) as { seq: number; kind: string; hash: string; payload: { trackingCode?: string } }).find((e) => e.kind === 'ballot_accepted')!;
  const receipt: Receipt = { format: RECEIPT_FORMAT, voteId: vote.manifest.voteId, fingerprint: toHex(vote.fingerprint), trackingCode: line.payload.trackingCode!, boardSeq: line.seq, boardHash: line.hash };

  async function writeDir(name: string, files: Record<string, string>): Promise<string> {
    const dir = join(work.dir, name);
    await mkdir(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
    return dir;
  }

  beforeAll(async () => {
    work = await workDir('receipts');
  });
  afterAll(async () => work.cleanup());

  it('passes the honest record with the receipt and fails the rebuilt forgery with receipt_ballot_missing', { timeout: 120_000 }, async () => {
    const honest = await writeDir('honest', vote.files);
    const forged = await writeDir('forged', dropBallotAndRebuild(vote, receipt.trackingCode));
    const file = join(work.dir, 'receipt.json');
    await writeFile(file, `${toWireReceipt(receipt)}\n`);

    const ok = await ratify(work.db, ['verify', honest, '--json', '--workers', '0', '--receipt', file]);
    expect(ok.code, ok.stderr).toBe(0);
    expect((JSON.parse(ok.stdout) as Report).receipts).toEqual({ checked: 1, found: 1 });

    const blind = await ratify(work.db, ['verify', forged, '--workers', '0']);
    expect(blind.code, blind.stdout).toBe(0);

    const caught = await ratify(work.db, ['verify', forged, '--json', '--workers', '0', '--receipt', file]);
    expect(caught.code).toBe(1);
    const report = JSON.parse(caught.stdout) as Report;
    expect(report.checks.filter((c) => c.status === 'failed').map((c) => [c.name, c.findings.map((f) => f.code)])).toEqual([['receipts', ['receipt_ballot_missing']]]);
    expect(caught.stderr).toContain('failed check(s): receipts');
  });

  it('refuses a file that is not receipts (exit 2) and a missing file', async () => {
    const honest = await writeDir('honest-2', vote.files);
    const bad = join(work.dir, 'bad.json');
    await writeFile(bad, '{"trackingCode":"ab"}');
    const r = await ratify(work.db, ['verify', honest, '--receipt', bad]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'not_a_receipt' } });
    const missing = await ratify(work.db, ['verify', honest, '--receipt', join(work.dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'io_error' } });
  });
});
