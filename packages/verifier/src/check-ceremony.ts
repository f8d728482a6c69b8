// Checks `ceremony` (§5.6, threshold.md §T2–T6) and `credentials` (§5.7). The ceremony messages are
// parsed strictly (protocol parseWireCeremonyMessage) and judged by crypto `checkCeremony` under
// the context the manifest implies (protocol manifestCeremonyContext); the manifest's commitments
// and joint key must be the ceremony's. Credentials: 32-byte hex, valid non-identity group
// elements, strictly ascending, signed (list and replacements) by the manifest's credential
// authority. Must not re-implement the ceremony's rules.
import { checkCeremony, fromHex, type Group, toHex } from '@ratify/crypto';
import { type CeremonyMessage, manifestCeremonyContext, parseWireCeremonyMessage, toCanonical, verifyCredentialList, verifyCredentialReplacement } from '@ratify/protocol';
import type { ManifestContext } from './check-manifest.ts';
import type { FindingCollector } from './collector.ts';
import { isHex } from './json.ts';
import type { BoardModel } from './model.ts';

export function checkCeremonyEvent(group: Group, model: BoardModel, ctx: ManifestContext | undefined, findings: FindingCollector): void {
  const trustees = model.trustees;
  if (trustees === undefined) {
    findings.add('ceremony', 'missing_ceremony', { file: 'board.jsonl' }, 'no usable trustees_published event');
    return;
  }
  const where = { file: 'board.jsonl', line: trustees.line, seq: trustees.seq };
  const messages: CeremonyMessage[] = [];
  trustees.messages.forEach((value, i) => {
    const parsed = parseWireCeremonyMessage(group, toCanonical(value));
    if (parsed.ok) messages.push(parsed.value);
    else findings.add('ceremony', parsed.error, { ...where, path: `$.messages[${i}]` }, `message ${i}: ${parsed.detail ?? parsed.error}`);
  });
  if (ctx === undefined) {
    findings.skip('ceremony', 'the manifest is unusable: no trustees or threshold to check against');
    return;
  }
  const { manifest } = ctx;
  const n = manifest.trustees.members.length;
  const k = manifest.trustees.threshold;
  if (k > n) return; // the manifest check reports threshold_exceeds_trustees
  const status = checkCeremony(group, { context: manifestCeremonyContext(manifest), threshold: k, trusteeCount: n }, messages);
  switch (status.kind) {
    case 'failed':
      for (const p of status.problems) findings.add('ceremony', p.error, { ...where, trustee: p.trustee }, p.detail ?? p.error);
      return;
    case 'awaiting_commitments':
    case 'awaiting_shares':
    case 'awaiting_confirmations':
      findings.add('ceremony', 'ceremony_incomplete', where, `${status.kind}: trustees ${status.missing.join(', ')}`);
      return;
    case 'awaiting_reveals':
      findings.add('ceremony', 'ceremony_incomplete', where, `unanswered complaints: ${status.pending.map((p) => `${p.accuser}→${p.accused}`).join(', ')}`);
      return;
    case 'complete':
      break;
  }
  status.commitments.forEach((c, i) => {
    const member = manifest.trustees.members[i];
    c.coefficients.forEach((coefficient, j) => {
      if (member?.commitments[j] !== toHex(group.encodeElement(coefficient.commitment)))
        findings.add('ceremony', 'commitment_mismatch', { file: 'manifest.json', trustee: i + 1, path: `$.trustees.members[${i}].commitments[${j}]` }, `trustee ${i + 1} (${member?.id ?? '?'}): commitment ${j} is not the ceremony's`);
    });
  });
  if (manifest.jointPublicKey !== toHex(group.encodeElement(status.jointPublicKey)))
    findings.add('ceremony', 'joint_key_mismatch', { file: 'manifest.json', path: '$.jointPublicKey' }, "the manifest's joint key is not the ceremony's");
}

/**
 * Returns the set of well-formed credentials (hex) for the ballot checks. With the manifest: one
 * credential per eligible member, no more (Belenios' check: a longer list would let whoever
 * published it hold credentials for ballots of their own), and the credential authority's signature
 * on the list and on every replacement (protocol §B1.1): without it, whoever runs the board could
 * swap an abstainer's credential for one of its own, or silently drop a member's ballot.
 */
export function checkCredentialsEvent(
  group: Group,
  model: BoardModel,
  findings: FindingCollector,
  ctx?: ManifestContext,
): ReadonlySet<string> | undefined {
  const eligibleCount = ctx?.manifest.eligibleCount;
  const credentials = model.credentials;
  if (credentials === undefined) {
    findings.add('credentials', 'missing_credentials', { file: 'board.jsonl' }, 'no usable credentials_published event');
    return undefined;
  }
  const where = { file: 'board.jsonl', line: credentials.line, seq: credentials.seq };
  const valid = new Set<string>();
  const seen = new Set<string>();
  let previous: string | undefined;
  credentials.list.forEach((c, i) => {
    const at = { ...where, path: `$.credentials[${i}]` };
    if (!isHex(c, 32)) {
      findings.add('credentials', 'malformed_credential', at, `credential ${i} is not 64 lowercase hex characters`);
      return;
    }
    const point = group.decodeElement(fromHex(c)!);
    if (!point.ok) findings.add('credentials', 'invalid_group_element', at, `credential ${i}: ${point.error}`);
    if (seen.has(c)) findings.add('credentials', 'duplicate_credential', at, `credential ${i} is listed twice`);
    else if (previous !== undefined && c < previous) findings.add('credentials', 'credentials_unsorted', at, `credential ${i} sorts before credential ${i - 1}`);
    previous = c;
    seen.add(c);
    if (point.ok) valid.add(c);
  });
  if (eligibleCount !== undefined && credentials.list.length !== eligibleCount)
    findings.add('credentials', 'credential_count_mismatch', where, `${credentials.list.length} credentials for ${eligibleCount} eligible members`);
  const authority = ctx?.manifest.credentialAuthority;
  if (ctx !== undefined && authority !== undefined) {
    if (credentials.list.every((c) => isHex(c, 32))) {
      const signed = verifyCredentialList(group, authority.publicKey, ctx.fingerprint, credentials.list as string[], credentials.authoritySignature);
      if (!signed.ok)
        findings.add('credentials', signed.error, { ...where, path: '$.authoritySignature' }, `the credential list is not signed by the credential authority (${authority.mode}): ${signed.detail ?? signed.error}`);
    }
    for (const r of model.replacements) {
      const signed = verifyCredentialReplacement(group, authority.publicKey, ctx.fingerprint, r.revoked, r.added, r.authoritySignature);
      if (!signed.ok)
        findings.add(
          'credentials',
          signed.error,
          { file: 'board.jsonl', line: r.line, seq: r.seq, path: '$.authoritySignature' },
          `seq ${r.seq}: the replacement of ${r.revoked} by ${r.added} is not signed by the credential authority (${authority.mode}): ${signed.detail ?? signed.error}`,
        );
    }
  } else findings.skip('credentials', 'the manifest is unusable: no credential authority to check the signatures against');
  // Replacements keep one active credential per eligible member: the revoked one must be active,
  // the added one new and a group element. Ballots check against the credential set in force at
  // their place on the board (credentialsInForce).
  const active = new Set(valid);
  for (const r of model.replacements) {
    const at = { file: 'board.jsonl', line: r.line, seq: r.seq };
    if (!active.has(r.revoked)) findings.add('credentials', 'revoked_not_active', at, `seq ${r.seq}: the revoked credential is not an active one`);
    if (seen.has(r.added)) findings.add('credentials', 'duplicate_credential', at, `seq ${r.seq}: the added credential was already listed`);
    else if (!group.decodeElement(fromHex(r.added)!).ok) findings.add('credentials', 'invalid_group_element', at, `seq ${r.seq}: the added credential`);
    active.delete(r.revoked);
    seen.add(r.added);
    valid.add(r.added);
  }
  return valid;
}
