// The vote console's follow-ups (protocol §M7), for administrators and observers: the vote this one
// follows from, then every declaration per question and outcome (a note or a new vote with its
// template's title and rules) and, once the result is published, which one it triggered. For a
// triggered vote follow-up, administrators get the start link (the page the result page links) or,
// once started, the draft or vote with its status; observers read the follow-up votes created.
// Only composes the public pages' pieces (public/follow-ups.tsx) — no logic of its own to drift.
import { api } from '../api.ts';
import { declarationState, outcomeName, startable, type Declared, type VoteFollowUps } from '../public/follow-up-words.ts';
import { AdminStart, DeclaredList, FollowedBy, FollowsFrom, useFollowUps, useStartedLinks } from '../public/follow-ups.tsx';
import { useApi } from '../public/use-api.ts';
import { useI18n } from '../ui/i18n-context.ts';
import type { StartedLinks } from './follow-up-form.ts';

const consolePath = (voteId: string) => `/admin/votes/${voteId}`;

function Outcome({ voteId, followUps, declared, links }: { readonly voteId: string; readonly followUps: VoteFollowUps; readonly declared: Declared; readonly links: StartedLinks | null }) {
  const { t } = useI18n();
  const state = declarationState(followUps, declared);
  if (state.kind === 'pending') return null;
  if (state.kind === 'not_triggered') return <p class="hint">{t('followups.console.not_triggered')}</p>;
  const tr = state.triggered;
  return (
    <div class="follow-up" data-kind={tr.kind} id={`triggered-${tr.questionId}`}>
      <p><strong>{t('followups.console.triggered', { outcome: outcomeName(tr.outcome, t) })}</strong></p>
      {/* Administrators see every start (drafts too) with its status; observers the votes created. */}
      {!startable(tr) ? null : links !== null ? <AdminStart voteId={voteId} triggered={tr} links={links} /> : <FollowedBy followUps={followUps} questionId={tr.questionId} href={consolePath} />}
    </div>
  );
}

export function ConsoleFollowUps({ voteId, admin }: { readonly voteId: string; readonly admin: boolean }) {
  const { t } = useI18n();
  const f = useFollowUps(voteId);
  const detail = useApi(() => api.getVote(voteId), [voteId]);
  const links = useStartedLinks(voteId, admin);
  if (f.kind !== 'ready' || detail.kind !== 'ready') return null;
  const { declared, triggered, followsFrom } = f.value;
  if (declared.length === 0 && followsFrom === null) return null;
  // An administrator's actions wait for the links (so a started follow-up is never offered again).
  if (admin && links.kind === 'loading') return null;
  const adminLinks = admin && links.kind === 'ready' ? links.value : null;
  return (
    <section aria-labelledby="console-follow-ups-heading" id="console-follow-ups">
      <h2 id="console-follow-ups-heading">{t('followups.console.heading')}</h2>
      <FollowsFrom followUps={f.value} href={consolePath} />
      {declared.length > 0 ? (
        <>
          <p class="hint">{t('followups.console.intro')}</p>
          {triggered === null ? <p>{t('followups.console.pending')}</p> : null}
          <DeclaredList followUps={f.value} questions={detail.value.questions} showKind
            details={(d) => <Outcome voteId={voteId} followUps={f.value} declared={d} links={adminLinks} />} />
        </>
      ) : null}
    </section>
  );
}
