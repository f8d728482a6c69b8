// The documents of the offer a vote ratifies, in words: kind and size per language, and the link
// each one gets (the public route for that vote's offer, built from the route table).
import { describe, expect, it } from 'vitest';
import { api } from '../src/api.ts';
import { documentKind, formatFileSize } from '../src/booth/document-words.ts';
import { translate, type Lang, type Translate } from '../src/i18n/i18n.ts';

const t = (lang: Lang): Translate => (key, vars) => translate(lang, key, vars);

describe('document kind', () => {
  it('names the two kinds the server serves, in each language, and shows anything else as sent', () => {
    expect(documentKind('application/pdf', t('en'))).toBe('PDF document');
    expect(documentKind('text/markdown', t('en'))).toBe('Markdown text');
    expect(documentKind('application/pdf', t('es'))).toBe('Documento PDF');
    expect(documentKind('text/markdown', t('es'))).toBe('Texto Markdown');
    expect(documentKind('image/png', t('en'))).toBe('image/png');
  });
});

describe('file size', () => {
  it.each<[number, Lang, string]>([
    [1, 'en', '1 byte'],
    [999, 'en', '999 bytes'],
    [1000, 'en', '1 kB'],
    [12_449, 'en', '12.4 kB'],
    [12_449, 'es', '12,4 kB'],
    [999_949, 'en', '999.9 kB'],
    // Rounded before the unit is chosen: not "1,000 kB".
    [999_960, 'en', '1 MB'],
    [2 * 1024 * 1024, 'en', '2.1 MB'],
    [2 * 1024 * 1024, 'es', '2,1 MB'],
  ])('%i bytes in %s: %s', (size, lang, words) => {
    expect(formatFileSize(size, lang)).toBe(words);
  });
});

describe('document link', () => {
  it("goes to the vote's offer-document route, each segment encoded", () => {
    expect(api.documentHref('guild-strike-2009', 'final-offer-summary')).toBe('/api/votes/guild-strike-2009/offer/documents/final-offer-summary');
    expect(api.documentHref('a b', 'x/y')).toBe('/api/votes/a%20b/offer/documents/x%2Fy');
  });
});
