// Mail packets read back with pdftotext: address block, instructions in the member's language, the
// return label with the envelope id (and a Code 128 barcode drawn from bwip-js's bars), and a ballot
// page that carries no identifier; streamed in order with progress; same input, same bytes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom, unwrap } from '@ratify/crypto';
import { createManifest, newEnvelopeId } from '@ratify/protocol';
import { aftraDraft } from '../../protocol/test/manifest-fixtures.ts';
import { buildMailPacket, mailPackets } from '../src/index.ts';

const manifest = unwrap(createManifest({ ...aftraDraft, channels: { accepted: ['online', 'mail'], precedence: 'first_received' } }));
const rng = seededRandom('packets');

const pdfText = (pdf: Uint8Array, page?: number): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'ratify-packet-')), 'p.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', ...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'], { encoding: 'utf8' });
};

describe('mail packets', () => {
  it('has the address, the instructions in Spanish, the label with the envelope id, and an anonymous ballot', async () => {
    const envelopeId = newEnvelopeId(rng);
    const pdf = await buildMailPacket(manifest, { name: 'María Núñez', address: ['Calle Mayor 7, 2º', '28013 Madrid'], lang: 'es', envelopeId });
    const first = pdfText(pdf, 1).replace(/\s+/g, ' ');
    expect(first).toContain('María Núñez');
    expect(first).toContain('28013 Madrid');
    expect(first).toContain('Cómo votar por correo');
    expect(first).toContain('cuenta la papeleta recibida primero');
    expect(first).toContain(envelopeId);
    expect(first).toContain('no es su número de miembro');
    const ballot = pdfText(pdf, 2);
    expect(ballot).toContain('PAPELETA');
    expect(ballot).toContain(manifest.questions[0]!.text.slice(0, 30));
    expect(ballot).toMatch(/Sí\s*\n[\s\S]*No/);
    for (const secret of [envelopeId, 'María', 'Núñez', 'Madrid']) expect(ballot).not.toContain(secret);
    const again = await buildMailPacket(manifest, { name: 'María Núñez', address: ['Calle Mayor 7, 2º', '28013 Madrid'], lang: 'es', envelopeId });
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
  });

  it('streams packets in order with progress; the ballot pages of one language are identical', async () => {
    const recipients = ['A', 'B', 'C'].map((n) => ({ name: `Member ${n}`, address: [`${n} Street 1`], lang: 'en' as const, envelopeId: newEnvelopeId(rng) }));
    const seen: number[] = [];
    const made = [];
    for await (const p of mailPackets(manifest, recipients, ({ done }) => seen.push(done))) made.push(p);
    expect(seen).toEqual([1, 2, 3]);
    expect(made.map((p) => p.envelopeId)).toEqual(recipients.map((r) => r.envelopeId));
    const ballots = new Set(made.map((p) => pdfText(p.pdf, 2)));
    expect(ballots.size).toBe(1);
    expect(pdfText(made[1]!.pdf, 1)).toContain('How to vote by mail');
  });
});
