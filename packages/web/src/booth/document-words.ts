// A document of the offer a vote ratifies, in words: its kind and its size for the page's language.
// Pure (no DOM); the numbers are formatted by Intl for the language.
import type { ResponseOf } from '../api.ts';
import type { Lang, Translate } from '../i18n/i18n.ts';

export type OfferDocument = ResponseOf<'voteOffer'>['documents'][number];

/** The kind of a document in words; a type the server did not promise is shown as sent. */
export function documentKind(contentType: string, t: Translate): string {
  switch (contentType) {
    case 'application/pdf':
      return t('offer.document_type.pdf');
    case 'text/markdown':
      return t('offer.document_type.markdown');
    default:
      return contentType;
  }
}

/**
 * A size in SI units (1 kB = 1000 bytes) with at most one decimal: "842 bytes", "12.4 kB", "1.9 MB".
 * Rounded before the unit is chosen, so 999,960 bytes reads "1 MB", not "1,000 kB".
 */
export function formatFileSize(size: number, lang: Lang): string {
  const unit = (value: number, name: 'byte' | 'kilobyte' | 'megabyte') =>
    new Intl.NumberFormat(lang, { style: 'unit', unit: name, unitDisplay: name === 'byte' ? 'long' : 'short', maximumFractionDigits: 1 }).format(value);
  if (size < 1000) return unit(size, 'byte');
  const kilobytes = Math.round(size / 100) / 10;
  return kilobytes < 1000 ? unit(kilobytes, 'kilobyte') : unit(Math.round(size / 100_000) / 10, 'megabyte');
}
