// The bargaining model: contract status transitions (table), days of formal negotiations counted
// from sessions (distinct calendar days covered by a formal session), offer checks and the offer
// digest (SHA-256 of the canonical JSON), and document sniffing (PDF magic or UTF-8 Markdown).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex, unwrap, utf8 } from '@ratify/crypto';
import {
  CONTRACT_STATUSES, CONTRACT_TRANSITIONS, MAX_DOCUMENT_BYTES, checkContract, checkContractTransition, checkOfferDigest, checkSession,
  contractSchema, createOffer, formalNegotiationDays, formatScaled, formatTermValue, offerDigest, parseWireOffer, sniffDocument, sortSessions, toWireOffer,
  type BargainingSession, type OfferInput,
} from '../src/bargaining/index.ts';

const session = (id: string, date: string, kind: 'formal' | 'informal' = 'formal', endDate?: string): BargainingSession => ({
  id, contractId: 'sag-tv-2008', date, kind, ...(endDate !== undefined ? { endDate } : {}),
});

describe('contract status transitions', () => {
  it('allows exactly the stated transitions', () => {
    expect(checkContractTransition('in_force', 'expired').ok).toBe(true);
    expect(checkContractTransition('expired', 'working_without_contract').ok).toBe(true);
    expect(checkContractTransition('tentative_agreement', 'ratified').ok).toBe(true);
    expect(checkContractTransition('ratified', 'in_force').ok).toBe(true);
    const bad = checkContractTransition('ratified', 'strike');
    expect(bad.ok ? undefined : bad.error).toBe('invalid_status_transition');
    expect(checkContractTransition('tentative_agreement', 'strike').ok).toBe(false);
    for (const s of CONTRACT_STATUSES) expect(checkContractTransition(s, s).ok).toBe(false);
    for (const s of CONTRACT_STATUSES) for (const t of CONTRACT_TRANSITIONS[s]) expect(CONTRACT_STATUSES).toContain(t);
  });

  it('checks dates and parties', () => {
    const c = { id: 'c', title: 'T', parties: ['SAG', 'AMPTP'], coveredUnit: 'actors', effectiveDate: '2005-07-01', expiryDate: '2008-06-30', status: 'in_force' as const };
    expect(checkContract(c).ok).toBe(true);
    const dates = checkContract({ ...c, expiryDate: '2005-07-01' });
    expect(dates.ok ? undefined : dates.error).toBe('dates_out_of_order');
    const parties = checkContract({ ...c, parties: ['SAG', 'SAG'] });
    expect(parties.ok ? undefined : parties.error).toBe('duplicate_party');
    expect(contractSchema.safeParse({ ...c, expiryDate: '2008-02-30' }).success).toBe(false);
    expect(contractSchema.safeParse({ ...c, parties: ['SAG'] }).success).toBe(false);
    expect(contractSchema.safeParse({ ...c, status: 'on_hold' }).success).toBe(false);
  });
});

describe('days of formal negotiations', () => {
  it('counts distinct calendar days covered by formal sessions; informal ones never count', () => {
    expect(formalNegotiationDays([])).toBe(0);
    expect(
      formalNegotiationDays([
        session('a', '2008-04-15'),
        session('b', '2008-04-15'), // the same day twice counts once
        session('c', '2008-04-16', 'formal', '2008-04-18'), // three days
        session('d', '2008-04-17'), // inside c
        session('e', '2008-04-20', 'informal'),
        session('f', '2008-02-28', 'formal', '2008-03-01'), // across a leap day: 28, 29, 1
      ]),
    ).toBe(7);
  });

  it('never exceeds the sum of session lengths and does not depend on order', () => {
    const day = fc.integer({ min: 0, max: 60 }).map((n) => new Date(Date.UTC(2008, 3, 1 + n)).toISOString().slice(0, 10));
    const s = fc.tuple(day, fc.integer({ min: 0, max: 3 }), fc.boolean()).map(([d, len, formal]): BargainingSession => {
      const end = new Date(Date.parse(`${d}T00:00:00Z`) + len * 86_400_000).toISOString().slice(0, 10);
      return session(`s-${d}`, d, formal ? 'formal' : 'informal', len > 0 ? end : undefined);
    });
    fc.assert(
      fc.property(fc.array(s, { maxLength: 20 }), (list) => {
        const n = formalNegotiationDays(list);
        const total = list.filter((x) => x.kind === 'formal').reduce((acc, x) => acc + 1 + (x.endDate ? (Date.parse(x.endDate) - Date.parse(x.date)) / 86_400_000 : 0), 0);
        expect(n).toBeLessThanOrEqual(total);
        expect(formalNegotiationDays([...list].reverse())).toBe(n);
      }),
    );
  });

  it('checks session dates and sorts the timeline', () => {
    const back = checkSession(session('x', '2008-04-15', 'formal', '2008-04-14'));
    expect(back.ok ? undefined : back.error).toBe('session_dates_out_of_order');
    const long = checkSession(session('x', '2008-01-01', 'formal', '2008-12-31'));
    expect(long.ok ? undefined : long.error).toBe('session_too_long');
    expect(sortSessions([session('b', '2008-05-01'), session('a', '2008-04-15')]).map((x) => x.id)).toEqual(['a', 'b']);
  });
});

describe('offers and the offer digest', () => {
  const input: OfferInput = {
    id: 'amptp-final-2008', contractId: 'sag-tv-2008', kind: 'offer', title: 'AMPTP final offer', madeBy: 'AMPTP', madeOn: '2008-06-30', finalOffer: true,
    terms: [{ key: 'wage-y1', label: 'Wage increase, year 1', value: { kind: 'percent', basisPoints: 300 }, direction: 'higher_is_better' }],
  };

  it('digests the canonical JSON with SHA-256 and round-trips through the wire form', () => {
    const o = unwrap(createOffer(input));
    const wire = toWireOffer(o);
    expect(offerDigest(o)).toBe(sha256Hex(utf8(wire)));
    expect(offerDigest(o)).toMatch(/^[0-9a-f]{64}$/);
    expect(unwrap(parseWireOffer(wire))).toEqual(o);
    expect(checkOfferDigest(o, offerDigest(o))).toBe(true);
  });

  it('changes the digest when any term changes (one basis point)', () => {
    const a = unwrap(createOffer(input));
    const b = unwrap(createOffer({ ...input, terms: [{ ...input.terms[0]!, value: { kind: 'percent', basisPoints: 301 } }] }));
    expect(offerDigest(a)).not.toBe(offerDigest(b));
    expect(checkOfferDigest(b, offerDigest(a))).toBe(false);
  });

  it('refuses non-canonical text, duplicate keys, floats and a final proposal', () => {
    const wire = toWireOffer(unwrap(createOffer(input)));
    const spaced = parseWireOffer(wire.replace('{', '{ '));
    expect(spaced.ok ? undefined : spaced.error).toBe('non_canonical');
    const dup = createOffer({ ...input, terms: [input.terms[0]!, input.terms[0]!] });
    expect(dup.ok ? undefined : dup.error).toBe('duplicate_term_key');
    const float = createOffer({ ...input, terms: [{ ...input.terms[0]!, value: { kind: 'percent', basisPoints: 3.5 } }] });
    expect(float.ok ? undefined : float.error).toBe('schema_mismatch');
    const proposal = createOffer({ ...input, kind: 'proposal' });
    expect(proposal.ok ? undefined : proposal.error).toBe('final_offer_not_offer');
    const currency = createOffer({ ...input, terms: [{ ...input.terms[0]!, value: { kind: 'money', currency: 'usd', minorUnits: 1 } }] });
    expect(currency.ok).toBe(false);
  });

  it('formats scaled integers exactly', () => {
    expect(formatScaled(350, 2)).toBe('3.50');
    expect(formatScaled(5, 2)).toBe('0.05');
    expect(formatScaled(-120, 2)).toBe('-1.20');
    expect(formatScaled(123_456_789_012_345, 2)).toBe('1234567890123.45');
  });

  it('formats every kind of term value, with yes/no in the words given', () => {
    expect(formatTermValue({ kind: 'percent', basisPoints: 425 })).toBe('4.25%');
    expect(formatTermValue({ kind: 'money', currency: 'USD', minorUnits: 150_000_000 })).toBe('USD 1500000.00');
    expect(formatTermValue({ kind: 'date', date: '2008-06-30' })).toBe('2008-06-30');
    expect(formatTermValue({ kind: 'text', text: 'New media: residuals' })).toBe('New media: residuals');
    expect(formatTermValue({ kind: 'integer', value: 36, unit: 'months' })).toBe('36 months');
    expect(formatTermValue({ kind: 'integer', value: 3 })).toBe('3');
    expect(formatTermValue({ kind: 'boolean', value: true })).toBe('yes');
    expect(formatTermValue({ kind: 'boolean', value: false }, { yes: 'sí', no: 'no' })).toBe('no');
    expect(formatTermValue({ kind: 'boolean', value: true }, { yes: 'sí', no: 'no' })).toBe('sí');
  });
});

describe('documents', () => {
  it('recognises PDF by its magic and Markdown as UTF-8 text', () => {
    const pdf = unwrap(sniffDocument(utf8('%PDF-1.4\n%…binary')));
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.sha256).toBe(sha256Hex(utf8('%PDF-1.4\n%…binary')));
    expect(unwrap(sniffDocument(utf8('# Summary\n\n* 3% in year one\n'))).contentType).toBe('text/markdown');
  });

  it('refuses empty, oversized, binary and invalid UTF-8 documents', () => {
    const code = (b: Uint8Array) => {
      const r = sniffDocument(b);
      return r.ok ? undefined : r.error;
    };
    expect(code(new Uint8Array(0))).toBe('document_empty');
    expect(code(new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x41))).toBe('document_too_large');
    expect(code(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe('unsupported_document_type');
    expect(code(new Uint8Array([0x41, 0x00, 0x42]))).toBe('unsupported_document_type');
    expect(code(new Uint8Array([0xc3, 0x28]))).toBe('unsupported_document_type');
  });
});
