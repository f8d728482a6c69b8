// Route handlers brand `params.id` with asVoteId/asUnionId (protocol ids.ts) after the browser-safe
// API schema checked it, so the API's slug rule must accept exactly what the protocol's parsers do:
// otherwise a request would reach asVoteId with an id it throws on (a 500 instead of a 400).
import { parseUnionId, parseVoteId } from '@ratify/protocol';
import { describe, expect, it } from 'vitest';
import { voteIdParamsSchema } from '../src/api/schemas.ts';

const SAMPLES = ['v1', 'guild-strike-2008', 'a_b', '0', 'x'.repeat(64), 'x'.repeat(65), '', '-lead', '_lead', 'Upper', 'sp ace', 'dot.ted', 'ünï', 'v1\n'];

describe('id params', () => {
  it('the API accepts exactly the ids the protocol parses', () => {
    for (const id of SAMPLES) {
      const api = voteIdParamsSchema.safeParse({ id }).success;
      expect({ id, api }).toEqual({ id, api: parseVoteId(id).ok });
      expect({ id, api }).toEqual({ id, api: parseUnionId(id).ok });
    }
  });
});
