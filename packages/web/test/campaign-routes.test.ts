// The campaign pages' routes: public endorsement pages (a vote's list, one page), the committee
// console and the appeals review; each parses and prints back to itself.
import { describe, expect, it } from 'vitest';
import { parseRoute, routePath, type Route } from '../src/router.ts';

describe('campaign routes', () => {
  it.each<[string, Route]>([
    ['/votes/sag-2008/endorsements', { kind: 'endorsements', voteId: 'sag-2008' }],
    ['/endorsements/0f3a9c', { kind: 'endorsement_page', pageId: '0f3a9c' }],
    ['/campaign', { kind: 'campaign_console' }],
    ['/admin/votes/sag-2008/appeals', { kind: 'admin_appeals', voteId: 'sag-2008' }],
    ['/endorsements/Bad Id', { kind: 'not_found' }],
    ['/votes/sag-2008/endorsements/extra', { kind: 'not_found' }],
  ])('%s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
    if (route.kind !== 'not_found') expect(parseRoute(routePath(route))).toEqual(route);
  });
});
