// The audit package: what a Benaloh audit reveals (docs/protocol.md §B2.4) — the selections and every
// encryption randomness r_i (32-byte little-endian scalars, hex), in the CLI's audit file format
// (`ratify-ballot-audit/v1`, read by `ratify ballot audit`), plus the ballot's canonical text under
// `ballot` so one copy-paste carries everything. Text form (`toWireAuditPackage`/`parseWireAuditPackage`)
// is JSON the voter can copy; the fragment form (`auditFragment`/`readAuditFragment`) carries it to
// /audit.html without it reaching a server. Pure. Must never be produced for a ballot that is then cast.
import { err, fromHex, ok, toHex, type Group, type Result, type Scalar } from '@ratify/crypto';
import type { BallotSecrets } from '@ratify/protocol';
import { z } from 'zod';

/** The CLI's audit file format (packages/cli ballot-files.ts), which this package extends with `ballot`. */
export const AUDIT_PACKAGE_FORMAT = 'ratify-ballot-audit/v1';
const WARNING = "This ballot's encryption is revealed: it must NOT be cast. Create a new ballot to vote.";
/** Bounds as the ballot codec's: 64 questions of at most 256 options. */
const MAX_QUESTIONS = 64;
const MAX_OPTIONS = 256;
const MAX_PACKAGE_CHARS = 600_000;

export type AuditPackage = { readonly voteId: string; readonly trackingCode: string; readonly ballotText: string; readonly secrets: BallotSecrets };
export type AuditPackageError = 'invalid_audit_package';

const wireSchema = z.strictObject({
  format: z.literal(AUDIT_PACKAGE_FORMAT),
  warning: z.string().max(500),
  vote: z.string().max(64),
  trackingCode: z.string().regex(/^[0-9a-f]{64}$/),
  ballot: z.string().min(2),
  selections: z.array(z.array(z.union([z.literal(0), z.literal(1)])).max(MAX_OPTIONS)).max(MAX_QUESTIONS),
  randomness: z.array(z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(MAX_OPTIONS)).max(MAX_QUESTIONS),
});

export function toWireAuditPackage(group: Group, pkg: AuditPackage): string {
  return JSON.stringify({
    format: AUDIT_PACKAGE_FORMAT,
    warning: WARNING,
    vote: pkg.voteId,
    trackingCode: pkg.trackingCode,
    ballot: pkg.ballotText,
    selections: pkg.secrets.selections,
    randomness: pkg.secrets.randomness.map((rs) => rs.map((r) => toHex(group.scalars.encode(r)))),
  });
}

export function parseWireAuditPackage(group: Group, text: string): Result<AuditPackage, AuditPackageError> {
  if (text.length > MAX_PACKAGE_CHARS) return err('invalid_audit_package', 'too large');
  let raw: unknown;
  try {
    raw = JSON.parse(text.trim());
  } catch {
    return err('invalid_audit_package', 'not JSON');
  }
  const parsed = wireSchema.safeParse(raw);
  if (!parsed.success) return err('invalid_audit_package', parsed.error.issues[0]?.message);
  const randomness: Scalar[][] = [];
  for (const rs of parsed.data.randomness) {
    const row: Scalar[] = [];
    for (const hex of rs) {
      const s = group.scalars.decode(fromHex(hex) ?? new Uint8Array());
      if (!s.ok) return err('invalid_audit_package', `randomness: ${s.error}`);
      row.push(s.value);
    }
    randomness.push(row);
  }
  const { vote, trackingCode, ballot, selections } = parsed.data;
  return ok({ voteId: vote, trackingCode, ballotText: ballot, secrets: { selections, randomness } });
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(data: string): string | undefined {
  try {
    const binary = atob(data.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** `#audit=<base64url of the package text>`: a fragment never reaches a server. */
export function auditFragment(packageText: string): string {
  return `#audit=${toBase64Url(packageText)}`;
}

/** The package text from a location hash, or undefined if there is none or it is malformed. */
export function readAuditFragment(hash: string): string | undefined {
  const m = /^#?audit=([A-Za-z0-9_-]+)$/.exec(hash);
  return m ? fromBase64Url(m[1]!) : undefined;
}
