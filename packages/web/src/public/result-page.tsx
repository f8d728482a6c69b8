// The result page: per question the outcome in words, the counts (table and accessible bar chart
// with the threshold line), the checks of the rule, turnout, the board head, and the election
// record as a download with the instructions to verify it independently.
import { api, type ResponseOf } from '../api.ts';
import { formatPercent } from '../i18n/i18n.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Loading, PageHeading } from '../ui/page.tsx';
import { BarChart, type Bar } from './bar-chart.tsx';
import { checkWords, outcomeWords, questionRows } from './result-words.ts';
import { RecordDownload } from './record-download.tsx';
import { Turnout } from './vote-page.tsx';
import { useApi } from './use-api.ts';
import { WhatFollows } from './follow-ups.tsx';

type Detail = ResponseOf<'getVote'>;
type Published = ResponseOf<'result'>;

function QuestionResult({ detail, published, index }: { readonly detail: Detail; readonly published: Published; readonly index: number }) {
  const { t, lang } = useI18n();
  const q = detail.questions[index]!;
  const r = published.result.questions.find((x) => x.questionId === q.id);
  if (r === undefined) return null;
  const { rows, threshold } = questionRows(q, r, published.result.turnout.voted, t, lang);
  const bars: Bar[] = rows.filter((row) => row.share !== undefined).map((row) => ({ label: row.label, valueText: `${row.count.toLocaleString(lang)} (${formatPercent(row.share!.numerator, row.share!.denominator, lang)})`, share: row.share!.denominator === 0 ? 0 : row.share!.numerator / row.share!.denominator }));
  const chartId = `chart-${index}`;
  const description = bars.map((b) => `${b.label}: ${b.valueText}`).join('; ') + (threshold ? `. ${threshold.label}` : '');
  return (
    <section aria-labelledby={`result-q-${index}`} class="card">
      <h2 id={`result-q-${index}`}>
        <span class="question-number">{t('ballot.question_n', { n: index + 1 })}</span> {q.text}
      </h2>
      <p class="outcome" data-outcome={r.evaluation.outcome.kind}>
        <strong>{outcomeWords(q, r.evaluation.outcome, t)}</strong>
      </p>
      <p>
        <strong>{t('vote.rule')}</strong> {lang === 'es' ? q.rule.es : q.rule.en}
      </p>
      <table>
        <caption>{t('result.counts_caption', { n: index + 1 })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('result.col_option')}</th>
            <th scope="col">{t('result.col_votes')}</th>
            <th scope="col">{t('result.col_share')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.count.toLocaleString(lang)}</td>
              <td>{row.share ? formatPercent(row.share.numerator, row.share.denominator, lang) : t('result.not_counted')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <BarChart id={chartId} title={t('result.chart_title', { n: index + 1 })} description={description} bars={bars} threshold={threshold} />
      {r.evaluation.checks.length > 0 ? (
        <>
          <h3>{t('result.checks')}</h3>
          <ul>
            {r.evaluation.checks.map((c, i) => (
              <li key={i}>{checkWords(c, t, lang)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function ResultPage({ voteId }: { readonly voteId: string }) {
  const { t, lang } = useI18n();
  const detail = useApi(() => api.getVote(voteId), [voteId]);
  const result = useApi(() => api.result(voteId), [voteId]);
  const title = detail.kind === 'ready' ? t('result.title_of', { title: detail.value.title }) : t('result.title');
  const notYet = result.kind === 'failed' && result.failure.code === 'result_not_published';
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p>
        <a href={`/votes/${voteId}`}>{t('board.back_to_vote')}</a>
      </p>
      {detail.kind === 'loading' || result.kind === 'loading' ? <Loading /> : null}
      {detail.kind === 'failed' ? <ErrorAlert message={describeFailure(t, detail.failure)} /> : null}
      {notYet ? (
        <>
          <p role="status">{t('result.not_yet')}</p>
          <Turnout voteId={voteId} />
        </>
      ) : result.kind === 'failed' ? (
        <ErrorAlert message={describeFailure(t, result.failure)} />
      ) : null}
      {detail.kind === 'ready' && result.kind === 'ready' ? (
        <>
          <p id="result-turnout">
            {t('result.turnout', {
              voted: result.value.result.turnout.voted,
              eligible: result.value.result.turnout.eligible,
              percent: formatPercent(result.value.result.turnout.voted, result.value.result.turnout.eligible, lang),
            })}
          </p>
          {detail.value.questions.map((q, i) => (
            <QuestionResult key={q.id} detail={detail.value} published={result.value} index={i} />
          ))}
          <WhatFollows voteId={voteId} questions={detail.value.questions} />
          <section aria-labelledby="integrity-heading" class="card">
            <h2 id="integrity-heading">{t('result.integrity')}</h2>
            <p>{t('result.head')}</p>
            <p class="mono wrap" id="result-head">{result.value.boardHead}</p>
            <p>{t('vote.fingerprint')}</p>
            <p class="mono wrap">{detail.value.fingerprint}</p>
          </section>
          <section aria-labelledby="report-heading" class="card">
            <h2 id="report-heading">{t('result.report_heading')}</h2>
            <p>{t('result.report_intro')}</p>
            <a id="result-report-link" href={`/api/votes/${voteId}/report.pdf?lang=${lang}`} download>{t('result.report_link')}</a>
          </section>
          <RecordDownload voteId={voteId} />
        </>
      ) : null}
    </>
  );
}
