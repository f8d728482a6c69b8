// Removing an offer or a document added by mistake, on the contract page (docs/bargaining.md,
// "Removing an offer or a document"). Decides from the contract's detail whether "Remove" can be
// offered — not for an offer a vote or draft binds, nor one another offer is compared with, nor a
// document of a bound offer — and says why not instead; asks for confirmation in words that name
// what goes (an offer's documents with it; an offer's digest changes when its document goes). The
// server checks everything again; its refusal is shown in words. Must not decide anything else.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiOutcome, ResponseOf } from '../api.ts';
import type { MessageKey, Translate } from '../i18n/i18n.ts';
import { staffCall } from '../staff/staff-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert } from '../ui/page.tsx';
import { ConfirmCard } from './confirm-card.tsx';

type Detail = ResponseOf<'getContract'>;
type OfferEntry = Detail['offers'][number];
type DocumentMeta = Detail['documents'][number];
/** What removal needs to know of an offer on the contract page (the server reports bound and comparedBy). */
type OfferUse = { readonly offer: { readonly id: string; readonly title: string }; readonly bound: boolean; readonly comparedBy: readonly string[] };

/** Whether an offer can be removed, and if so how many stored documents go with it. */
export type OfferRemoval =
  | { readonly kind: 'allowed'; readonly documents: number }
  | { readonly kind: 'bound' }
  | { readonly kind: 'compared'; readonly by: readonly string[] };

export function offerRemoval(entry: OfferUse, documents: readonly Pick<DocumentMeta, 'offerId'>[]): OfferRemoval {
  if (entry.bound) return { kind: 'bound' };
  if (entry.comparedBy.length > 0) return { kind: 'compared', by: entry.comparedBy };
  return { kind: 'allowed', documents: documents.filter((d) => d.offerId === entry.offer.id).length };
}

/** Whether a document can be removed: not while the offer it belongs to is bound. */
export type DocumentRemoval =
  | { readonly kind: 'allowed'; readonly offer: { readonly id: string; readonly title: string } | null }
  | { readonly kind: 'bound'; readonly offer: { readonly id: string; readonly title: string } };

export function documentRemoval(document: Pick<DocumentMeta, 'offerId'>, offers: readonly Omit<OfferUse, 'comparedBy'>[]): DocumentRemoval {
  if (document.offerId === null) return { kind: 'allowed', offer: null };
  const owner = offers.find((o) => o.offer.id === document.offerId);
  const offer = { id: document.offerId, title: owner?.offer.title ?? document.offerId };
  return owner?.bound === true ? { kind: 'bound', offer } : { kind: 'allowed', offer };
}

/** The confirmation question for an offer, naming the documents that go with it. */
export function offerConfirmKey(documents: number): MessageKey {
  return documents === 0 ? 'bargaining.remove_offer_confirm' : documents === 1 ? 'bargaining.remove_offer_confirm_one' : 'bargaining.remove_offer_confirm_many';
}

/** The server's refusals of a removal, in words (the page was out of date: someone bound the offer meanwhile). */
export function removalRefusal(code: string): MessageKey | undefined {
  return code === 'offer_in_use' ? 'bargaining.remove_refused_bound' : code === 'offer_referenced' ? 'bargaining.remove_refused_compared' : undefined;
}

/** A "Remove" button that asks first; the question takes focus, Cancel gives it back to the button. */
function ConfirmRemove({ id, label, question, onConfirm }: { readonly id: string; readonly label: string; readonly question: string; readonly onConfirm: () => Promise<string | undefined> }) {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const questionRef = useRef<HTMLParagraphElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (pending) questionRef.current?.focus();
    else if (returnFocus.current) buttonRef.current?.focus();
  }, [pending]);
  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    const failure = await onConfirm();
    setBusy(false);
    if (failure !== undefined) {
      setError(failure);
      returnFocus.current = true;
      setPending(false);
    }
  };
  return (
    <>
      {pending ? (
        <ConfirmCard
          id={`${id}-question`} question={question} confirmLabel={t('bargaining.confirm_remove')} busy={busy} questionRef={questionRef}
          onConfirm={() => void confirm()} onCancel={() => { returnFocus.current = true; setPending(false); }}
        />
      ) : (
        <button type="button" class="secondary small" ref={buttonRef} onClick={() => { setError(undefined); setPending(true); }}>{label}</button>
      )}
      <ErrorAlert message={error} />
    </>
  );
}

async function removeThrough(call: () => Promise<ApiOutcome<unknown>>, t: Translate): Promise<string | undefined> {
  const r = await call();
  if (r.ok) return undefined;
  const key = removalRefusal(r.code);
  return key !== undefined ? t(key) : describeFailure(t, r);
}

/** "Remove" for an offer no vote, draft or other offer refers to; otherwise the reason it stays. */
export function OfferRemoveControl({ entry, documents, titleOf, onRemoved }: {
  readonly entry: OfferEntry; readonly documents: readonly DocumentMeta[]; readonly titleOf: (id: string) => string; readonly onRemoved: (title: string) => void;
}) {
  const { t } = useI18n();
  const o = entry.offer;
  const removal = offerRemoval(entry, documents);
  switch (removal.kind) {
    case 'bound':
      return <p class="hint">{t('bargaining.remove_offer_bound')}</p>;
    case 'compared':
      return <p class="hint">{t('bargaining.remove_offer_compared', { list: removal.by.map(titleOf).join(', ') })}</p>;
    case 'allowed':
      return (
        <ConfirmRemove
          id={`remove-offer-${o.id}`}
          label={t('bargaining.remove_offer', { title: o.title })}
          question={t(offerConfirmKey(removal.documents), { title: o.title, count: removal.documents })}
          onConfirm={async () => {
            const failure = await removeThrough(() => staffCall('deleteOffer', { params: { id: o.id } }), t);
            if (failure === undefined) onRemoved(o.title);
            return failure;
          }}
        />
      );
  }
}

/** "Remove" for a document, unless it belongs to an offer a vote or draft binds (then the reason). */
export function DocumentRemoveControl({ document, offers, onRemoved }: {
  readonly document: DocumentMeta; readonly offers: readonly OfferEntry[]; readonly onRemoved: (name: string) => void;
}) {
  const { t } = useI18n();
  const removal = documentRemoval(document, offers);
  if (removal.kind === 'bound') return <p class="hint">{t('bargaining.remove_document_bound', { title: removal.offer.title })}</p>;
  return (
    <ConfirmRemove
      id={`remove-document-${document.id}`}
      label={t('bargaining.remove_document', { name: document.name })}
      question={removal.offer === null ? t('bargaining.remove_document_confirm', { name: document.name }) : t('bargaining.remove_document_confirm_offer', { name: document.name, title: removal.offer.title })}
      onConfirm={async () => {
        const failure = await removeThrough(() => staffCall('deleteDocument', { params: { id: document.id } }), t);
        if (failure === undefined) onRemoved(document.name);
        return failure;
      }}
    />
  );
}
