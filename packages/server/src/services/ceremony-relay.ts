// The trustees' key ceremony, relayed by the server (docs/protocol.md §T2): each trustee's browser
// makes its messages and posts their canonical JSON here; the server parses each strictly, accepts
// it only from the trustee slot the signed-in staff account holds, refuses duplicates and messages
// out of turn, and runs checkCeremony over everything received so a bad message (a commitment
// proof that fails, malformed shares, a bad confirmation) is refused at once, naming its trustee.
// The server never sees a secret: shares travel encrypted to their recipients.
import { type CeremonyMessage, type CeremonyStatus, type Result, checkCeremony, err, messageAuthor, ok, toHex } from '@ratify/crypto';
import { type Engine, definitionCeremonyContext } from '@ratify/engine';
import { encodeCeremonyMessage, parseWireCeremonyMessage } from '@ratify/protocol';
import type { ResponseOf } from '../api/routes.ts';
import type { ApiErrorCode } from '../http/errors.ts';
import { type DraftService, type ParsedDraft, parseStoredMessages } from './drafts.ts';

export function ceremonyParameters(parsed: ParsedDraft) {
  return { context: definitionCeremonyContext(parsed.definition), threshold: parsed.definition.trustees.threshold, trusteeCount: parsed.definition.trustees.members.length };
}

export function ceremonyStatusOf(engine: Engine, parsed: ParsedDraft, messages: readonly CeremonyMessage[]): CeremonyStatus {
  return checkCeremony(engine.group, ceremonyParameters(parsed), messages);
}

/** One message per kind and author (complaints and reveals: per counterpart too), as checkCeremony counts them. */
export function messageKey(m: CeremonyMessage): string {
  switch (m.kind) {
    case 'complaint':
      return `complaint/${m.accuser}/${m.accused}`;
    case 'share_reveal':
      return `share_reveal/${m.sender}/${m.recipient}`;
    default:
      return `${m.kind}/${messageAuthor(m)}`;
  }
}

/** May `m` be posted while the ceremony is in `status`? (Each step needs every message of the one before.) */
function inTurn(m: CeremonyMessage, status: CeremonyStatus, messages: readonly CeremonyMessage[]): string | undefined {
  const afterShares = status.kind === 'awaiting_reveals' || status.kind === 'awaiting_confirmations';
  switch (m.kind) {
    case 'commitments':
      return status.kind === 'awaiting_commitments' ? undefined : 'the commitments round is over';
    case 'encrypted_shares':
      return status.kind === 'awaiting_shares' ? undefined : 'shares are sent once every trustee has published commitments';
    case 'complaint':
      return afterShares ? undefined : 'complaints are made once every trustee has sent shares';
    case 'share_reveal':
      return afterShares && messages.some((x) => x.kind === 'complaint' && x.accuser === m.recipient && x.accused === m.sender)
        ? undefined
        : `no complaint from trustee ${m.recipient} against trustee ${m.sender}`;
    case 'key_confirmation':
      return status.kind === 'awaiting_confirmations' ? undefined : 'key confirmations come once every share is in and every complaint answered';
  }
}

export function createCeremonyRelay(engine: Engine, drafts: DraftService) {
  const store = engine.store;

  async function loadWithMessages(draftId: string) {
    const parsed = await drafts.load(draftId);
    if (!parsed.ok) return parsed;
    const stored = await store.drafts.listCeremonyMessages(draftId);
    const messages = parseStoredMessages(engine, stored);
    if (!messages.ok) return messages;
    return ok({ parsed: parsed.value, stored, messages: messages.value });
  }

  /** The slot (1-based) a staff account holds in a draft's ceremony. */
  function slotOf(parsed: ParsedDraft, username: string): Result<number, ApiErrorCode> {
    const index = parsed.accounts.indexOf(username.toLowerCase());
    return index < 0 ? err('not_a_trustee', `${username} holds no trustee slot of ${parsed.draft.id}`) : ok(index + 1);
  }

  /** The ceremony's parameters and who has done which step. `username` null: an administrator's view. */
  async function status(draftId: string, username: string | null): Promise<Result<ResponseOf<'trusteeCeremony'>, ApiErrorCode>> {
    const loaded = await loadWithMessages(draftId);
    if (!loaded.ok) return loaded;
    const { parsed, stored, messages } = loaded.value;
    let you: number | null = null;
    if (username !== null) {
      const slot = slotOf(parsed, username);
      if (!slot.ok) return slot;
      you = slot.value;
    }
    const p = ceremonyParameters(parsed);
    const verdict = checkCeremony(engine.group, p, messages);
    const has = (kind: CeremonyMessage['kind'], i: number) => messages.some((m) => m.kind === kind && messageAuthor(m) === i);
    return ok({
      draftId,
      context: toHex(p.context),
      threshold: p.threshold,
      trusteeCount: p.trusteeCount,
      status: verdict.kind,
      problems: verdict.kind === 'failed' ? verdict.problems.map((x) => ({ trustee: x.trustee, code: x.error, message: x.detail ?? x.error })) : [],
      trustees: parsed.definition.trustees.members.map((t, i) => ({
        index: i + 1,
        id: t.id,
        name: t.name,
        account: parsed.accounts[i] ?? null,
        commitments: has('commitments', i + 1),
        shares: has('encrypted_shares', i + 1),
        confirmation: has('key_confirmation', i + 1),
        complaints: messages.flatMap((m) => (m.kind === 'complaint' && m.accuser === i + 1 ? [m.accused] : [])),
        reveals: messages.flatMap((m) => (m.kind === 'share_reveal' && m.sender === i + 1 ? [m.recipient] : [])),
      })),
      you,
      messages: stored.length,
      voteCreated: parsed.draft.status === 'created',
    });
  }

  async function list(draftId: string, username: string | null): Promise<Result<ResponseOf<'trusteeCeremonyMessages'>, ApiErrorCode>> {
    const loaded = await loadWithMessages(draftId);
    if (!loaded.ok) return loaded;
    if (username !== null) {
      const slot = slotOf(loaded.value.parsed, username);
      if (!slot.ok) return slot;
    }
    return ok({ draftId, messages: loaded.value.stored.map((s) => ({ seq: s.seq, kind: s.kind, trustee: s.author, message: s.message })) });
  }

  async function post(draftId: string, username: string, text: string): Promise<Result<ResponseOf<'trusteePostCeremonyMessage'>, ApiErrorCode>> {
    const loaded = await loadWithMessages(draftId);
    if (!loaded.ok) return loaded;
    const { parsed, messages } = loaded.value;
    const slot = slotOf(parsed, username);
    if (!slot.ok) return slot;
    if (parsed.draft.status !== 'ceremony') return err('draft_already_created', 'the ceremony is over');
    const message = parseWireCeremonyMessage(engine.group, text);
    if (!message.ok) return message;
    const m = message.value;
    const author = messageAuthor(m);
    if (author !== slot.value) return err('wrong_author', `the message is from trustee ${author}; ${username} is trustee ${slot.value}`);
    const key = messageKey(m);
    if (messages.some((x) => messageKey(x) === key)) return err('duplicate_message', `trustee ${author} already sent ${key}`);
    const before = ceremonyStatusOf(engine, parsed, messages);
    if (before.kind === 'failed') return err('ceremony_failed', 'the ceremony has failed; start again with a new draft');
    const outOfTurn = inTurn(m, before, messages);
    if (outOfTurn !== undefined) return err('ceremony_out_of_order', `trustee ${author}: ${outOfTurn}`);
    const after = ceremonyStatusOf(engine, parsed, [...messages, m]);
    if (after.kind === 'failed') {
      const why = after.problems.map((x) => `trustee ${x.trustee}: ${x.error}${x.detail ? ` (${x.detail})` : ''}`).join('; ');
      return err('ceremony_message_rejected', why);
    }
    const stored = await store.drafts.addCeremonyMessage(draftId, { key, kind: m.kind, author, message: encodeCeremonyMessage(engine.group, m) });
    if (!stored.ok) return stored;
    return ok({ draftId, seq: stored.value.seq, kind: m.kind, trustee: author, status: after.kind });
  }

  /** Drafts whose ceremony this staff account takes part in. */
  async function mine(username: string): Promise<Result<ResponseOf<'trusteeDrafts'>, ApiErrorCode>> {
    const out: ResponseOf<'trusteeDrafts'>['drafts'] = [];
    for (const d of await store.drafts.listDrafts()) {
      const parsed = await drafts.load(d.id);
      if (!parsed.ok) return parsed;
      const slot = slotOf(parsed.value, username);
      if (!slot.ok) continue;
      out.push({ draftId: d.id, title: parsed.value.definition.title, status: d.status, you: slot.value });
    }
    return ok({ drafts: out });
  }

  return { status, list, post, mine, slotOf };
}

export type CeremonyRelay = ReturnType<typeof createCeremonyRelay>;
