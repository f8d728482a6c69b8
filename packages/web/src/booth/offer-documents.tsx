// The documents the offer a vote ratifies lists, in the booth and on the public vote page: download
// links with each file's kind, size and SHA-256 (part of the offer the vote's fingerprint commits
// to). The links go to the public route that serves only this offer's documents, and only bytes
// matching their SHA-256, as sandboxed attachments; nothing here renders a document.
import { api } from '../api.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { documentKind, formatFileSize, type OfferDocument } from './document-words.ts';

export function OfferDocuments({ voteId, documents }: { readonly voteId: string; readonly documents: readonly OfferDocument[] }) {
  const { t, lang } = useI18n();
  if (documents.length === 0) return null;
  return (
    <>
      <h3>{t('offer.documents_heading')}</h3>
      <p class="hint">{t('offer.documents_hint')}</p>
      <ul class="offer-documents">
        {documents.map((d) => (
          <li key={d.id} data-document={d.id}>
            <a href={api.documentHref(voteId, d.id)} download={d.name} type={d.contentType}>
              {t('offer.document_download', { name: d.name })}
            </a>
            <span class="document-meta">
              {documentKind(d.contentType, t)} · {formatFileSize(d.size, lang)}
            </span>
            <span class="hint mono wrap">{t('offer.document_sha256', { digest: d.sha256 })}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
