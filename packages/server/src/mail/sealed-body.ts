// Message bodies at rest: AES-256-GCM under the server's secret key (RATIFY_SECRET_KEY), a fresh
// 96-bit nonce per message, the message id as associated data (a body moved to another row does not
// open). A queued credential email is therefore unreadable from the database alone. Must never log
// a body or the key.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/** The mail key: HKDF-SHA-256 of RATIFY_SECRET_KEY for this purpose only (the key also seals other secrets). */
export function mailKey(secretKey: Uint8Array): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', secretKey, new Uint8Array(0), 'ratify/mail-body/v1', 32));
}

export function sealBody(key: Uint8Array, messageId: string, body: string): string {
  if (key.length !== 32) throw new Error('the mail key must be 32 bytes');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`ratify/mail-body\n${messageId}`, 'utf8'));
  const sealed = Buffer.concat([cipher.update(body, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), sealed.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** The body, or null if it was sealed under another key, for another message, or tampered with. */
export function openBody(key: Uint8Array, messageId: string, sealed: string): string | null {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  try {
    const iv = Buffer.from(parts[1]!, 'base64url');
    const tag = Buffer.from(parts[3]!, 'base64url');
    // Full-length tags only: GCM would otherwise accept a truncated (weaker) tag.
    if (iv.length !== 12 || tag.length !== 16) return null;
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
    decipher.setAAD(Buffer.from(`ratify/mail-body\n${messageId}`, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(parts[2]!, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
