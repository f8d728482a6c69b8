// What `npm start` prints for a newcomer: where to go, whom to sign in as, where codes and sample
// credentials are, and how to close and tally with the sample trustees. Demo only.
import type { ServerConfig } from '../config.ts';
import { CAMPAIGN_DEMO_VOTE } from './campaigns.ts';
import { OBSERVER_ACCOUNT_FILE } from './observer.ts';
import type { DemoSeedResult } from './seed.ts';

export function printDemoBanner(address: string, demo: DemoSeedResult, config: ServerConfig): void {
  const lines = [
    '',
    '  Ratify demo — 2008-style votes at 1/100 scale (sample data, not real people)',
    `  Open ${address}/ in a browser.`,
    `  ${demo.seeded ? 'Seeded' : 'Already seeded'}: ${demo.votes.join(', ')}`,
    '',
    '  Sign in as a sample member (this one is in both unions):',
    ...demo.samples.map((s) => `    member ${s.memberNumber} (${s.union}) — voting credential for ${s.voteId}: ${s.credential}`),
    `  One-time sign-in codes appear at ${address}/api/dev/mail (development mail log).`,
    '  Every member\'s credential is in data/demo/credentials-<vote>.csv (the credential authority\'s delivery file).',
    `  Endorsement pages: ${address}/votes/${CAMPAIGN_DEMO_VOTE}/endorsements (members sign after signing in).`,
    '',
    `  Staff pages: sign in at ${address}/staff as the read-only observer in data/demo/${OBSERVER_ACCOUNT_FILE}`,
    '  (turnout, audit log, bargaining tracker at /admin/contracts, appeals), or as a campaign committee',
    '  in data/demo/campaign-accounts.json. Administrators need RATIFY_SECRET_KEY and `npx ratify admin create` (README).',
    '',
    '  Close and tally with the sample trustees (2 of 3):',
    `    RATIFY_ADMIN_TOKEN=${config.adminToken ?? '<set RATIFY_ADMIN_TOKEN>'} node --import tsx packages/server/src/demo/tally-with-sample-trustees.ts <voteId> ${address}`,
    '  Then download the record from the results page and run: npx ratify verify <dir>',
    '',
  ];
  process.stderr.write(lines.join('\n') + '\n');
}
