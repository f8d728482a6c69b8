// The booth: what follows each outcome, read from the manifest the member is about to vote on
// (signed into its fingerprint, protocol §M7) — e.g. "If it fails: a strike-authorization vote
// opens (at least 75%)". No network: the manifest is already checked against its fingerprint.
import { describeRule, type Manifest } from '@ratify/protocol';
import { conditionWords } from '../public/follow-up-words.ts';
import { useI18n } from '../ui/i18n-context.ts';

export function BoothFollowUps({ manifest }: { readonly manifest: Manifest }) {
  const { t, lang } = useI18n();
  if (manifest.followUps.length === 0) return null;
  const several = manifest.questions.length > 1;
  return (
    <section aria-labelledby="booth-follow-ups-heading" class="card" id="booth-follow-ups">
      <h2 id="booth-follow-ups-heading">{t('followups.would_heading')}</h2>
      <p class="hint">{t('followups.would_intro')}</p>
      <ul>
        {manifest.questions.flatMap((q, qi) =>
          manifest.followUps
            .filter((f) => f.questionId === q.id)
            .map((f) => (
              <li key={`${f.questionId}/${f.outcome}`}>
                <p>
                  {several ? <span class="question-number">{t('followups.question_n', { n: qi + 1 })} </span> : null}
                  <strong>{conditionWords(f.outcome, t)}</strong>
                </p>
                <p>{f.text}</p>
                {f.vote ? (
                  <>
                    <p>{t('followups.new_vote', { title: f.vote.title })}</p>
                    <ul>
                      {f.vote.questions.map((vq) => (
                        <li key={vq.id}>{t('followups.template_rule', { rule: describeRule(vq.rule, lang, vq) })}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </li>
            )),
        )}
      </ul>
    </section>
  );
}
