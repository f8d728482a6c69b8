// GET /api/votes/:id/report.pdf: the certified result report of a published vote, public (members
// follow the link on the result page, staff from the console), the same bytes as @ratify/report makes
// from the exported record (so as `ratify report`), refused before the result is published.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asVoteId } from '@ratify/protocol';
import { buildResultReport } from '@ratify/report';
import { ADMIN_TOKEN, GUILD, type SeededVote, type TestServer, makeBallot, makePartialDecryption, seedScenario, startServer } from './fixtures.ts';

let server: TestServer;
let guild: SeededVote;
beforeAll(async () => {
  server = await startServer();
  ({ guild } = await seedScenario(server));
});
afterAll(() => server.close());

const get = (path: string) => fetch(`${server.baseUrl}${path}`);

describe('certified result report route', () => {
  it('is refused until the result is published, then served as a PDF equal to the record-made report', async () => {
    expect((await get(`/api/votes/${GUILD.voteId}/report.pdf`)).status).toBe(404);
    expect(await (await get(`/api/votes/${GUILD.voteId}/report.pdf`)).json()).toMatchObject({ error: { code: 'result_not_published' } });
    expect(await (await get('/api/votes/no-such-vote/report.pdf')).json()).toMatchObject({ error: { code: 'vote_not_found' } });
    expect((await get(`/api/votes/${GUILD.voteId}/report.pdf?lang=fr`)).status).toBe(400);
    // An online-only vote says so on its page (protocol §M8).
    expect(await server.client().getVote(GUILD.voteId)).toMatchObject({ ok: true, value: { channels: { accepted: ['online'], precedence: null, en: 'Ballots are cast online only.' } } });

    const admin = server.client({ adminToken: ADMIN_TOKEN });
    for (const [member, yes] of [['G1', true], ['G2', true], ['G3', false]] as const) {
      const r = await server.engine.castBallot(asVoteId(GUILD.voteId), await makeBallot(server.engine, GUILD.voteId, guild.credentials.get(member)!, yes, server.rng));
      expect(r.ok).toBe(true);
    }
    expect((await admin.admin.close(GUILD.voteId)).ok).toBe(true);
    for (const i of [0, 1]) expect((await admin.admin.submitPartialDecryption(GUILD.voteId, await makePartialDecryption(server.engine, guild, i, server.rng))).ok).toBe(true);
    const published = await admin.admin.publishResult(GUILD.voteId);
    if (!published.ok) throw new Error(published.error.code);

    const response = await get(`/api/votes/${GUILD.voteId}/report.pdf?lang=es`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${GUILD.voteId}-result-report-es.pdf"`);
    expect(response.headers.get('x-board-head')).toBe(published.value.boardHead);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const again = new Uint8Array(await (await get(`/api/votes/${GUILD.voteId}/report.pdf?lang=es`)).arrayBuffer());
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);

    const record = await server.client().record(GUILD.voteId);
    if (!record.ok) throw new Error(record.error.code);
    const local = await buildResultReport(record.value.files['board.jsonl']!, { lang: 'es', recordUrl: `http://127.0.0.1:3000/api/votes/${GUILD.voteId}/record` });
    if (!local.ok) throw new Error(local.error);
    expect(Buffer.from(local.value).equals(Buffer.from(bytes))).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), 'ratify-report-route-'));
    writeFileSync(join(dir, 'r.pdf'), bytes);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('INFORME CERTIFICADO DEL RESULTADO');
    expect(text).toContain(GUILD.unionName);
    expect(text).toMatch(/Sí\s+2\s/);
    expect(text).toContain('RECHAZADA');
    expect(text).toContain(published.value.boardHead);
    expect(text).toContain(`/api/votes/${GUILD.voteId}/record`);
  });
});
