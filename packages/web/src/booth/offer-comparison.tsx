// The offer a vote ratifies, as members see it in the booth and on the public vote page: its
// summary and terms, the contract's timeline in one line (days of formal negotiations, counted from
// sessions), a check that it is exactly the offer signed into the manifest (the browser recomputes
// the SHA-256 digest itself, over the offer object including the documents it lists), the documents
// of the checked offer as download links, and the comparison table against the agreements it is
// compared with.
// Better/worse is said in words and symbols, never by colour alone.
import { checkOffer, formatTermValue, mirrorVerdict, offerDigest, offerSchema, type Offer, type TermValue, type Verdict } from '@ratify/protocol/bargaining';
import type { OfferReference } from '@ratify/protocol';
import { api, type ResponseOf } from '../api.ts';
import { formatDay, type MessageKey } from '../i18n/i18n.ts';
import { useApi } from '../public/use-api.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { Paragraphs } from './information.tsx';
import { OfferDocuments } from './offer-documents.tsx';

type VoteOffer = ResponseOf<'voteOffer'>;
type Translate = ReturnType<typeof useI18n>['t'];
/** A term value as the API sends it (the protocol's TermValue has the same shape). */
type WireValue = VoteOffer['offer']['terms'][number]['value'];

/** A term's value as text (the protocol's one formatting, with yes/no in the reader's language). */
export function formatValue(v: WireValue, t: Translate): string {
  // The wire type says `unit?: string | undefined` where the protocol's says `unit?: string`: same values.
  return formatTermValue(v as TermValue, { yes: t('ballot.yes'), no: t('ballot.no') });
}

/** The browser's own check: the offer parses, and its digest is the one in the signed manifest. */
function verify(offer: unknown, digest: string): Offer | null {
  const parsed = offerSchema.safeParse(offer);
  if (!parsed.success) return null;
  const checked = checkOffer(parsed.data);
  return checked.ok && offerDigest(checked.value) === digest ? checked.value : null;
}

const verdictKey = (v: Verdict): MessageKey => `compare.verdict.${v}` as MessageKey;

export function ComparisonTable({ data }: { readonly data: Pick<VoteOffer, 'comparison' | 'comparedWith' | 'offer'> }) {
  const { t } = useI18n();
  const { comparison, comparedWith } = data;
  if (comparedWith.length === 0) return <p>{t('compare.none')}</p>;
  // On a narrow screen (styles.css, table.stack-narrow) each term is a card listing its values one
  // under another, each under its agreement's name: nothing is cut or scrolled sideways. The explicit
  // roles keep the table's semantics for assistive technology when the cells are laid out as blocks;
  // the per-cell names are for the eye only (the column headers still name every cell).
  return (
    <>
      <div class="table-scroll" tabIndex={0}>
        <table class="comparison stack-narrow" role="table">
          <caption>{t('compare.caption')}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">{t('compare.term')}</th>
              <th scope="col" role="columnheader">{t('compare.this_offer')}</th>
              {comparedWith.map((o) => (
                <th scope="col" role="columnheader" key={o.id}>
                  {o.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {comparison.rows.map((row) => (
              <tr key={row.key} data-term={row.key} role="row">
                <th scope="row" role="rowheader">{row.label}</th>
                <td role="cell" class="baseline">
                  <span class="cell-label" aria-hidden="true">{t('compare.this_offer')}</span>
                  <span class="term-value">{row.baseline === undefined ? '—' : formatValue(row.baseline.value, t)}</span>
                </td>
                {row.cells.map((cell) => {
                  // The cell's verdict judges the other agreement against this offer; members read
                  // it the other way round ("this offer is better"), which is its mirror image.
                  const verdict = cell.verdict === undefined ? undefined : mirrorVerdict(cell.verdict);
                  return (
                    <td role="cell" key={cell.offerId} data-offer={cell.offerId} data-verdict={verdict ?? 'absent'} class={verdict === undefined ? '' : `verdict verdict-${verdict}`}>
                      <span class="cell-label" aria-hidden="true">{comparedWith.find((o) => o.id === cell.offerId)?.title}</span>
                      <span class="term-value">{cell.term === undefined ? '—' : formatValue(cell.term.value, t)}</span>
                      {verdict !== undefined ? <span class="verdict-mark">{t(verdictKey(verdict))}</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="hint">{t('compare.legend')}</p>
      <ul>
        {comparedWith.map((o, i) => {
          const c = comparison.counts[i];
          // Counts are of the other agreement against this offer: mirrored, better and worse swap.
          return c === undefined ? null : <li key={o.id}>{t('compare.counts', { title: o.title, better: c.worse ?? 0, worse: c.better ?? 0, equal: c.equal ?? 0 })}</li>;
        })}
      </ul>
    </>
  );
}

function OfferBody({ data, reference }: { readonly data: VoteOffer; readonly reference: OfferReference }) {
  const { t, lang } = useI18n();
  const offer = verify(data.offer, reference.digest);
  return (
    <>
      {offer === null ? (
        <p role="alert" class="error">{t('offer.digest_bad')}</p>
      ) : (
        <p class="hint offer-digest">{t('offer.digest_ok', { digest: `${reference.digest.slice(0, 16)}…` })}</p>
      )}
      <p>
        {data.offer.finalOffer ? <strong class="badge">{t('offer.final')}</strong> : null} {t('offer.made_by', { party: data.offer.madeBy, date: formatDay(data.offer.madeOn, lang) })}
      </p>
      <p>{t('offer.contract', { title: data.contract.title, date: data.contract.expiryDate })}</p>
      <p>{t('offer.formal_days', { days: data.contract.formalNegotiationDays })}</p>
      {data.offer.summary !== undefined ? <Paragraphs text={data.offer.summary} /> : null}
      {/* The documents the checked offer lists (their SHA-256 are inside the digest just checked); none
          when the check failed: the server serves no document of an offer that is not the signed one. */}
      <OfferDocuments voteId={data.voteId} documents={offer?.documents ?? []} />
      <h3>{t('compare.heading')}</h3>
      <ComparisonTable data={data} />
    </>
  );
}

/** `votedOn`: the vote accepts or rejects this offer (a ratification); otherwise it is the offer on the table. */
export function OfferPanel({ voteId, reference, votedOn }: { readonly voteId: string; readonly reference: OfferReference; readonly votedOn: boolean }) {
  const { t } = useI18n();
  const state = useApi(() => api.voteOffer(voteId), [voteId]);
  return (
    <section aria-labelledby="offer-heading" class="card offer-panel">
      <h2 id="offer-heading">
        {t(votedOn ? 'offer.heading.voted_on' : 'offer.heading.on_the_table')}: {reference.title}
      </h2>
      {votedOn ? null : <p class="notice">{t('offer.not_voted_on')}</p>}
      {state.kind === 'loading' ? <p role="status">{t('offer.loading')}</p> : null}
      {state.kind === 'failed' ? <p role="alert">{t('offer.failed', { code: state.failure.code })}</p> : null}
      {state.kind === 'ready' ? <OfferBody data={state.value} reference={reference} /> : null}
    </section>
  );
}
