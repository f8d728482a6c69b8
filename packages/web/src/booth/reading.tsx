// The booth's reading, placed between the questions and the credential so that on a phone the
// question is on the first screen (issue 16): the offer, the summary and statements, and what would
// follow each outcome, each folded under a line that says what it holds. Open from the start on a
// wide screen (≥ 48rem, where the comparison table fits), folded on a phone; a link under the
// ballot's heading points here. Nothing here is needed to vote, and nothing is hidden from a
// member who opens it: the same components as the public vote page.
import { inferredPurpose, type Manifest } from '@ratify/protocol';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useI18n } from '../ui/i18n-context.ts';
import { BoothFollowUps } from './follow-ups.tsx';
import { AboutVote } from './information.tsx';
import { OfferPanel } from './offer-comparison.tsx';

/** The width from which the comparison table is a table (styles.css, table.stack-narrow). */
export const WIDE_QUERY = '(min-width: 48rem)';

function isWide(): boolean {
  return typeof window.matchMedia === 'function' ? window.matchMedia(WIDE_QUERY).matches : true;
}

function Fold({ id, summary, open, children }: { readonly id: string; readonly summary: string; readonly open: boolean; readonly children: ComponentChildren }) {
  return (
    <details class="fold" id={id} open={open}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

/** Whether the booth has anything to read before choosing (the link under the heading needs it). */
export function hasReading(manifest: Manifest): boolean {
  return manifest.information !== undefined || manifest.followUps.length > 0;
}

export function BoothReading({ manifest }: { readonly manifest: Manifest }) {
  const { t } = useI18n();
  // Decided once, when the booth opens: turning a phone sideways does not fold what the member opened.
  const [open] = useState(isWide);
  if (!hasReading(manifest)) return null;
  const info = manifest.information;
  const purpose = inferredPurpose(manifest);
  // Only a ratification votes on the offer; otherwise it is the offer on the table (issue 16).
  const votedOn = purpose === 'ratification';
  return (
    <div class="booth-reading" id="before-you-choose">
      <p class="reading-heading">{t('booth.reading_heading')}</p>
      {info?.offer !== undefined ? (
        <Fold id="fold-offer" summary={t(votedOn ? 'booth.fold_offer.voted_on' : 'booth.fold_offer.on_the_table', { title: info.offer.title })} open={open}>
          <OfferPanel voteId={manifest.voteId} reference={info.offer} votedOn={votedOn} />
        </Fold>
      ) : null}
      {info !== undefined ? (
        <Fold id="fold-about" summary={info.statements.length > 0 ? t('booth.fold_about_statements') : t('booth.fold_about')} open={open}>
          <AboutVote info={info} purpose={purpose} />
        </Fold>
      ) : null}
      {manifest.followUps.length > 0 ? (
        <Fold id="fold-follow-ups" summary={t('booth.fold_follow_ups')} open={open}>
          <BoothFollowUps manifest={manifest} />
        </Fold>
      ) : null}
    </div>
  );
}
