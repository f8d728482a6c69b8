// The demo's linked follow-ups: the federation ratification declares a 75% strike-authorization vote
// on failure and a note on a pass (signed into its manifest), and the counted guild ratification's
// published result triggers its strike-authorization follow-up, which an administrator can start
// through the API. Seeding twice changes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_COUNTED_VOTE } from '../src/demo/follow-ups.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { ADMIN_TOKEN, START, type TestServer, startServer } from './fixtures.ts';
import { definitionForm } from './console-fixtures.ts';

let server: TestServer;
let dir: string;
beforeEach(async () => {
  server = await startServer();
  dir = mkdtempSync(join(tmpdir(), 'ratify-demo-follow-ups-'));
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const SCALE = { guild: 24, federation: 16, both: 6 };

describe('demo follow-ups', () => {
  it('declares them on the ratification, publishes a counted vote that triggers the strike vote, and lets an administrator start it', async () => {
    const seeded = await seedDemo(server.engine, dir, START, SCALE, 0.2);
    expect(seeded.seeded).toBe(true);
    const client = server.client();

    const ratification = await client.call('voteFollowUps', { params: { id: 'federation-primetime-2008' } });
    expect(ratification.ok && ratification.value.declared.map((d) => [d.outcome, d.kind])).toEqual([['failed', 'vote'], ['passed', 'note']]);
    expect(ratification.ok && ratification.value.declared[0]!.template?.rules[0]?.en).toContain('at least 75%');
    expect(ratification.ok && ratification.value.declared[1]!.text).toBe('The new contract takes effect on ratification.');
    expect(ratification.ok && ratification.value.triggered).toBeNull();

    const counted = await client.call('result', { params: { id: DEMO_COUNTED_VOTE } });
    expect(counted.ok && counted.value.result.questions[0]!.evaluation.outcome.kind).toBe('failed');
    expect(counted.ok && counted.value.result.followUps).toEqual([expect.objectContaining({ kind: 'vote', declared: 'failed', title: 'Strike authorization' })]);

    const template = ratification.ok ? ratification.value.declared[0]!.template!.questions : [];
    const { information: _i, ...form } = definitionForm({ voteId: 'guild-strike-follow-up', unionId: 'guild', title: 'Strike authorization', questions: template });
    const started = await server.client({ adminToken: ADMIN_TOKEN }).call('adminStartFollowUp', { params: { id: DEMO_COUNTED_VOTE }, json: { questionId: 'ratify', definition: form } });
    expect(started).toMatchObject({ status: 201, value: { link: { parentVoteId: DEMO_COUNTED_VOTE, outcome: 'failed', childStatus: 'draft' } } });

    expect((await seedDemo(server.engine, dir, START, SCALE, 0.2)).seeded).toBe(false);
  });
});
