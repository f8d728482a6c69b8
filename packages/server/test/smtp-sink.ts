// A real SMTP server in-process on 127.0.0.1 (smtp-server) that parses what it receives
// (mailparser): the mail delivery tests talk SMTP to it through nodemailer, never to any other
// network. Hooks let a test answer a recipient or a message with an SMTP error code.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { readonly to: string; readonly from: string; readonly subject: string; readonly text: string };
/** Return an SMTP reply code (4xx / 5xx) to refuse, or undefined to accept. */
export type SinkHook = (recipient: string) => number | undefined;

export type SmtpSink = {
  readonly url: string;
  readonly received: ReceivedMail[];
  /** Called for every RCPT TO; replace to refuse some recipients. */
  onRecipient: SinkHook;
  /** Called for every message after DATA, with its first recipient. */
  onMessage: SinkHook;
  /** How long the sink waits before answering DATA (a slow mail server); 0 by default. */
  delayMs: number;
  close(): Promise<void>;
};

const refusal = (code: number): Error => Object.assign(new Error(code >= 500 ? 'Refused permanently by the test sink' : 'Try again later (test sink)'), { responseCode: code });

export async function startSmtpSink(): Promise<SmtpSink> {
  const sink: SmtpSink = {
    url: '',
    received: [],
    onRecipient: () => undefined,
    onMessage: () => undefined,
    delayMs: 0,
    close: async () => undefined,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = sink.onRecipient(address.address);
      callback(code === undefined ? null : refusal(code));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = session.envelope.rcptTo[0]?.address ?? '';
          const code = sink.onMessage(to);
          if (code !== undefined) return callback(refusal(code));
          sink.received.push({ to, from: parsed.from?.text ?? '', subject: parsed.subject ?? '', text: (parsed.text ?? '').trimEnd() });
          if (sink.delayMs > 0) setTimeout(() => callback(null), sink.delayMs);
          else callback(null);
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(sink, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
