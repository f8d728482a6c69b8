// The documents an offer object lists (docs/protocol.md §M3.1): part of the canonical JSON and so of
// the offer digest; absent when there are none (an offer without documents keeps its bytes and
// digest: the golden file offer-v1-final-offer.json predates the field); every field checked
// canonically; one order only (strictly increasing ids). And the document name's producer and
// checker (toDocumentName / documentNameSchema), and the serving side's byte check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex, unwrap, utf8 } from '@ratify/crypto';
import {
  MAX_DOCUMENT_BYTES, MAX_OFFER_DOCUMENTS, checkOfferDocumentBytes, createOffer, documentNameSchema, offerDigest, offerDocumentSchema, parseWireOffer,
  toDocumentName, toWireOffer, withOfferDocuments, type OfferDocument,
} from '../src/bargaining/index.ts';
import { toCanonical, type CanonicalValue } from '../src/codec/canonical-json.ts';
import { readVector } from '../../../test-vectors/protocol/vectors.ts';
import { finalOffer, finalOfferDocuments, finalOfferInput, finalOfferWithDocuments } from './offer-fixtures.ts';

const [pdf, md] = finalOfferDocuments as readonly [OfferDocument, OfferDocument];
const code = (r: { ok: boolean; error?: string }) => (r.ok ? 'ok' : r.error);

describe('an offer without documents', () => {
  it('keeps exactly the bytes and digest it had before offers could list documents', () => {
    expect(toWireOffer(finalOffer())).toBe(readVector('offer-v1-final-offer.json'));
    expect(offerDigest(finalOffer())).toBe(readVector('offer-v1-final-offer.digest.hex'));
    expect(toWireOffer(finalOffer())).not.toContain('"documents"');
  });

  it('is what an offer given an empty list becomes: the field is left out, never empty', () => {
    const none = unwrap(withOfferDocuments(finalOfferWithDocuments(), []));
    expect(toWireOffer(none)).toBe(readVector('offer-v1-final-offer.json'));
    expect('documents' in none).toBe(false);
    expect(code(createOffer({ ...finalOfferInput, documents: [] }))).toBe('schema_mismatch');
    const wire = readVector('offer-v1-final-offer.json').replace('"contractId"', '"documents":[],"contractId"');
    expect(code(parseWireOffer(wire))).toBe('schema_mismatch');
  });
});

describe('an offer with documents', () => {
  it('lists them in the canonical JSON, sorted by id, and round-trips', () => {
    const o = finalOfferWithDocuments();
    expect(o.documents?.map((d) => d.id)).toEqual(['final-summary', 'final-text']);
    const wire = toWireOffer(o);
    expect(wire).toBe(readVector('offer-v1-final-offer-with-documents.json'));
    expect(unwrap(parseWireOffer(wire))).toEqual(o);
    expect(offerDigest(o)).toBe(sha256Hex(utf8(wire)));
    expect(offerDigest(o)).not.toBe(offerDigest(finalOffer()));
  });

  it('has one canonical form whatever order the documents are given in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...finalOfferDocuments, { ...md, id: 'a-first' }, { ...pdf, id: 'z-last' }], { minLength: 1 }), (subset) => {
        const a = unwrap(withOfferDocuments(finalOffer(), subset));
        const b = unwrap(withOfferDocuments(finalOffer(), [...subset].reverse()));
        expect(toWireOffer(a)).toBe(toWireOffer(b));
        const ids = a.documents!.map((d) => d.id);
        expect(ids).toEqual([...ids].sort());
      }),
    );
  });

  it('refuses documents out of id order or listed twice, from input and from the wire', () => {
    expect(code(createOffer({ ...finalOfferInput, documents: [pdf, md] }))).toBe('documents_not_sorted');
    expect(code(createOffer({ ...finalOfferInput, documents: [md, md] }))).toBe('documents_not_sorted');
    expect(code(withOfferDocuments(finalOffer(), [md, pdf, md]))).toBe('documents_not_sorted');
    // Canonical JSON orders keys, never array items: a reversed list is well-formed text, refused.
    const o = finalOfferWithDocuments();
    const swapped = toCanonical({ ...o, documents: [...o.documents!].reverse() } as unknown as CanonicalValue);
    expect(swapped).not.toBe(toWireOffer(o));
    expect(code(parseWireOffer(swapped))).toBe('documents_not_sorted');
  });

  it('changes the digest when any field of any document entry changes, or a document is added or removed', () => {
    const base = offerDigest(finalOfferWithDocuments());
    const changed: readonly (readonly [string, Partial<OfferDocument>])[] = [
      ['id', { id: 'final-text-2' }],
      ['name', { name: 'AMPTP final offer (full text) .pdf' }],
      ['contentType', { contentType: 'text/markdown' }],
      ['size', { size: pdf.size + 1 }],
      ['sha256', { sha256: `${pdf.sha256.slice(0, 63)}${pdf.sha256.endsWith('0') ? '1' : '0'}` }],
    ];
    for (const [field, patch] of changed) {
      const o = unwrap(withOfferDocuments(finalOffer(), [md, { ...pdf, ...patch }]));
      expect(offerDigest(o), field).not.toBe(base);
    }
    expect(offerDigest(unwrap(withOfferDocuments(finalOffer(), [md])))).not.toBe(base);
    expect(offerDigest(unwrap(withOfferDocuments(finalOffer(), [...finalOfferDocuments, { ...md, id: 'extra' }])))).not.toBe(base);
    expect(offerDigest(unwrap(withOfferDocuments(finalOffer(), [pdf, md])))).toBe(base);
  });

  it('tells apart any two different SHA-256 values of a document', () => {
    const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 });
    fc.assert(
      fc.property(hex, hex, (a, b) => {
        fc.pre(a !== b);
        const digest = (sha256: string) => offerDigest(unwrap(withOfferDocuments(finalOffer(), [{ ...pdf, sha256 }])));
        expect(digest(a)).not.toBe(digest(b));
      }),
      { numRuns: 50 },
    );
  });
});

describe('document entries: every field checked canonically', () => {
  const bad: readonly (readonly [string, unknown])[] = [
    ['uppercase sha256', { ...pdf, sha256: pdf.sha256.toUpperCase() }],
    ['short sha256', { ...pdf, sha256: pdf.sha256.slice(0, 63) }],
    ['long sha256', { ...pdf, sha256: `${pdf.sha256}0` }],
    ['non-hex sha256', { ...pdf, sha256: `${pdf.sha256.slice(0, 63)}g` }],
    ['prefixed sha256', { ...pdf, sha256: `sha256:${pdf.sha256}` }],
    ['zero size', { ...pdf, size: 0 }],
    ['negative size', { ...pdf, size: -1 }],
    ['fractional size', { ...pdf, size: 1.5 }],
    ['size over the document limit', { ...pdf, size: MAX_DOCUMENT_BYTES + 1 }],
    ['size as a string', { ...pdf, size: '48213' }],
    ['other content type', { ...pdf, contentType: 'text/plain' }],
    ['content type in another case', { ...pdf, contentType: 'application/PDF' }],
    ['content type with parameters', { ...md, contentType: 'text/markdown; charset=utf-8' }],
    ['empty name', { ...pdf, name: '' }],
    ['name with a leading space', { ...pdf, name: ' final.pdf' }],
    ['name with a trailing space', { ...pdf, name: 'final.pdf ' }],
    ['name with a slash', { ...pdf, name: 'a/final.pdf' }],
    ['name with a line feed', { ...pdf, name: 'final\n.pdf' }],
    ['name with a quote', { ...pdf, name: 'final".pdf' }],
    ['name not in NFC', { ...pdf, name: 'Re\u0301sume\u0301.pdf' }],
    ['name too long', { ...pdf, name: `${'a'.repeat(197)}.pdf` }],
    ['id not a slug', { ...pdf, id: 'Final_Text' }],
    ['empty id', { ...pdf, id: '' }],
    ['unknown field', { ...pdf, url: 'https://example.org/final.pdf' }],
    ['missing sha256', (({ sha256: _s, ...rest }) => rest)(pdf)],
    ['missing size', (({ size: _s, ...rest }) => rest)(pdf)],
  ];

  it.each(bad)('refuses a document entry with %s', (_what, entry) => {
    expect(offerDocumentSchema.safeParse(entry).success).toBe(false);
    expect(code(createOffer({ ...finalOfferInput, documents: [entry as OfferDocument] }))).toBe('schema_mismatch');
  });

  it('accepts the boundaries: size 1 and the document limit, a 200-character name', () => {
    for (const entry of [{ ...pdf, size: 1 }, { ...pdf, size: MAX_DOCUMENT_BYTES }, { ...pdf, name: `${'a'.repeat(196)}.pdf` }, { ...md, name: 'Offre (résumé) 2008-06-30.md' }]) {
      expect(offerDocumentSchema.safeParse(entry).success).toBe(true);
    }
  });

  it(`lists at most ${MAX_OFFER_DOCUMENTS} documents`, () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ ...md, id: `d${String(i).padStart(3, '0')}` }));
    expect(withOfferDocuments(finalOffer(), many(MAX_OFFER_DOCUMENTS)).ok).toBe(true);
    expect(code(withOfferDocuments(finalOffer(), many(MAX_OFFER_DOCUMENTS + 1)))).toBe('schema_mismatch');
  });
});

describe('document names: toDocumentName and documentNameSchema', () => {
  it('trims, normalises to NFC and replaces other characters with _', () => {
    expect(unwrap(toDocumentName('  Offer <summary>.md '))).toBe('Offer _summary_.md');
    expect(unwrap(toDocumentName('Re\u0301sume\u0301 final.md'))).toBe('Résumé final.md');
    expect(unwrap(toDocumentName('a/b\\c:d.pdf'))).toBe('a_b_c_d.pdf');
    expect(code(toDocumentName('   '))).toBe('invalid_document_name');
    expect(code(toDocumentName('a'.repeat(201)))).toBe('invalid_document_name');
  });

  it('produces only names its checker accepts, and leaves those unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 220 }), (raw) => {
        const name = toDocumentName(raw);
        if (!name.ok) return;
        expect(documentNameSchema.safeParse(name.value).success).toBe(true);
        expect(unwrap(toDocumentName(name.value))).toBe(name.value);
      }),
    );
  });
});

describe('the serving side: bytes against the entry', () => {
  it('accepts exactly the bytes whose size and SHA-256 the entry lists', () => {
    const bytes = utf8('# Illustrative summary');
    const entry: OfferDocument = { ...md, size: bytes.length, sha256: sha256Hex(bytes) };
    expect(checkOfferDocumentBytes(entry, bytes)).toBe(true);
    expect(checkOfferDocumentBytes(entry, utf8('# Illustrative summary!'))).toBe(false);
    expect(checkOfferDocumentBytes(entry, utf8('# Illustrative summarx'))).toBe(false);
    expect(checkOfferDocumentBytes({ ...entry, size: entry.size + 1 }, bytes)).toBe(false);
  });
});
