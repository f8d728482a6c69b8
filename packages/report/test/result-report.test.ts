// The certified result report from a whole simulated vote (real engine, real crypto): its text as
// pdftotext (Debian's poppler-utils) reads it, its bytes reproducible, bad boards refused.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@ratify/storage';
import { createEngine, ruleOf, simulateVote } from '@ratify/engine';
import { type BoardEventKind, type CanonicalValue, computeEventHash, toCanonical } from '@ratify/protocol';
import { buildResultReport, recordDigest } from '../src/index.ts';

const pdfText = (pdf: Uint8Array): string => {
  const dir = mkdtempSync(join(tmpdir(), 'ratify-report-'));
  const file = join(dir, 'report.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

let board = '';
let voted = 0;
let yes = 0;

beforeAll(async () => {
  const store = await openStore(':memory:');
  let t = Date.parse('2026-11-02T09:00:00Z');
  const engine = createEngine({ store, now: () => new Date((t += 3_600_000)) });
  const { summary, record } = await simulateVote(engine, {
    voters: 30, seed: 'report', turnout: 0.8, yes: 0.7, revote: 0, rule: ruleOf('supermajority:2/3')!, trustees: 3, threshold: 2,
  });
  board = record.get('board.jsonl')!;
  voted = summary.result.turnout.voted;
  yes = summary.result.questions[0]!.counts.options[0]!;
  await store.close();
});

describe('certified result report', () => {
  it('prints the vote, rule, counts, turnout, outcome, trustees, fingerprint, head, digest and signature lines (en)', async () => {
    const pdf = await buildResultReport(board, { lang: 'en', recordUrl: 'https://votes.example.org/api/votes/simulated-ratification/record' });
    if (!pdf.ok) throw new Error(pdf.error);
    const text = pdfText(pdf.value);
    const lastLine = board.trimEnd().split('\n').at(-1)!;
    const head = (JSON.parse(lastLine) as { hash: string }).hash;
    expect(text).toContain('CERTIFIED RESULT REPORT');
    expect(text).toContain('Simulated Guild');
    expect(text).toContain('Passes with at least two thirds');
    expect(text).toMatch(new RegExp(`Yes\\s+${yes}\\b`));
    expect(text).toMatch(new RegExp(`Total\\s+${voted}\\b`));
    expect(text).toContain(`${voted} of 30 eligible members voted`);
    expect(text).toMatch(/Outcome\s+(PASSED|FAILED)/);
    expect(text).toContain('Decrypted by');
    expect(text).toContain(head);
    expect(text).toContain(recordDigest(board));
    expect(text).toContain('Certification by the election committee');
    expect(text.match(/Signature/g)?.length).toBe(3);
    expect(text).toContain('https://votes.example.org/api/votes/simulated-ratification/record');
    expect(text).toContain(`#sha256=${recordDigest(board)}`);
  });

  it('speaks Spanish, accents intact', async () => {
    const pdf = await buildResultReport(board, { lang: 'es' });
    if (!pdf.ok) throw new Error(pdf.error);
    const text = pdfText(pdf.value);
    expect(text).toContain('INFORME CERTIFICADO DEL RESULTADO');
    expect(text).toContain('Se aprueba con al menos dos tercios');
    expect(text).toContain('Certificación de la comisión electoral');
    expect(text).toContain('Participación');
    expect(text).toContain('ratify-record:simulated-ratification');
  });

  it('the same record gives the same bytes; another record gives other bytes', async () => {
    const a = await buildResultReport(board, { lang: 'en' });
    const b = await buildResultReport(board, { lang: 'en' });
    if (!a.ok || !b.ok) throw new Error('report failed');
    expect(Buffer.from(a.value).equals(Buffer.from(b.value))).toBe(true);
    expect(Buffer.from(a.value).toString('latin1')).toMatch(/\/CreationDate \(D:20261102\d{6}Z/);
    const c = await buildResultReport(board, { lang: 'es' });
    if (!c.ok) throw new Error('report failed');
    expect(Buffer.from(a.value).equals(Buffer.from(c.value))).toBe(false);
  });

  it('prints the channels and their precedence rule when the manifest declares them', async () => {
    // A consistent board whose manifest declares mail beside online: rebuilt with the protocol's own
    // chain function, so only the words can differ.
    const events = board.trimEnd().split('\n').map((l) => JSON.parse(l) as { hash: string; kind: string; payload: Record<string, unknown>; prevHash: string; seq: number });
    const manifest = events[0]!.payload['manifest'] as Record<string, unknown>;
    const entries = Object.entries({ ...manifest, channels: { accepted: ['online', 'mail'], precedence: 'online_counts' } }).sort(([a], [b]) => (a < b ? -1 : 1));
    events[0]!.payload['manifest'] = Object.fromEntries(entries);
    let prev = '0'.repeat(64);
    const lines = events.map((e) => {
      const payload = toCanonical(e.payload as CanonicalValue);
      const hash = computeEventHash('simulated-ratification', e.seq, prev, e.kind as BoardEventKind, payload);
      const line = toCanonical({ hash, kind: e.kind, payload: e.payload as CanonicalValue, prevHash: prev, seq: e.seq });
      prev = hash;
      return line;
    });
    const pdf = await buildResultReport(lines.join('\n') + '\n', { lang: 'en' });
    if (!pdf.ok) throw new Error(`${pdf.error} ${pdf.detail ?? ''}`);
    expect(pdfText(pdf.value).replace(/\s+/g, ' ')).toContain('your online ballot counts and your mail envelope is set aside unopened');
  });

  it('refuses a board whose chain is broken, one without a result, and text that is not a board', async () => {
    const lines = board.trimEnd().split('\n');
    const forged = lines.map((l) => l.replace(/"ballotsAccepted":\d+/, '"ballotsAccepted":999')).join('\n') + '\n';
    expect(await buildResultReport(forged, { lang: 'en' })).toMatchObject({ ok: false, error: 'board_chain' });
    const open = lines.slice(0, lines.findIndex((l) => l.includes('"kind":"vote_closed"'))).join('\n') + '\n';
    expect(await buildResultReport(open, { lang: 'en' })).toMatchObject({ ok: false, error: 'no_result' });
    expect(await buildResultReport('hello\n', { lang: 'en' })).toMatchObject({ ok: false, error: 'not_a_board' });
    expect(await buildResultReport('', { lang: 'en' })).toMatchObject({ ok: false, error: 'not_a_board' });
  });
});
