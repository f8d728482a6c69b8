// Linked follow-up votes on the public pages (protocol §M7): on a vote's page, what WOULD follow
// each outcome (declared before the vote, sealed in its fingerprint) and the vote it follows from;
// on the result page, what the outcome triggered, the follow-up votes started from it, and — for an
// administrator — "Start the follow-up vote" (or the draft or vote already started, with its
// status). The pieces are exported for the staff vote console (admin/vote-console-follow-ups.tsx).
import type { ComponentChildren } from 'preact';
import { type ApiOutcome, api } from '../api.ts';
import { type StartedLinks, followUpChildPath, followUpStartPath, startedFollowUp } from '../admin/follow-up-form.ts';
import { staffCall } from '../staff/staff-api.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { useApi } from './use-api.ts';
import { conditionWords, declarationOf, declaredFor, outcomeName, startable, triggeredFor, type Declared, type Triggered, type VoteFollowUps } from './follow-up-words.ts';

type Question = { readonly id: string };
/** Where a link to another vote goes (the public pages by default; the staff console links consoles). */
type VoteHref = (voteId: string) => string;
function loadFollowUps(voteId: string): Promise<ApiOutcome<VoteFollowUps>> {
  return api.call('voteFollowUps', { params: { id: voteId } });
}

export function useFollowUps(voteId: string) {
  return useApi(() => loadFollowUps(voteId), [voteId]);
}

function QuestionLabel({ questions, questionId }: { readonly questions: readonly Question[]; readonly questionId: string }) {
  const { t } = useI18n();
  if (questions.length < 2) return null;
  const n = questions.findIndex((q) => q.id === questionId) + 1;
  return <span class="question-number">{t('followups.question_n', { n })} </span>;
}

function WhatItIs({ text, declaration, title }: { readonly text: string; readonly declaration: Declared | undefined; readonly title?: string | undefined }) {
  const { t, lang } = useI18n();
  const template = declaration?.template;
  return (
    <>
      <p>{text}</p>
      {template || title ? <p>{t('followups.new_vote', { title: template?.title ?? title ?? '' })}</p> : null}
      {template ? (
        <ul>
          {template.rules.map((r, i) => (
            <li key={i}>{t('followups.template_rule', { rule: lang === 'es' ? r.es : r.en })}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** "Follows from: <vote>: failed" — on the vote page, the result page and the vote console. */
export function FollowsFrom({ followUps, href = (id) => `/votes/${id}/result` }: { readonly followUps: VoteFollowUps; readonly href?: VoteHref }) {
  const { t } = useI18n();
  const from = followUps.followsFrom;
  if (from === null) return null;
  return (
    <p class="follows-from" id="follows-from">
      <strong>{t('followups.follows_from')}:</strong>{' '}
      <a href={href(from.voteId)}>{t('followups.follows_from_text', { title: from.title, outcome: outcomeName(from.outcome, t) })}</a>
    </p>
  );
}

/** "Follow-up vote: <title>" for each vote started from this one's result. */
export function FollowedBy({ followUps, questionId, href = (id) => `/votes/${id}` }: { readonly followUps: VoteFollowUps; readonly questionId?: string; readonly href?: VoteHref }) {
  const { t } = useI18n();
  return (
    <>
      {followUps.followedBy
        .filter((v) => questionId === undefined || v.questionId === questionId)
        .map((v) => (
          <p key={v.voteId} class="followed-by">
            <strong>{t('followups.followed_by')}:</strong> <a href={href(v.voteId)}>{v.title}</a>
          </p>
        ))}
    </>
  );
}

/**
 * Every declaration, question by question in manifest order: the condition, what follows, and the
 * template's title and rules. `details` adds what the page knows about one declaration (the console:
 * whether it was triggered); `showKind` names it a note or a new vote.
 */
export function DeclaredList({ followUps, questions, details, showKind = false }: {
  readonly followUps: VoteFollowUps;
  readonly questions: readonly Question[];
  readonly details?: (d: Declared) => ComponentChildren;
  readonly showKind?: boolean;
}) {
  const { t } = useI18n();
  return (
    <ul>
      {questions.flatMap((q) =>
        declaredFor(followUps, q.id).map((d) => (
          <li key={`${d.questionId}/${d.outcome}`} data-outcome={d.outcome}>
            <p>
              <QuestionLabel questions={questions} questionId={q.id} />
              <strong>{conditionWords(d.outcome, t)}</strong>
              {showKind ? <> <span class="badge">{t(d.kind === 'vote' ? 'followups.kind.vote' : 'followups.kind.note')}</span></> : null}
            </p>
            <WhatItIs text={d.text} declaration={d} />
            {details?.(d)}
          </li>
        )),
      )}
    </ul>
  );
}

/** The vote page: what would follow each outcome. */
export function WhatWouldFollow({ voteId, questions }: { readonly voteId: string; readonly questions: readonly Question[] }) {
  const { t } = useI18n();
  const f = useFollowUps(voteId);
  if (f.kind !== 'ready') return null;
  return (
    <>
      <FollowsFrom followUps={f.value} />
      <FollowedBy followUps={f.value} />
      {f.value.declared.length > 0 ? (
        <section aria-labelledby="would-follow-heading" class="card" id="would-follow">
          <h2 id="would-follow-heading">{t('followups.would_heading')}</h2>
          <p class="hint">{t('followups.would_intro')}</p>
          <DeclaredList followUps={f.value} questions={questions} />
        </section>
      ) : null}
    </>
  );
}

const NOT_ADMIN = { ok: false, status: 0, code: 'not_admin', message: '' } as const;

/** The follow-ups started from this vote, for an administrator (others get nothing; the server checks again). */
export function useStartedLinks(voteId: string, admin: boolean) {
  return useApi(async () => (admin ? staffCall('adminFollowUps', { params: { id: voteId } }) : NOT_ADMIN), [voteId, admin]);
}

/** Administrators, for a triggered vote follow-up: the start link, or the draft or vote already started and its status. */
export function AdminStart({ voteId, triggered, links }: { readonly voteId: string; readonly triggered: Triggered; readonly links: StartedLinks }) {
  const { t } = useI18n();
  const started = startedFollowUp(links, triggered.questionId);
  if (started === undefined)
    return (
      <p>
        <a class="button" id={`start-follow-up-${triggered.questionId}`} href={followUpStartPath(voteId, triggered.questionId)}>{t('followups.start')}</a>
      </p>
    );
  const vote = started.childStatus === 'vote';
  return (
    <>
      <p>
        {t(vote ? 'followups.started_vote' : 'followups.started_draft', { by: started.startedBy })}{' '}
        <a href={followUpChildPath(started)}>{t(vote ? 'followups.open_vote' : 'followups.open_draft', { id: started.childId })}</a>
      </p>
      <p class="hint">{t(vote ? 'followups.status.vote' : 'followups.status.draft')}</p>
    </>
  );
}

/** The result page: what the published outcome triggered. */
export function WhatFollows({ voteId, questions }: { readonly voteId: string; readonly questions: readonly Question[] }) {
  const { t } = useI18n();
  const f = useFollowUps(voteId);
  const triggered = f.kind === 'ready' ? questions.map((q) => triggeredFor(f.value, q.id)).filter((x): x is Triggered => x !== undefined) : [];
  const startableHere = triggered.some(startable);
  // Only where a vote follow-up was triggered: is this an administrator's session? (Others get 401
  // and see no action; the server checks again.)
  const me = useApi(async () => (startableHere ? staffCall('staffMe') : NOT_ADMIN), [startableHere]);
  const admin = me.kind === 'ready' && me.value.staff.role === 'administrator';
  const links = useStartedLinks(voteId, admin);
  if (f.kind !== 'ready') return null;
  if (f.value.declared.length === 0 && f.value.followsFrom === null) return null;
  return (
    <section aria-labelledby="what-follows-heading" class="card" id="what-follows">
      <h2 id="what-follows-heading">{t('followups.heading')}</h2>
      <FollowsFrom followUps={f.value} />
      {f.value.declared.length > 0 && triggered.length === 0 ? <p>{t('followups.none_triggered')}</p> : null}
      {triggered.map((tr) => (
        <div key={tr.questionId} class="follow-up" data-kind={tr.kind}>
          <p>
            <QuestionLabel questions={questions} questionId={tr.questionId} />
            <strong>{t('followups.triggered', { outcome: outcomeName(tr.outcome, t) })}</strong>
          </p>
          <WhatItIs text={tr.text} declaration={declarationOf(f.value, tr)} title={tr.title} />
          <FollowedBy followUps={f.value} questionId={tr.questionId} />
          {admin && startable(tr) && links.kind === 'ready' ? <AdminStart voteId={voteId} triggered={tr} links={links.value} /> : null}
        </div>
      ))}
    </section>
  );
}
