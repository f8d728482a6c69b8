// What buildApp is given (main.ts wires the real ones; tests pass their own): no module-level
// singletons anywhere in the server.
import type { Engine } from '@ratify/engine';
import type { AppConfig } from './config.ts';
import type { DevMailLog, Mailer } from './mail/mailer.ts';

export type AppDeps = {
  readonly engine: Engine;
  readonly mailer: Mailer;
  /** Shown at GET /api/dev/mail when config.devMail is on. */
  readonly devMailLog?: DevMailLog;
  readonly clock: () => Date;
  readonly config: AppConfig;
  /** The built web pages (packages/web/dist) to serve from this origin; absent: API only. */
  readonly pagesDir?: string;
  /** pino options or `false`; tests pass a stream to capture the output. */
  readonly logger?: LoggerOptions | false;
};

export type LoggerOptions = {
  readonly level?: string;
  readonly stream?: { write(line: string): void };
};
