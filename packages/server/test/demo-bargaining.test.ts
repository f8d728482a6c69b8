// The demo's bargaining timeline: seeded with the demo (idempotently), the guild's contract shows
// its computed days of formal negotiations and is working without a contract after 2008-06-30, and
// both demo votes are bound to their offers by digest, with the comparisons and the documents
// members will see.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.ts';
import { ADMIN_TOKEN, type TestServer, startServer } from './fixtures.ts';

let server: TestServer;
let dir: string;
beforeEach(async () => {
  server = await startServer();
  dir = mkdtempSync(join(tmpdir(), 'ratify-demo-bargaining-'));
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('demo bargaining timeline', () => {
  it('seeds the 2008-style timeline and binds the demo votes to their offers', async () => {
    const scale = { guild: 12, federation: 7, both: 4 };
    expect((await seedDemo(server.engine, dir, server.clock.now(), scale, 0)).seeded).toBe(true);
    expect((await seedDemo(server.engine, dir, server.clock.now(), scale, 0)).seeded).toBe(false);
    const admin = server.client({ adminToken: ADMIN_TOKEN });
    const guild = await admin.call('getContract', { params: { id: 'guild-tv-theatrical-2005' } });
    if (!guild.ok) throw new Error(guild.error.code);
    // Weekdays 2008-04-15…05-06 (16), 05-28…06-30 (24, the 06-30 final-offer session on a day already counted), 07-01…07-03 (3).
    expect(guild.value.formalNegotiationDays).toBe(43);
    expect(guild.value.contract).toMatchObject({ expiryDate: '2008-06-30', status: 'working_without_contract' });
    expect(guild.value.statusHistory.map((e) => e.to)).toEqual(['expired', 'working_without_contract']);
    expect(guild.value.offers.find((o) => o.offer.finalOffer)?.offer.id).toBe('producers-2008-final-offer');
    expect(guild.value.documents.map((d) => d.contentType)).toEqual(['text/markdown']);

    const ratification = await server.client().call('voteOffer', { params: { id: 'federation-primetime-2008' } });
    expect(ratification).toMatchObject({ ok: true, value: { digestMatches: true, offer: { id: 'federation-2008-agreement' } } });
    // Both bound offers carry one Markdown document, once (seeding twice added none twice).
    expect(ratification.ok && ratification.value.documents.map((d) => [d.id, d.contentType])).toEqual([['federation-2008-agreement-highlights', 'text/markdown']]);
    const highlights = await fetch(`${server.baseUrl}/api/votes/federation-primetime-2008/offer/documents/federation-2008-agreement-highlights`);
    expect(highlights.status).toBe(200);
    expect(await highlights.text()).toMatch(/^# Federation 2008 primetime deal: highlights \(demo\)\n\n\*Illustrative demo data/);
    const strike = await server.client().call('voteOffer', { params: { id: 'guild-strike-authorization-2009' } });
    if (!strike.ok) throw new Error(strike.error.code);
    expect(strike.value.digestMatches).toBe(true);
    expect(strike.value.documents.map((d) => d.name)).toEqual(['final-offer-summary.md']);
    // Attached before the vote bound the offer: the offer object lists it, so the signed digest covers its SHA-256.
    expect(strike.value.offer.documents).toEqual(strike.value.documents);
    const summary = await fetch(`${server.baseUrl}/api/votes/guild-strike-authorization-2009/offer/documents/producers-2008-final-offer-summary`);
    expect(createHash('sha256').update(Buffer.from(await summary.arrayBuffer())).digest('hex')).toBe(strike.value.documents[0]!.sha256);
    expect(strike.value.comparedWith.map((o) => o.id)).toEqual(['federation-2008-agreement', 'directors-2008-agreement', 'writers-2008-agreement']);
    const row = (key: string) => strike.value.comparison.rows.find((r) => r.key === key)!.cells.map((c) => c.verdict ?? null);
    // Verdicts of each other agreement against the final offer.
    expect(row('retroactive-pay')).toEqual(['better', 'missing_in_offer', 'missing_in_offer']);
    expect(row('wage-y2')).toEqual(['equal', 'worse', 'worse']);
    expect(row('nm-streaming-residual')).toEqual(['equal', 'worse', 'equal']);
    expect(row('force-majeure')).toEqual(['different', 'missing_in_offer', 'missing_in_offer']);
    expect(row('health-pension')).toEqual(['equal', 'missing_in_offer', 'missing_in_offer']);
  });

  it('seeds again over a database whose votes already bind the offers, leaving a bound offer and its digest alone', async () => {
    const scale = { guild: 12, federation: 7, both: 4 };
    expect((await seedDemo(server.engine, dir, server.clock.now(), scale, 0)).seeded).toBe(true);
    // As if this demo document had been added to the demo after the database was seeded: the vote
    // already binds its offer, so the document cannot join it (its digest is signed).
    const id = 'federation-2008-agreement-highlights';
    await server.store.kysely.deleteFrom('bargaining_documents').where('id', '=', id).execute();
    const before = (await server.store.bargaining.getOffer('federation-2008-agreement'))!.offer;
    expect((await seedDemo(server.engine, dir, server.clock.now(), scale, 0)).seeded).toBe(false);
    expect(await server.store.bargaining.getDocument(id)).toBeNull();
    expect((await server.store.bargaining.getOffer('federation-2008-agreement'))!.offer).toBe(before);
    expect(await server.client().call('voteOffer', { params: { id: 'federation-primetime-2008' } })).toMatchObject({ ok: true, value: { digestMatches: true } });
  });
});
