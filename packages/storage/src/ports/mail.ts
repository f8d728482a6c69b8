// Port: outgoing mail: a queue with a delivery log. Bodies arrive sealed (encrypted) and are blanked
// once a message is final. Times are ISO 8601 text from the caller's clock.

export type MailStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'bounced';
export type MailEventKind = 'queued' | 'sent' | 'retry' | 'failed' | 'bounced' | 'requeued';

export interface NewMailMessage {
  readonly id: string;
  /** What the message is for (credential, reminder, result, ...): delivery metadata, kept after sending. */
  readonly kind: string;
  readonly voteId: string | null;
  readonly memberNumber: string | null;
  readonly recipient: string;
  readonly subject: string;
  /** The body as sealed by the caller (encrypted); the store never sees a body in clear. */
  readonly sealedBody: string;
  /** Not sent before this time (ISO 8601). */
  readonly notBefore: string;
}

export interface MailMessageRecord {
  readonly id: string;
  readonly kind: string;
  readonly voteId: string | null;
  readonly memberNumber: string | null;
  readonly recipient: string;
  readonly subject: string;
  /** null once the message was sent or given up: only the delivery metadata remains. */
  readonly sealedBody: string | null;
  readonly status: MailStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface MailEvent {
  readonly messageId: string;
  readonly seq: number;
  readonly kind: MailEventKind;
  readonly detail: string | null;
  readonly at: string;
}

/** How one delivery attempt ended; every outcome but `retry` is final and blanks the body. */
export type MailOutcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'retry'; readonly reason: string; readonly nextAttemptAt: string }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'bounced'; readonly reason: string };

export interface MailQuery {
  readonly voteId?: string;
  readonly kind?: string;
  readonly status?: MailStatus;
}

export interface MailStore {
  /** Queues messages (status queued, one `queued` event each), all or nothing; returns how many. */
  enqueueMail(messages: readonly NewMailMessage[]): Promise<number>;
  /**
   * Claims up to `limit` queued messages due at `now`, oldest first: each becomes `sending` with one
   * more attempt, so two drains never claim the same message.
   */
  claimDueMail(now: string, limit: number): Promise<readonly MailMessageRecord[]>;
  /** Records how a claimed message's attempt ended (a `sending` message only); false otherwise. */
  recordMailOutcome(id: string, outcome: MailOutcome, now: string): Promise<boolean>;
  /** Puts `sending` messages last touched before `before` back in the queue (after a crash). */
  requeueStaleMail(before: string, now: string): Promise<number>;
  getMailMessage(id: string): Promise<MailMessageRecord | null>;
  /** Messages matching every given field, oldest first. */
  listMail(query: MailQuery): Promise<readonly MailMessageRecord[]>;
  listMailEvents(messageId: string): Promise<readonly MailEvent[]>;
}
