// Reading a staff password for `ratify admin …`: from --password-file (first line) or from stdin,
// never from an argument (it would land in shell history and `ps`). Also reads RATIFY_SECRET_KEY.
import { parseSecretKey } from '@ratify/engine';
import { readText, usage } from './io.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

export async function readPassword(passwordFile: string | undefined): Promise<string> {
  const text = passwordFile !== undefined ? await readText(passwordFile) : await readStdin();
  const password = text.split(/\r?\n/)[0] ?? '';
  if (password === '') return usage('no_password', 'give the password on stdin or with --password-file <file>');
  return password;
}

export function secretKeyFromEnv(): Uint8Array | null {
  const text = process.env['RATIFY_SECRET_KEY'];
  if (text === undefined || text === '') return null;
  const parsed = parseSecretKey(text);
  return parsed.ok ? parsed.value : usage('invalid_secret_key', 'RATIFY_SECRET_KEY must be 32 bytes as 64 hex digits or base64');
}
