// A whole vote through the engine on a real SQLite store (in memory), via the simulation driver.
import { describe, expect, it } from 'vitest';
import { openStore } from '@ratify/storage';
import { createEngine, ruleOf, simulateVote } from '../src/index.ts';

describe('simulateVote', () => {
  it('runs a 2-of-3 ratification end to end and the counts match what the voters chose', async () => {
    const store = await openStore(':memory:');
    const engine = createEngine({ store, now: () => new Date('2026-11-10T12:00:00Z') });
    const { summary, record } = await simulateVote(engine, {
      voters: 40,
      seed: 'engine-test',
      turnout: 0.8,
      yes: 0.6,
      rule: ruleOf('ratification')!,
      trustees: 3,
      threshold: 2,
      revote: 0.2,
    });
    expect(summary.simulation).toBe(true);
    expect(summary.countsMatch).toBe(true);
    expect(summary.revotes).toBeGreaterThan(0);
    expect(summary.result.turnout.voted).toBe(summary.expected.yes + summary.expected.no);
    expect([...record.keys()].sort()).toEqual(
      ['ballots.jsonl', 'board.jsonl', 'credentials.json', 'manifest.json', 'partial-decryptions.json', 'record.json', 'result.json', 'tally.json', 'trustees.json'],
    );
    await store.close();
  });
});
