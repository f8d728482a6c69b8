// The certified result report (docs/record-format.md §7): a PDF made from a record's board.jsonl
// alone, for the election committee to sign and post. The same board (and the same record address
// and language) gives the same bytes: the creation date is the vote's close, pdf-lib's resource names
// are seeded, and no clock, random id or locale data is read. Must not decide anything: it prints the
// result the record holds (the verifier re-derives it).
import { type Result, ok } from '@ratify/crypto';
import { type Language, type Manifest, describeChannels, describeRule, formatRational } from '@ratify/protocol';
import { chunk, formatCount, formatInstant, formatShare } from './format.ts';
import { FlowWriter, newDocument } from './pdf-writer.ts';
import type { PublishedResult } from './published-result.ts';
import { type RecordSummary, type RecordSummaryError, summarizeRecord } from './record-summary.ts';
import { REPORT_WORDS, type ReportWords } from './words.ts';

export type ResultReportOptions = {
  readonly lang: Language;
  /**
   * Where the record can be downloaded (printed and put in the QR code, followed by
   * `#sha256=<record digest>`). When absent the QR code carries `ratify-record:<vote id>#sha256=<digest>`.
   */
  readonly recordUrl?: string;
};

/** How many signature lines the committee gets. */
const SIGNATURE_LINES = 3;

/** The text the QR code carries: the record's address and its digest. */
export function recordLink(summary: Pick<RecordSummary, 'manifest' | 'recordDigest'>, recordUrl?: string): string {
  return `${recordUrl ?? `ratify-record:${summary.manifest.voteId}`}#sha256=${summary.recordDigest}`;
}

export async function buildResultReport(boardJsonl: string, options: ResultReportOptions): Promise<Result<Uint8Array, RecordSummaryError>> {
  const summary = summarizeRecord(boardJsonl);
  if (!summary.ok) return summary;
  return ok(await renderResultReport(summary.value, options));
}

function optionNames(manifest: Manifest, qi: number, w: ReportWords): string[] {
  const q = manifest.questions[qi]!;
  return q.kind === 'yes_no' ? [w.yes, w.no] : q.options.map((o) => o.text);
}

function outcomeText(manifest: Manifest, qi: number, result: PublishedResult, w: ReportWords): string[] {
  const outcome = result.questions[qi]!.evaluation.outcome;
  const names = optionNames(manifest, qi, w);
  const list = (indices: readonly number[]) => indices.map((i) => names[i] ?? `#${i + 1}`).join(', ');
  switch (outcome.kind) {
    case 'elected':
      return [w.outcomes.elected, `${w.elected}: ${list(outcome.winners)}`];
    case 'tie':
      return [w.outcomes.tie, ...(outcome.elected.length > 0 ? [`${w.elected}: ${list(outcome.elected)}`] : []), `${w.tied(outcome.openSeats)}: ${list(outcome.tied)}`];
    default:
      return [w.outcomes[outcome.kind]];
  }
}

export async function renderResultReport(summary: RecordSummary, options: ResultReportOptions): Promise<Uint8Array> {
  const { manifest, result } = summary;
  const lang = options.lang;
  const w = REPORT_WORDS[lang];
  const { doc, fonts } = await newDocument({
    title: `${w.title}: ${manifest.title}`,
    subject: `${manifest.unionName} · ${manifest.voteId} · ${summary.recordDigest}`,
    language: lang,
    createdAt: new Date(summary.closedAt),
  });
  const out = new FlowWriter(doc, fonts);

  out.paragraph(w.title.toUpperCase(), { size: 18, font: fonts.bold });
  out.gap(6);
  out.field(w.union, manifest.unionName);
  out.field(w.vote, manifest.title);
  out.field(w.voteId, manifest.voteId, { mono: true });
  const electionId = (manifest as { readonly electionId?: string }).electionId;
  if (typeof electionId === 'string') out.field(w.electionId, electionId, { mono: true });
  out.field(w.period, `${formatInstant(manifest.schedule.opensAt)} – ${formatInstant(manifest.schedule.closesAt)}`);
  out.field(w.recordDate, manifest.recordDate);
  out.field(w.closedAt, formatInstant(summary.closedAt));
  if (manifest.channels !== undefined) out.field(w.channels, describeChannels(manifest.channels, lang));
  out.rule();

  manifest.questions.forEach((q, qi) => {
    const r = result.questions[qi];
    if (r === undefined) return;
    out.heading(`${w.question(qi + 1)}`);
    out.paragraph(q.text, { size: 10 });
    out.gap(4);
    out.field(w.howDecided, describeRule(q.rule, lang, q));
    out.gap(4);
    const names = optionNames(manifest, qi, w);
    const cast = r.counts.options.reduce((a, b) => a + b, 0) + r.counts.blank;
    const rows = names.map((name, i) => [name, formatCount(r.counts.options[i] ?? 0, lang), formatShare(r.counts.options[i] ?? 0, cast, lang)]);
    if (q.max === 1 && (q.blankAllowed || r.counts.blank > 0)) rows.push([w.blank, formatCount(r.counts.blank, lang), formatShare(r.counts.blank, cast, lang)]);
    rows.push([w.total, formatCount(cast, lang), formatShare(cast, cast, lang)]);
    out.table([w.choice, w.votes, w.share], rows, { boldLast: true });
    for (const check of r.evaluation.checks) {
      const value = `${formatCount(check.value.numerator, lang)} / ${formatCount(check.value.denominator, lang)} = ${formatShare(check.value.numerator, check.value.denominator, lang)}`;
      out.field(w.checks[check.kind], `${value}; ${w.required(check.comparison, formatRational(check.required, lang))}: ${check.met ? w.met : w.notMet}`);
    }
    const [headline, ...details] = outcomeText(manifest, qi, result, w);
    out.gap(2);
    out.field(w.outcome, headline ?? '');
    for (const d of details) out.paragraph(d, { indent: 150 });
    for (const f of result.followUps ?? []) if (f.questionId === q.id) out.field(w.followsUp, f.title !== undefined ? `${f.title}: ${f.text}` : f.text);
  });

  out.heading(w.turnout);
  out.paragraph(w.turnoutLine(formatCount(result.turnout.voted, lang), formatCount(result.turnout.eligible, lang), formatShare(result.turnout.voted, result.turnout.eligible, lang)));

  out.heading(w.trustees);
  out.paragraph(w.trusteesLine(manifest.trustees.threshold, manifest.trustees.members.length));
  out.field(w.decryptedBy, result.decryptedBy.map((i) => `${manifest.trustees.members[i - 1]?.name ?? '?'} (#${i})`).join(', '));

  out.heading(w.recordHeading);
  out.field(w.fingerprint, chunk(summary.fingerprint, 64).join(' '), { mono: true });
  out.field(w.boardHead, summary.boardHead, { mono: true });
  out.field(w.events, formatCount(summary.events, lang));
  out.field(w.digest, summary.recordDigest, { mono: true });
  out.gap(6);
  const link = recordLink(summary, options.recordUrl);
  const [address, digest] = link.split('#');
  out.qr(link, 110, [`${w.recordAt}:`, address ?? '', `#${digest ?? ''}`]);
  out.paragraph(w.checkIt, { size: 8.5, grey: true });

  out.ensure(60 + 44 * SIGNATURE_LINES + 40);
  out.heading(w.certification);
  out.paragraph(w.certificationText, { size: 9.5 });
  out.signatureLines({ name: w.name, signature: w.signature, date: w.date }, SIGNATURE_LINES);

  out.footers((i, n) => `Ratify · ${w.title} · ${manifest.voteId} · ${summary.recordDigest.slice(0, 16)}… · ${w.page(i, n)}`);
  return doc.save({ useObjectStreams: false });
}

