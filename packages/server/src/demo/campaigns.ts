// The demo's campaigns (docs/campaigns.md), in the spirit of 2008, on the federation's ratification
// vote: an endorsement page for each side with a few sample members' signatures, and a campaign
// committee for each side with one appeal each, approved through the same service an
// administrator uses (so each is queued to the whole roll, sealed, in the shared template). The
// committees' passwords are written only to `dir` (mode 0600). Without RATIFY_SECRET_KEY nothing can
// be sealed, so the appeals stay pending for an administrator. Texts are illustrative.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '@ratify/engine';
import type { StaffSessionActor } from '../http/route-kit.ts';
import { createCampaignService } from '../services/campaigns.ts';

export type CampaignDemoOptions = { readonly secretKey: Uint8Array | null; readonly publicUrl: string };

export const CAMPAIGN_DEMO_VOTE = 'federation-primetime-2008';

const SIDES = [
  {
    side: 'for' as const,
    username: 'fair-contract',
    committee: 'Actors for a Fair Contract',
    page: { title: 'Actors for a Fair Contract', statement: 'We have read the tentative agreement. It raises minimums, protects health and pension, and brings new media under contract. We urge every member to vote yes.' },
    appeal: {
      subjectEn: 'Why we are voting yes',
      bodyEn: 'Fellow members,\n\nThe tentative agreement raises minimums by 3.5% a year and covers new media work from day one.\n\n- Health and pension contributions go up.\n- Residuals for streaming are in the contract for the first time.\n\nPlease read it and vote yes.',
      subjectEs: 'Por qué votamos sí',
      bodyEs: 'Compañeros y compañeras:\n\nEl acuerdo provisional sube los mínimos un 3,5 % al año y cubre el trabajo en nuevos medios desde el primer día.\n\nLéanlo y voten sí.',
    },
    signers: [[0, 'Shop steward'], [1, null], [2, 'Board member, New York local'], [3, null], [4, 'Stunt performer']] as const,
  },
  {
    side: 'against' as const,
    username: 'hold-out',
    committee: 'Vote No: Hold Out for New Media',
    page: { title: 'Vote No: Hold Out for New Media', statement: 'The new-media terms copy a deal made for others and leave product placement unaddressed. A no vote sends the negotiators back for terms that fit actors.' },
    appeal: {
      subjectEn: 'Vote no: new media is our future',
      bodyEn: 'Fellow members,\n\nThis offer locks in new-media terms written for someone else for three years.\n\nA no vote is not a strike vote: it sends our negotiators back to the table. Vote no.',
      subjectEs: 'Vote no: los nuevos medios son nuestro futuro',
      bodyEs: 'Compañeros y compañeras:\n\nEsta oferta fija por tres años condiciones de nuevos medios escritas para otros.\n\nUn voto no, no es una huelga: devuelve a los negociadores a la mesa. Voten no.',
    },
    signers: [[10, 'Shop steward'], [11, null], [12, 'Voice actor']] as const,
  },
];

export async function seedCampaignDemo(engine: Engine, dir: string, options: CampaignDemoOptions): Promise<void> {
  const store = engine.store;
  const vote = await store.votes.getVote(CAMPAIGN_DEMO_VOTE);
  if (vote === null || (await store.campaigns.listEndorsementPages(vote.id)).length > 0) return;
  const campaigns = createCampaignService({ engine, secretKey: options.secretKey, publicUrl: options.publicUrl, clock: () => new Date(), limiter: async () => ({ ok: true }) });
  const administrator: StaffSessionActor = { kind: 'staff', id: 'demo', username: 'demo-administrator', role: 'administrator', tokenHash: '' };
  const eligible = (await store.rolls.listRollEntries(vote.id)).filter((e) => e.status === 'eligible');
  const accounts: { username: string; password: string; committee: string; side: string }[] = [];
  for (const s of SIDES) {
    const page = await campaigns.adminCreatePage(vote.id, { side: s.side, ...s.page }, administrator);
    if (!page.ok) throw new Error(`demo endorsement page: ${page.error}`);
    // Sample members' signatures, as if each had signed in and signed (their roll name, a role or none).
    for (const [index, role] of s.signers) {
      const entry = eligible[index];
      if (entry === undefined) continue;
      const signed = await store.campaigns.signEndorsement({ pageId: page.value.id, unionId: vote.unionId, memberNumber: entry.memberNumber, shownName: entry.name, role });
      if (!signed.ok) throw new Error(`demo endorsement: ${signed.error}`);
    }
    const password = randomBytes(18).toString('base64url');
    const committee = await campaigns.createCommittee(vote.id, { side: s.side, name: s.committee, username: s.username, password });
    if (!committee.ok) throw new Error(`demo committee: ${committee.error}`);
    accounts.push({ username: s.username, password, committee: s.committee, side: s.side });
    const bound = await store.campaigns.getCommittee((await store.staff.getStaffCredentials(s.username))!.id);
    const actor: StaffSessionActor = { kind: 'staff', id: bound!.staffId, username: s.username, role: 'campaign', tokenHash: '' };
    const appeal = await campaigns.submitAppeal(actor, s.appeal);
    if (!appeal.ok) throw new Error(`demo appeal: ${appeal.error}`);
    if (options.secretKey !== null) {
      const approved = await campaigns.approve(appeal.value.id, administrator);
      if (!approved.ok) throw new Error(`demo appeal approval: ${approved.error}`);
    }
  }
  writeFileSync(join(dir, 'campaign-accounts.json'), JSON.stringify(accounts, null, 2) + '\n', { mode: 0o600 });
}
