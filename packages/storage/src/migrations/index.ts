// The migration list (a static provider: no directory scanning, so bundlers and tsx agree) and the
// runner. Names are timestamps so order is the name order. Dialect-specific SQL stays inside a migration, behind an adapter check.
import { Migrator, NO_MIGRATIONS } from 'kysely';
import type { Kysely, Migration, MigrationResultSet } from 'kysely';
import * as membersVotesRolls from './20261126150000-members-votes-rolls.ts';
import * as credentialsBallotsBoard from './20261126150100-credentials-ballots-board.ts';
import * as signInSessionsParticipation from './20261127090000-sign-in-sessions-participation.ts';
import * as draftsCeremonySchedule from './20261128090000-drafts-ceremony-schedule.ts';
import * as staffAccountsAuditLog from './20261128100000-staff-accounts-audit-log.ts';
import * as mailQueue from './20261128150000-mail-queue.ts';
import * as staffAccountStatus from './20261129090000-staff-account-status.ts';
import * as bargainingTracker from './20261129100000-bargaining-tracker.ts';
import * as campaigns from './20261129110000-campaigns.ts';
import * as followUpLinks from './20261129120000-follow-up-links.ts';
import * as auditLogNoTruncate from './20261208120000-audit-log-no-truncate.ts';
import * as draftElectionId from './20261209100000-draft-election-id.ts';
import * as credentialHolders from './20261209120000-credential-holders.ts';
import * as signInBindings from './20261209130000-sign-in-bindings.ts';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '20261126150000-members-votes-rolls': membersVotesRolls,
  '20261126150100-credentials-ballots-board': credentialsBallotsBoard,
  '20261127090000-sign-in-sessions-participation': signInSessionsParticipation,
  '20261128090000-drafts-ceremony-schedule': draftsCeremonySchedule,
  '20261128100000-staff-accounts-audit-log': staffAccountsAuditLog,
  '20261128150000-mail-queue': mailQueue,
  '20261129090000-staff-account-status': staffAccountStatus,
  '20261129100000-bargaining-tracker': bargainingTracker,
  '20261129110000-campaigns': campaigns,
  '20261129120000-follow-up-links': followUpLinks,
  '20261208120000-audit-log-no-truncate': auditLogNoTruncate,
  '20261209100000-draft-election-id': draftElectionId,
  '20261209120000-credential-holders': credentialHolders,
  '20261209130000-sign-in-bindings': signInBindings,
};

/**
 * Kysely's bookkeeping tables live in `schema` when given: on PostgreSQL the adapter passes its
 * current schema, so databases with several schemas (tests, or a shared server) never confuse them.
 */
const migrator = <DB>(db: Kysely<DB>, schema?: string): Migrator =>
  new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });

const check = (outcome: MigrationResultSet): MigrationResultSet => {
  if (outcome.error !== undefined) {
    throw new Error(
      `migration failed: ${outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}`,
    );
  }
  return outcome;
};

export async function migrateToLatest<DB>(db: Kysely<DB>, schema?: string): Promise<MigrationResultSet> {
  return check(await migrator(db, schema).migrateToLatest());
}

/** Undoes every migration (tests prove each `down` works). */
export async function migrateAllDown<DB>(db: Kysely<DB>, schema?: string): Promise<MigrationResultSet> {
  return check(await migrator(db, schema).migrateTo(NO_MIGRATIONS));
}
