// An emailed link may carry the voter's credential in the URL fragment (`#credential=…`): a
// fragment is never sent to a server. The booth reads it once at start, keeps it in memory only, and
// removes it from the address bar and history. Never persisted (no storage, no cookie).
import { parsePrivateCredential } from '@ratify/protocol';

/** The credential text in a location hash, or undefined. Accepts the grouped form with hyphens. */
export function readCredentialFragment(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const value = params.get('credential')?.trim();
  return value ? value : undefined;
}

/** Whether a credential text is well formed (length, alphabet, checksum). */
export function isWellFormedCredential(text: string): boolean {
  return parsePrivateCredential(text).ok;
}

let captured: string | undefined;

/** Reads `#credential=` from the current address, keeps it in memory, and strips the fragment. */
export function captureCredentialFromLocation(loc: Location, hist: History): void {
  const value = readCredentialFragment(loc.hash);
  if (value === undefined) return;
  captured = value;
  hist.replaceState(hist.state, '', loc.pathname + loc.search);
}

/** The captured credential, for the life of the page (a reload loses it, by design). */
export function capturedCredential(): string | undefined {
  return captured;
}

/** Forgets the captured credential (on sign-out). */
export function clearCapturedCredential(): void {
  captured = undefined;
}
