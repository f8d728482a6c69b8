// Credentials, reminders and results by email (docs/decisions/0006-credential-emails.md). In this
// mode the server is the credential authority, as Belenios' server mode is: it makes one private
// credential per eligible member (CSPRNG), publishes only the public list, and queues each private
// one in a message sealed under RATIFY_SECRET_KEY that is blanked once sent. It records privately
// which member each public credential was issued to (decision 0018: a member may cast only with
// their own), so a replacement is asked for by member number alone and the email no longer carries
// the public credential. Must never log or return a private credential, and never return a public
// credential alongside the member it belongs to.
import { type Result, err, ok, toHex } from '@ratify/crypto';
import type { VoteId } from '@ratify/protocol';
import { type Engine, type ReplaceCredentialError, type VoteAuthority, activeCredentialOf, linkCredentialHolders, publishHeldCredentials, replaceCredential as replaceOnBoard, serverAuthority } from '@ratify/engine';
import { type Manifest, type PrivateCredential, formatPrivateCredential, generatePrivateCredential, parseWireManifest, publicCredential } from '@ratify/protocol';
import type { Member, NewMailMessage, RollEntry, Vote } from '@ratify/storage';
import type { ResponseOf } from '../api/routes.ts';
import { newId } from '../auth/secrets.ts';
import type { ApiErrorCode } from '../http/errors.ts';
import { mailKey, sealBody } from '../mail/sealed-body.ts';
import { type Language, type Rendered, credentialMail, languageOf, reminderMail, resultMail } from '../mail/templates.ts';
import type { createPublicVoteService } from './public-votes.ts';

export type NotificationDeps = {
  readonly engine: Engine;
  /** RATIFY_SECRET_KEY; null: every mail-sending action answers secret_key_missing. */
  readonly secretKey: Uint8Array | null;
  readonly publicUrl: string;
  readonly clock: () => Date;
  readonly publicVotes: ReturnType<typeof createPublicVoteService>;
  /** RATIFY_MAIL_PER_MINUTE: the queue's send rate, for the estimate of the time left. */
  readonly mailPerMinute?: number;
};

export type MailKind = 'credential' | 'credential_replacement' | 'reminder' | 'result';

type Loaded = { readonly vote: Vote; readonly manifest: Manifest; readonly eligible: readonly RollEntry[]; readonly language: (memberNumber: string) => Language };

export function createNotificationService(deps: NotificationDeps) {
  const { engine, publicUrl, clock } = deps;
  const store = engine.store;
  const key = deps.secretKey === null ? null : mailKey(deps.secretKey);
  const boothLink = (voteId: VoteId, credential?: PrivateCredential) =>
    `${publicUrl}/booth/${encodeURIComponent(voteId)}${credential === undefined ? '' : `#credential=${credential}`}`;
  const publicHex = (manifest: Manifest, credential: PrivateCredential) => toHex(engine.group.encodeElement(publicCredential(engine.group, manifest, credential)));

  async function load(voteId: VoteId): Promise<Result<Loaded, ApiErrorCode>> {
    const vote = await store.votes.getVote(voteId);
    if (vote === null) return err('vote_not_found');
    const manifest = parseWireManifest(vote.manifest);
    if (!manifest.ok) return err('manifest_unreadable');
    const eligible = (await store.rolls.listRollEntries(voteId)).filter((e) => e.status === 'eligible');
    const members = new Map<string, Member>((await store.members.listMembers(vote.unionId)).map((m) => [m.memberNumber, m]));
    return ok({ vote, manifest: manifest.value, eligible, language: (n) => languageOf(members.get(n)?.language) });
  }

  /** Seals one message for the queue; the rendered text never leaves this function in clear. */
  function message(sealKey: Uint8Array, kind: MailKind, voteId: VoteId, entry: RollEntry, rendered: Rendered): NewMailMessage {
    const id = newId();
    return {
      id,
      kind,
      voteId,
      memberNumber: entry.memberNumber,
      recipient: entry.email,
      subject: rendered.subject,
      sealedBody: sealBody(sealKey, id, rendered.text),
      notBefore: clock().toISOString(),
    };
  }

  /** A fresh private credential for a member, and its sealed email; returns the public handle. */
  function credentialMessage(
    sealKey: Uint8Array,
    loaded: Loaded,
    entry: RollEntry,
    replacement: boolean,
  ): { readonly handle: string; readonly mail: NewMailMessage } {
    const voteId = loaded.manifest.voteId;
    const credential = generatePrivateCredential();
    const handle = publicHex(loaded.manifest, credential);
    const rendered = credentialMail(loaded.language(entry.memberNumber), {
      name: entry.name,
      voteTitle: loaded.manifest.title,
      closesAt: loaded.manifest.schedule.closesAt,
      credential: formatPrivateCredential(credential),
      boothLink: boothLink(voteId, credential),
      replacement,
    });
    return { handle, mail: message(sealKey, replacement ? 'credential_replacement' : 'credential', voteId, entry, rendered) };
  }

  /**
   * The server's own credential authority key for a server-mode vote (decision 0006/0017), or why
   * there is none: an offline vote (the committee signs), no RATIFY_SECRET_KEY, or a key that is
   * not the one the manifest commits to (the secret key changed since the vote was created).
   */
  function ownAuthority(manifest: Manifest): Result<VoteAuthority, ApiErrorCode> {
    if (manifest.credentialAuthority.mode !== 'server') return err('credential_authority_offline');
    if (deps.secretKey === null) return err('secret_key_missing', 'Signing as the credential authority');
    const authority = serverAuthority(engine.group, deps.secretKey, manifest.voteId, manifest.electionId);
    if (authority.credentialAuthority.publicKey !== manifest.credentialAuthority.publicKey) return err('authority_key_unavailable');
    return ok(authority);
  }

  async function issueCredentials(voteId: VoteId): Promise<Result<ResponseOf<'adminIssueCredentials'>, ApiErrorCode>> {
    const loaded = await load(voteId);
    if (!loaded.ok) return loaded;
    const { vote, eligible } = loaded.value;
    if (vote.status !== 'draft') return err('vote_not_draft');
    if ((await store.ballots.listCredentials(voteId)).length > 0) return err('credentials_already_published');
    // After every check of the request: a wrong id or state is said first, whatever the server's setup.
    if (key === null) return err('secret_key_missing', 'Emailing credentials');
    const authority = ownAuthority(loaded.value.manifest);
    if (!authority.ok) return authority;
    const holders: { credential: string; memberNumber: string }[] = [];
    const messages: NewMailMessage[] = [];
    for (const entry of eligible) {
      const { handle, mail } = credentialMessage(key, loaded.value, entry, false);
      holders.push({ credential: handle, memberNumber: entry.memberNumber });
      messages.push(mail);
    }
    // The queue and the published list commit together: no credential is published without its
    // email, and no email is queued for a list that was refused. publishCredentials sorts the list,
    // so its order says nothing about who holds which credential.
    const done = await store.transaction<number, ApiErrorCode>(async (tx) => {
      await tx.mail.enqueueMail(messages);
      // With the private member ↔ credential link, in the same transaction (never exported).
      const published = await publishHeldCredentials(tx, engine.group, voteId, holders, { key: authority.value.key });
      if (published.ok) return ok(published.value);
      const e = published.error;
      return e === 'credential_has_holder' || e === 'member_has_credential' || e === 'unknown_credential' ? err('duplicate_credential', published.detail) : err(e, published.detail);
    });
    if (!done.ok) return done;
    return ok({ voteId, issued: done.value, queued: messages.length });
  }

  /**
   * `again`: a previous run exists and the administrator saw when it ran (refused otherwise, with
   * its time). A member whose earlier reminder is still waiting in the queue gets no second one.
   */
  async function sendReminders(voteId: VoteId, again: boolean): Promise<Result<ResponseOf<'adminSendReminders'>, ApiErrorCode>> {
    const loaded = await load(voteId);
    if (!loaded.ok) return loaded;
    const { vote, manifest, eligible, language } = loaded.value;
    if (vote.status !== 'open') return err('vote_not_open');
    if (key === null) return err('secret_key_missing', 'Emailing reminders');
    const earlier = await store.mail.listMail({ voteId, kind: 'reminder' });
    if (earlier.length > 0 && !again) {
      const last = earlier.reduce((a, m) => (m.createdAt > a ? m.createdAt : a), earlier[0]!.createdAt);
      return err('reminders_already_sent', last);
    }
    const waiting = new Set(earlier.filter((m) => m.status === 'queued' || m.status === 'sending').map((m) => m.memberNumber));
    const messages: NewMailMessage[] = [];
    let alreadyVoted = 0;
    for (const entry of eligible) {
      if (await store.rolls.hasParticipated(voteId, entry.memberNumber)) {
        alreadyVoted += 1;
        continue;
      }
      if (waiting.has(entry.memberNumber)) continue;
      const rendered = reminderMail(language(entry.memberNumber), {
        name: entry.name,
        voteTitle: manifest.title,
        closesAt: manifest.schedule.closesAt,
        boothLink: boothLink(voteId),
      });
      messages.push(message(key, 'reminder', voteId, entry, rendered));
    }
    await store.mail.enqueueMail(messages);
    return ok({ voteId, queued: messages.length, alreadyVoted });
  }

  async function replaceCredential(
    voteId: VoteId,
    request: { readonly memberNumber: string; readonly reason: string; readonly credentialHandle?: string | undefined },
    actor: string,
  ): Promise<Result<ResponseOf<'adminReplaceCredential'>, ApiErrorCode>> {
    const loaded = await load(voteId);
    if (!loaded.ok) return loaded;
    const { eligible } = loaded.value;
    const entry = eligible.find((e) => e.memberNumber === request.memberNumber);
    if (entry === undefined) return err('member_not_on_roll');
    if ((await store.ballots.listCredentials(voteId)).length === 0) return err('no_credentials');
    if (key === null) return err('secret_key_missing', 'Emailing a replacement credential');
    const authority = ownAuthority(loaded.value.manifest);
    if (!authority.ok) return authority;
    // The member's own credential, from the private link; a reference given (from an email sent
    // before decision 0018) must be that same credential: one member cannot cancel another's.
    const own = await activeCredentialOf(store, voteId, entry.memberNumber);
    const held = await store.ballots.heldCredentials(voteId, entry.memberNumber);
    let revoked: string;
    if (request.credentialHandle !== undefined) {
      const given = held.find((c) => c.credential === request.credentialHandle);
      if (given === undefined && held.length > 0) return err('credential_handle_unknown', 'that reference is not a credential issued to this member');
      if (given?.revoked === true) return err('credential_already_revoked');
      revoked = request.credentialHandle;
    } else {
      if (!own.ok) return err('credential_handle_unknown', 'no credential was recorded for this member: give the reference from their email');
      revoked = own.value.credential;
    }
    // The vote's status and the old credential are checked by the engine inside the transaction.
    const { handle, mail } = credentialMessage(key, loaded.value, entry, true);
    // One active credential per eligible member stays true: one revoked, one added, the board event
    // with the authority's signature and the audit entries (engine, one transaction), and the mail
    // queued in the same transaction. The audit entries name the credentials but not the member (the
    // member is named only in the delivery metadata), so no stored row joins a member to the
    // credential that signs their ballot.
    const done = await store.transaction<true, ApiErrorCode>(async (tx) => {
      const replaced = await replaceOnBoard(tx, engine.group, voteId, {
        revoked,
        added: handle,
        reason: request.reason,
        authorization: { key: authority.value.key },
        actor,
      });
      if (!replaced.ok) return err(replacementError(replaced.error), replaced.detail);
      const linked = await linkCredentialHolders(tx, voteId, [{ credential: handle, memberNumber: entry.memberNumber }]);
      if (!linked.ok) return err('duplicate_credential');
      await tx.mail.enqueueMail([mail]);
      return ok(true);
    });
    if (!done.ok) return done;
    return ok({ voteId, memberNumber: entry.memberNumber, revoked, queued: 1 });
  }

  /**
   * Relays a replacement the credential authority signed offline (`ratify credentials replace`):
   * the engine checks the signature against the manifest's authority key before anything is written,
   * then revokes, adds, appends the board event and the audit entries in one transaction. The server
   * neither makes nor learns the new private credential; the committee delivers it.
   */
  async function relayReplacement(
    voteId: VoteId,
    request: { readonly revoked: string; readonly added: string; readonly reason: string; readonly authoritySignature: { readonly challenge: string; readonly response: string } },
    actor: string,
  ): Promise<Result<ResponseOf<'adminRelayReplacement'>, ApiErrorCode>> {
    if ((await store.votes.getVote(voteId)) === null) return err('vote_not_found');
    if ((await store.ballots.listCredentials(voteId)).length === 0) return err('no_credentials');
    const replaced = await engine.replaceCredential(voteId, {
      revoked: request.revoked,
      added: request.added,
      reason: request.reason,
      authorization: { signature: request.authoritySignature },
      actor,
    });
    if (!replaced.ok) return err(replacementError(replaced.error), replaced.detail);
    return ok({ voteId, revoked: request.revoked, added: request.added });
  }

  async function announceResult(voteId: VoteId): Promise<Result<ResponseOf<'adminAnnounceResult'>, ApiErrorCode>> {
    const loaded = await load(voteId);
    if (!loaded.ok) return loaded;
    const { manifest, eligible, language } = loaded.value;
    const published = await deps.publicVotes.result(voteId);
    if (!published.ok) return published;
    if ((await store.mail.listMail({ voteId, kind: 'result' })).length > 0) return err('already_announced');
    if (key === null) return err('secret_key_missing', 'Emailing the result');
    const { result, boardHead } = published.value;
    const lines = result.questions.map((q) => {
      const question = manifest.questions.find((mq) => mq.id === q.questionId);
      const names = question?.kind === 'choose' ? question.options.map((o) => o.text) : ['yes', 'no'];
      const counts = [...q.counts.options.map((n, i) => `${names[i] ?? `option ${i + 1}`} ${n}`), `blank ${q.counts.blank}`].join(', ');
      return { question: question?.text ?? q.questionId, counts, outcome: q.evaluation.outcome.kind };
    });
    const messages = eligible.map((entry) =>
      message(key, 'result', voteId, entry, resultMail(language(entry.memberNumber), {
        name: entry.name,
        voteTitle: manifest.title,
        lines,
        followUps: (result.followUps ?? []).map((f) => f.text),
        resultLink: `${publicUrl}/votes/${encodeURIComponent(voteId)}/result`,
        boardHead,
      })),
    );
    await store.mail.enqueueMail(messages);
    return ok({ voteId, queued: messages.length });
  }

  async function mailStatus(voteId: VoteId): Promise<Result<ResponseOf<'adminMailStatus'>, ApiErrorCode>> {
    if ((await store.votes.getVote(voteId)) === null) return err('vote_not_found');
    const all = await store.mail.listMail({ voteId });
    const counts = new Map<string, { kind: string; status: string; count: number }>();
    for (const m of all) {
      const k = `${m.kind}\n${m.status}`;
      const c = counts.get(k) ?? { kind: m.kind, status: m.status, count: 0 };
      c.count += 1;
      counts.set(k, c);
    }
    const problems = all
      .filter((m) => m.status === 'failed' || m.status === 'bounced')
      .map((m) => ({ id: m.id, kind: m.kind, memberNumber: m.memberNumber, status: m.status, reason: m.lastError, attempts: m.attempts }));
    // The queue is shared by every vote and drained oldest first: this vote's last message goes out
    // once everything queued before it has, so the estimate counts every pending message up to it.
    const pending = all.filter((m) => m.status === 'queued' || m.status === 'sending');
    const lastPending = pending.reduce<string | null>((last, m) => (last === null || m.nextAttemptAt > last ? m.nextAttemptAt : last), null);
    const ahead = lastPending === null ? 0 : (await store.mail.listMail({ status: 'queued' })).filter((m) => m.nextAttemptAt <= lastPending).length
      + (await store.mail.listMail({ status: 'sending' })).length;
    const perMinute = deps.mailPerMinute ?? 60;
    const progress = {
      total: all.length,
      sent: all.filter((m) => m.status === 'sent').length,
      pending: pending.length,
      notDelivered: problems.length,
      perMinute,
      minutesLeft: pending.length === 0 ? 0 : Math.max(1, Math.ceil(Math.max(ahead, pending.length) / perMinute)),
    };
    return ok({ voteId, counts: [...counts.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.status.localeCompare(b.status)), problems, progress });
  }

  return { issueCredentials, sendReminders, replaceCredential, relayReplacement, announceResult, mailStatus };
}

/** The engine's replacement refusals as API codes. */
function replacementError(e: ReplaceCredentialError): ApiErrorCode {
  switch (e) {
    case 'already_revoked': return 'credential_already_revoked';
    case 'unknown_credential': return 'credential_handle_unknown';
    case 'invalid_credential': return 'malformed_credential';
    default: return e;
  }
}

export type NotificationService = ReturnType<typeof createNotificationService>;
