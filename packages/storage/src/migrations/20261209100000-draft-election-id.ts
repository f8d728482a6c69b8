// Migration: protocol ratify/v2 (decision 0016) — a vote draft holds the random election id made
// when the draft was created, because the key ceremony run on the draft is bound to it (and so,
// later, the manifest, the fingerprint and the credentials). Drafts made before have none (null):
// their ceremony was bound to the vote id only, so the server refuses to turn them into votes.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('vote_drafts').addColumn('election_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('vote_drafts').dropColumn('election_id').execute();
}
