// A vote's public page: the question(s) and options, the rules in plain words, the official
// information, schedule, trustees, live turnout (counts only) and links to the board and result.
import { parseWireManifest } from '@ratify/protocol';
import { api, type ResponseOf } from '../api.ts';
import { Information } from '../booth/information.tsx';
import { formatInstant, formatPercent, type Lang } from '../i18n/i18n.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Loading, PageHeading } from '../ui/page.tsx';
import { StatusBadge } from './status-badge.tsx';
import { useApi } from './use-api.ts';
import { WhatWouldFollow } from './follow-ups.tsx';

type Detail = ResponseOf<'getVote'>;
const TURNOUT_POLL_MS = 15_000;

export function Turnout({ voteId }: { readonly voteId: string }) {
  const { t, lang } = useI18n();
  const turnout = useApi(() => api.turnout(voteId), [voteId], TURNOUT_POLL_MS);
  return (
    <section aria-labelledby="turnout-heading" class="card">
      <h2 id="turnout-heading">{t('turnout.heading')}</h2>
      <p role="status" aria-live="polite" id="turnout-text">
        {turnout.kind === 'ready'
          ? t('turnout.counts', {
              counted: turnout.value.ballotsCounted,
              eligible: turnout.value.eligible,
              percent: formatPercent(turnout.value.ballotsCounted, turnout.value.eligible, lang),
            })
          : turnout.kind === 'failed'
            ? describeFailure(t, turnout.failure)
            : t('common.loading')}
      </p>
      <p class="hint">{t('turnout.hint')}</p>
    </section>
  );
}

function Questions({ detail, lang }: { readonly detail: Detail; readonly lang: Lang }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="questions-heading">
      <h2 id="questions-heading">{detail.questions.length === 1 ? t('vote.question') : t('vote.questions')}</h2>
      {detail.questions.map((q, i) => (
        <div key={q.id} class="card">
          <h3>
            <span class="question-number">{t('ballot.question_n', { n: i + 1 })}</span> {q.text}
          </h3>
          {q.kind === 'choose' ? (
            <ul>
              {q.options.map((o) => (
                <li key={o.id}>{o.text}</li>
              ))}
            </ul>
          ) : null}
          <p>
            <strong>{t('vote.rule')}</strong> {lang === 'es' ? q.rule.es : q.rule.en}
          </p>
        </div>
      ))}
    </section>
  );
}

function VoteDetail({ detail }: { readonly detail: Detail }) {
  const { t, lang } = useI18n();
  const manifest = parseWireManifest(detail.manifest);
  return (
    <>
      <p class="subtitle">
        {detail.unionName} · <StatusBadge status={detail.status} />
      </p>
      <nav aria-label={t('vote.links_label')} class="page-links">
        {detail.status === 'open' ? <a class="button" href={`/booth/${detail.id}`}>{t('vote.go_vote')}</a> : null}
        <a href={`/votes/${detail.id}/board`}>{t('vote.board_link')}</a>
        <a href={`/votes/${detail.id}/endorsements`}>{t('campaign.pages.link')}</a>
        <a href={`/votes/${detail.id}/result`}>{t('vote.result_link')}</a>
      </nav>
      <Questions detail={detail} lang={lang} />
      {manifest.ok ? <Information manifest={manifest.value} /> : null}
      <WhatWouldFollow voteId={detail.id} questions={detail.questions} />
      {detail.status === 'open' || detail.status === 'closed' ? <Turnout voteId={detail.id} /> : null}
      <section aria-labelledby="schedule-heading" class="card">
        <h2 id="schedule-heading">{t('vote.schedule')}</h2>
        <dl>
          <dt>{t('vote.opens')}</dt>
          <dd>{formatInstant(detail.schedule.opensAt, lang)}</dd>
          <dt>{t('vote.closes')}</dt>
          <dd>{formatInstant(detail.schedule.closesAt, lang)}</dd>
          <dt>{t('vote.record_date')}</dt>
          <dd>{detail.recordDate}</dd>
          <dt>{t('vote.eligible')}</dt>
          <dd>{detail.eligibleCount.toLocaleString(lang)}</dd>
          <dt>{t('vote.revote')}</dt>
          <dd>{detail.revotePolicy === 'last_counts' ? t('vote.revote_last') : t('vote.revote_first')}</dd>
          <dt>{t('vote.channels')}</dt>
          <dd id="vote-channels">{lang === 'es' ? detail.channels.es : detail.channels.en}</dd>
        </dl>
      </section>
      <section aria-labelledby="trustees-heading" class="card">
        <h2 id="trustees-heading">{t('vote.trustees')}</h2>
        <p>{t('vote.trustees_rule', { k: detail.trustees.threshold, n: detail.trustees.members.length })}</p>
        <ul>
          {detail.trustees.members.map((m) => (
            <li key={m.id}>{m.name}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="fingerprint-heading" class="card">
        <h2 id="fingerprint-heading">{t('vote.fingerprint')}</h2>
        <p class="hint">{t('vote.fingerprint_hint')}</p>
        <p class="mono wrap">{detail.fingerprint}</p>
      </section>
    </>
  );
}

export function VotePage({ voteId }: { readonly voteId: string }) {
  const { t } = useI18n();
  const detail = useApi(() => api.getVote(voteId), [voteId]);
  const title = detail.kind === 'ready' ? detail.value.title : t('vote.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {detail.kind === 'loading' ? <Loading /> : null}
      {detail.kind === 'failed' ? <ErrorAlert message={describeFailure(t, detail.failure)} /> : null}
      {detail.kind === 'ready' ? <VoteDetail detail={detail.value} /> : null}
    </>
  );
}
