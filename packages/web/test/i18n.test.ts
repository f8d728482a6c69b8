// Language completeness: every key exists in both catalogues with a non-empty message and the same
// {placeholders}, the staff pages' catalogue included (it loads with their chunk); lookup,
// interpolation and the saved-language rules.
import '../src/i18n/staff-catalogue.ts';
import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../src/i18n/en.ts';
import { catalogue, formatInstant, initialLang, LANGS, placeholders, saveLang, translate } from '../src/i18n/i18n.ts';
import { staffEn } from '../src/i18n/staff-en.ts';

const KEYS = [...Object.keys(en), ...Object.keys(staffEn)].sort() as MessageKey[];
const message = (lang: 'en' | 'es', key: MessageKey): string => catalogue(lang)[key] ?? '';

describe('catalogues', () => {
  it('have exactly the same keys in every language', () => {
    for (const lang of LANGS) expect(Object.keys(catalogue(lang)).sort(), lang).toEqual(KEYS);
  });

  it('keep the staff pages’ messages apart from the catalogue every page loads', () => {
    expect(Object.keys(staffEn).filter((k) => k in en)).toEqual([]);
    expect(Object.keys(staffEn).length).toBeGreaterThan(300);
  });

  it('have a non-empty, trimmed message for every key', () => {
    for (const lang of LANGS)
      for (const key of KEYS) {
        expect(message(lang, key).trim(), `${lang} ${key}`).not.toBe('');
        expect(message(lang, key), `${lang} ${key}`).toBe(message(lang, key).trim());
      }
  });

  it('use the same placeholders in every language', () => {
    for (const key of KEYS) expect(placeholders(message('es', key)), key).toEqual(placeholders(message('en', key)));
  });

  it('are really translated (Spanish differs from English except for names)', () => {
    const same = KEYS.filter((k) => message('en', k) === message('es', k));
    expect(same).toEqual(['app.name', 'ballot.no']);
  });
});

describe('translate', () => {
  it('fills placeholders, formatting numbers for the language', () => {
    expect(translate('en', 'turnout.counts', { counted: 1234, eligible: 5000, percent: '24.7%' })).toBe('1,234 of 5,000 eligible members have voted (24.7%).');
    expect(translate('es', 'ballot.question_n', { n: 2 })).toBe('Pregunta 2.');
  });

  it('leaves a missing placeholder visible rather than inventing a value', () => {
    expect(translate('en', 'ballot.question_n')).toBe('Question {n}.');
  });

  it('shows a key whose catalogue is not loaded rather than failing', () => {
    expect(translate('en', 'no.such.key' as MessageKey)).toBe('no.such.key');
  });
});

describe('language choice', () => {
  const store = (value: string | null) => ({ getItem: () => value });

  it('prefers the saved choice, then the browser, then English', () => {
    expect(initialLang(store('es'), ['en-US'])).toBe('es');
    expect(initialLang(store(null), ['es-MX', 'en'])).toBe('es');
    expect(initialLang(store('fr'), ['de'])).toBe('en');
    expect(initialLang(undefined, [])).toBe('en');
  });

  it('survives storage that throws', () => {
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(initialLang(throwing, ['es'])).toBe('es');
    expect(() => saveLang(throwing, 'es')).not.toThrow();
  });

  it('saves the choice under one key', () => {
    const saved = new Map<string, string>();
    saveLang({ setItem: (k, v) => void saved.set(k, v) }, 'es');
    expect([...saved]).toEqual([['ratify.lang', 'es']]);
  });
});

describe('formatInstant', () => {
  it('formats an instant with its time zone in both languages', () => {
    for (const lang of LANGS) expect(formatInstant('2026-11-20T17:00:00Z', lang)).toMatch(/2026/);
    expect(formatInstant('not a date', 'en')).toBe('not a date');
  });
});

describe('error words', () => {
  it('name every code a staff or member route can answer with in plain words, in both languages', async () => {
    const { ROUTES, COMMON_ERRORS } = await import('@ratify/server/api');
    const codes = new Set<string>(COMMON_ERRORS);
    for (const spec of Object.values(ROUTES)) for (const code of spec.errors) codes.add(code);
    const missing = [...codes].filter((code) => !(`error.${code}` in catalogue('en')) || !(`error.${code}` in catalogue('es')));
    expect(missing).toEqual([]);
  });
});
