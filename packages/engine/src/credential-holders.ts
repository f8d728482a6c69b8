// The private link between public credentials and the members they were issued to (decision 0018):
// recorded by whoever issues credentials (the server's mail mode, the CLI's offline mode, the demo),
// used to refuse a signed-in member's ballot signed with someone else's credential and to find a
// member's credential for a replacement. It lives only in the store: never on the board, never in
// the exported record. Must not be joined with anything that reveals a ballot's contents.
import { type Group, type Result, err, ok } from '@ratify/crypto';
import type { VoteId } from '@ratify/protocol';
import type { Credential, CredentialHolder, LinkHoldersError, Store } from '@ratify/storage';
import { type AuthorityAuthorization, type PublishCredentialsError, publishCredentials } from './setup.ts';

/** Links each public credential to its member, all or nothing (run it in the publishing transaction). */
export async function linkCredentialHolders(store: Store, voteId: VoteId, links: readonly CredentialHolder[]): Promise<Result<number, LinkHoldersError>> {
  return store.transaction<number, LinkHoldersError>((tx) => tx.ballots.linkHolders(voteId, links));
}

/** The member's credential that is not revoked, if one was issued to them. */
export async function activeCredentialOf(store: Store, voteId: VoteId, memberNumber: string): Promise<Result<Credential, 'no_credential_for_member'>> {
  const active = (await store.ballots.heldCredentials(voteId, memberNumber)).find((c) => !c.revoked);
  return active === undefined ? err('no_credential_for_member', memberNumber) : ok(active);
}

/**
 * Publishes the public credential list (sorted: its order links to no one) and records, privately,
 * whose each one is — in one transaction, so no published credential lacks its holder.
 */
export async function publishHeldCredentials(
  store: Store,
  group: Group,
  voteId: VoteId,
  links: readonly CredentialHolder[],
  authorization: AuthorityAuthorization,
): Promise<Result<number, PublishCredentialsError | LinkHoldersError>> {
  return store.transaction<number, PublishCredentialsError | LinkHoldersError>(async (tx) => {
    const published = await publishCredentials(tx, group, voteId, links.map((l) => l.credential), authorization);
    if (!published.ok) return published;
    const linked = await tx.ballots.linkHolders(voteId, links);
    return linked.ok ? published : linked;
  });
}
