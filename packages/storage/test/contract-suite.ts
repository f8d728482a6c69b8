// The Store contract: one suite every adapter must pass (SQLite now, PostgreSQL later). Give it a
// factory that opens a fresh, migrated, empty store; it exercises the port only, plus raw Kysely
// inserts where a test must prove a constraint is enforced by the database itself.
import { describe } from 'vitest';
import { ballotsContract } from './contract/ballots.ts';
import { bargainingContract } from './contract/bargaining.ts';
import { boardContract } from './contract/board.ts';
import { campaignsContract } from './contract/campaigns.ts';
import { consoleContract } from './contract/console.ts';
import type { StoreFactory } from './contract/fixtures.ts';
import { followUpContract } from './contract/follow-ups.ts';
import { mailContract } from './contract/mail.ts';
import { membersContract } from './contract/members.ts';
import { signInContract } from './contract/sign-in.ts';
import { staffAuditContract } from './contract/staff-audit.ts';
import { staffSecurityContract } from './contract/staff-security.ts';
import { votesRollsContract } from './contract/votes-rolls.ts';

export type { StoreFactory, StoreUnderTest } from './contract/fixtures.ts';

export function runStoreContract(name: string, factory: StoreFactory): void {
  describe(`Store contract: ${name}`, () => {
    describe('unions and members', () => membersContract(factory));
    describe('votes, rolls, credentials', () => votesRollsContract(factory));
    describe('ballot box', () => ballotsContract(factory));
    describe('board and transactions', () => boardContract(factory));
    describe('public reads, sign-in, credential holders', () => signInContract(factory));
    describe('outgoing mail queue and delivery log', () => mailContract(factory));
    describe('admin console: drafts, ceremony, scheduler, turnout', () => consoleContract(factory));
    describe('staff accounts, staff sessions, audit log', () => staffAuditContract(factory));
    describe('staff security: pruning, disabling, password changes', () => staffSecurityContract(factory));
    describe('bargaining tracker: contracts, sessions, offers, documents', () => bargainingContract(factory));
    describe('campaigns: committees, endorsement pages, appeals', () => campaignsContract(factory));
    describe('linked follow-up votes', () => followUpContract(factory));
  });
}
