// The bargaining forms' pure parts: exact decimal parsing for percentages and money (no floating
// point), the router's tracker pages, and the draft form binding the chosen offer (linkedOfferId and
// information.offer together, so the manifest invariant holds).
import { describe, expect, it } from 'vitest';
import { newDraftForm, toDraftDefinition } from '../src/admin/draft-definition.ts';
import { parseScaled, toRow, toValue } from '../src/admin/offer-form.tsx';
import { parseRoute, routePath } from '../src/router.ts';

describe('parseScaled', () => {
  it('reads plain decimals exactly, refusing extra decimals and other spellings', () => {
    expect(parseScaled('3.5', 2)).toBe(350);
    expect(parseScaled('0.07', 2)).toBe(7);
    expect(parseScaled('1500000.00', 2)).toBe(150_000_000);
    expect(parseScaled('-1.2', 2)).toBe(-120);
    expect(parseScaled('36', 0)).toBe(36);
    expect(parseScaled('0.1', 0)).toBeUndefined();
    expect(parseScaled('3.125', 2)).toBeUndefined();
    expect(parseScaled('1e3', 2)).toBeUndefined();
    expect(parseScaled('3,5', 2)).toBeUndefined();
    expect(parseScaled('', 2)).toBeUndefined();
  });
});

describe('tracker routes', () => {
  it('parses and prints the contract pages', () => {
    expect(parseRoute('/admin/contracts')).toEqual({ kind: 'admin_contracts' });
    expect(parseRoute('/admin/contracts/guild-tv-2005')).toEqual({ kind: 'admin_contract', id: 'guild-tv-2005' });
    expect(routePath({ kind: 'admin_contract', id: 'guild-tv-2005' })).toBe('/admin/contracts/guild-tv-2005');
    expect(parseRoute('/admin/contracts/Bad Id')).toEqual({ kind: 'not_found' });
  });
});

describe('draft form and the offer it ratifies', () => {
  it('binds the chosen offer as linkedOfferId and information.offer', () => {
    const offer = { id: 'final', title: 'Final offer', digest: 'ab'.repeat(32) };
    const def = toDraftDefinition({ ...newDraftForm(), summary: 'Summary', offer });
    expect(def['linkedOfferId']).toBe('final');
    expect(def['information']).toEqual({ summary: 'Summary', statements: [], offer });
    const none = toDraftDefinition({ ...newDraftForm(), summary: 'Summary' });
    expect(none['linkedOfferId']).toBeUndefined();
    expect(none['information']).toEqual({ summary: 'Summary', statements: [] });
  });
});

describe('offer form rows', () => {
  it('round-trips every kind of stored term through the form exactly', () => {
    const values = [
      { kind: 'percent', basisPoints: 350 },
      { kind: 'percent', basisPoints: -5 },
      { kind: 'money', currency: 'USD', minorUnits: 150_000_000 },
      { kind: 'integer', value: 17, unit: 'days' },
      { kind: 'integer', value: 36 },
      { kind: 'date', date: '2008-06-30' },
      { kind: 'text', text: 'Unchanged' },
      { kind: 'boolean', value: false },
      { kind: 'boolean', value: true },
    ] as const;
    for (const value of values) {
      expect(toValue(toRow({ key: 'k', label: 'K', value, direction: 'none' }))).toEqual(value);
    }
  });
});
