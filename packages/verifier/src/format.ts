// Renders a VerificationReport for people (`formatReport`: one line per check, then its findings
// with their locations) and for machines (`reportToJson`: the report as indented JSON, keys in the
// order they were built). Must not change or re-judge the report.
import type { Finding, FindingLocation, VerificationReport } from './types.ts';

function formatLocation(l: FindingLocation): string {
  const parts: string[] = [];
  if (l.file !== undefined) parts.push(l.line !== undefined ? `${l.file}:${l.line}` : l.file);
  if (l.seq !== undefined) parts.push(`seq ${l.seq}`);
  if (l.question !== undefined) parts.push(`question ${l.question}`);
  if (l.option !== undefined) parts.push(`option ${l.option}`);
  if (l.trustee !== undefined) parts.push(`trustee ${l.trustee}`);
  if (l.path !== undefined) parts.push(l.path);
  return parts.join(', ');
}

const formatFinding = (f: Finding): string => `      ${f.code} [${formatLocation(f.location)}] ${f.detail}`;

export function formatReport(report: VerificationReport): string {
  const out: string[] = [];
  out.push(`Ratify record verification (${report.format}): ${report.ok ? 'VALID' : 'INVALID'}`);
  if (report.voteId !== undefined) out.push(`  vote         ${report.voteId}`);
  if (report.fingerprint !== undefined) out.push(`  fingerprint  ${report.fingerprint}`);
  if (report.boardHead !== undefined) out.push(`  board head   ${report.boardHead} (${report.events} events)`);
  const ca = report.credentialAuthority;
  if (ca !== undefined) {
    out.push(`  credentials  authority ${ca.mode === 'offline' ? 'offline (held by the election committee)' : 'server (the server generated the credentials)'}, key ${ca.publicKey}`);
    if (ca.warning !== undefined) out.push(`  WARNING      ${ca.warning}`);
  }
  out.push(`  replacements ${report.replacements.length}${report.replacements.length === 0 ? ' (no credential was replaced)' : ''}`);
  for (const r of report.replacements) {
    const dropped = r.droppedBallot ? `DROPPED the ballot ${r.droppedBallot.trackingCode} cast at seq ${r.droppedBallot.seq}` : 'no ballot had been cast with it';
    out.push(`    seq ${r.seq}: ${r.revoked} → ${r.added}; authority signature ${r.signatureValid ? 'valid' : 'INVALID'}; ${dropped}`);
  }
  const b = report.ballots;
  out.push(`  ballots      ${b.accepted} accepted, ${b.checked} checked, ${b.valid} valid, ${b.counted} counted, ${b.superseded} superseded`);
  if (report.receipts !== undefined) out.push(`  receipts     ${report.receipts.found} of ${report.receipts.checked} found on the board as they say`);
  for (const o of report.outcomes) {
    const counts = o.counts ? ` counts [${o.counts.options.join(', ')}] blank ${o.counts.blank}` : '';
    out.push(`  question ${o.questionId}: ${o.recomputed ?? 'not recomputed'} (record says ${o.published ?? 'nothing readable'})${counts}`);
    if (o.followUp) out.push(`    what follows (${o.followUp.kind}${o.followUp.title !== undefined ? `: ${o.followUp.title}` : ''}): ${o.followUp.text}`);
  }
  const x = report.crossCheck;
  if (x !== undefined)
    out.push(
      `  cross-check  ${x.seqs.length} ballot(s) drawn at random re-verified with the ${x.backend} backend (main run: ${x.primaryBackend}): ${x.disagreements === 0 ? 'the backends agree' : `${x.disagreements} disagreement(s)`}`,
    );
  out.push('');
  for (const c of report.checks) {
    const mark = c.status === 'passed' ? 'ok  ' : c.status === 'failed' ? 'FAIL' : 'skip';
    out.push(`  ${mark} ${c.name}${c.skippedBecause !== undefined ? ` — ${c.skippedBecause}` : ''}`);
    for (const f of c.findings) out.push(formatFinding(f));
    if (c.omittedFindings > 0) out.push(`      … and ${c.omittedFindings} more`);
  }
  out.push('', `  verified in ${(report.durationMs / 1000).toFixed(2)} s`);
  return out.join('\n');
}

export function reportToJson(report: VerificationReport): string {
  return JSON.stringify(report, null, 2);
}
