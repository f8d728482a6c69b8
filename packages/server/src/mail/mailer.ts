// The Mailer port and its development implementation. Until the notifications issue lands, mail
// goes to DevMailLog: kept in memory (bounded) and shown at GET /api/dev/mail only when
// RATIFY_DEV_MAIL=1. Must not log message bodies (they hold one-time codes).
export type MailMessage = { readonly to: string; readonly subject: string; readonly text: string };
export type SentMail = MailMessage & { readonly sentAt: string };

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export class DevMailLog implements Mailer {
  readonly #messages: SentMail[] = [];
  readonly #clock: () => Date;
  readonly #capacity: number;

  constructor(clock: () => Date = () => new Date(), capacity = 1000) {
    this.#clock = clock;
    this.#capacity = capacity;
  }

  async send(message: MailMessage): Promise<void> {
    this.#messages.push({ ...message, sentAt: this.#clock().toISOString() });
    if (this.#messages.length > this.#capacity) this.#messages.shift();
  }

  /** Newest last. */
  messages(): readonly SentMail[] {
    return [...this.#messages];
  }
}
