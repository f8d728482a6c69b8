// What members read before voting (manifest.information, signed into the fingerprint): the official
// summary of the offer and the for/against statements, each labelled with its side in words.
import { inferredPurpose, type BallotInformation, type Manifest, type VotePurpose } from '@ratify/protocol';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { OfferPanel } from './offer-comparison.tsx';

/** Text with blank-line paragraphs and single newlines as line breaks. */
export function Paragraphs({ text }: { readonly text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((para, i) => (
        <p key={i}>
          {para.split('\n').map((line, j) => (
            <span key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}

/** The official summary and the statements for and against, as one card. */
export function AboutVote({ info, purpose }: { readonly info: BallotInformation; readonly purpose: VotePurpose }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="info-heading" class="card">
      <h2 id="info-heading">{t(`ballot.info_heading.${purpose}` as MessageKey)}</h2>
      <h3>{t('ballot.summary_heading')}</h3>
      <Paragraphs text={info.summary} />
      {info.statements.length > 0 ? (
        <>
          <h3>{t('ballot.statements_heading')}</h3>
          <p class="hint">{t('ballot.statements_hint')}</p>
          {info.statements.map((s, i) => (
            <article key={i} class={`statement statement-${s.side}`} aria-labelledby={`statement-${i}`}>
              <h4 id={`statement-${i}`}>
                {s.side === 'for' ? t('ballot.statement_for', { author: s.author }) : t('ballot.statement_against', { author: s.author })}
              </h4>
              <Paragraphs text={s.text} />
            </article>
          ))}
        </>
      ) : null}
    </section>
  );
}

/** The public vote page's reading: the offer (if any), then the summary and statements, all open. */
export function Information({ manifest }: { readonly manifest: Manifest }) {
  const info = manifest.information;
  if (info === undefined) return null;
  const purpose = inferredPurpose(manifest);
  return (
    <>
      {info.offer !== undefined ? <OfferPanel voteId={manifest.voteId} reference={info.offer} votedOn={purpose === 'ratification'} /> : null}
      <AboutVote info={info} purpose={purpose} />
    </>
  );
}
