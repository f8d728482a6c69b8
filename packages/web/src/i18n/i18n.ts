// Languages of the pages (English, Spanish): message lookup with {name} placeholders, the saved
// choice (localStorage), and date formatting. The catalogues are typed so that Spanish must have every
// English key; a unit test also checks placeholders match. Must not hold page logic.
import { en, type MessageKey } from './en.ts';
import { es } from './es.ts';

export type Lang = 'en' | 'es';
export const LANGS: readonly Lang[] = ['en', 'es'];
export type Catalogue = Readonly<Partial<Record<MessageKey, string>>>;
const catalogues: Record<Lang, Catalogue> = { en, es };
export type { MessageKey };

/** The messages loaded so far, per language: the member catalogue, plus the staff one once added. */
export function catalogue(lang: Lang): Catalogue {
  return catalogues[lang];
}

/** Adds a chunk's messages (the staff pages' chunk calls this as it loads: staff-catalogue.ts). */
export function addCatalogues(more: Readonly<Record<Lang, Catalogue>>): void {
  for (const lang of LANGS) catalogues[lang] = { ...catalogues[lang], ...more[lang] };
}

const STORAGE_KEY = 'ratify.lang';

export type Vars = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** `{name}` placeholders in a message, sorted (used by the completeness test). */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

export function translate(lang: Lang, key: MessageKey, vars: Vars = {}): string {
  // A key whose catalogue is not loaded (never expected: only staff pages use staff keys) shows itself.
  const message = catalogues[lang][key] ?? key;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(lang) : value;
  });
}

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'es';
}

/** The saved choice, else the browser's preference, else English. */
export function initialLang(storage: Pick<Storage, 'getItem'> | undefined, preferred: readonly string[]): Lang {
  try {
    const saved = storage?.getItem(STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // Storage may be disabled (private mode): fall through to the browser's preference.
  }
  return preferred.some((l) => l.toLowerCase().startsWith('es')) ? 'es' : 'en';
}

export function saveLang(storage: Pick<Storage, 'setItem'> | undefined, lang: Lang): void {
  try {
    storage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not saved: the choice still applies to this page.
  }
}

/**
 * An ISO instant with the zone named: in `timeZone` (an IANA name, e.g. the union's) when given,
 * else the reader's own.
 */
export function formatInstant(iso: string, lang: Lang, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  // dateStyle/timeStyle cannot be combined with timeZoneName, so the fields are spelled out.
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };
  try {
    return new Intl.DateTimeFormat(lang, timeZone === undefined ? options : { ...options, timeZone }).format(d);
  } catch {
    return new Intl.DateTimeFormat(lang, options).format(d);
  }
}

/** A calendar day (`YYYY-MM-DD`, no time, no zone) in words: "3 February 2008" / "3 de febrero de 2008". */
export function formatDay(day: string, lang: Lang): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(d);
}

/** Two calendar days as a range ("3 Feb – 5 Apr 2008"). */
export function formatDayRange(first: string, last: string, lang: Lang): string {
  const a = new Date(`${first}T00:00:00Z`);
  const b = new Date(`${last}T00:00:00Z`);
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return `${first} – ${last}`;
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).formatRange(a, b);
}

/** A whole number or decimal in the reader's locale (1,234 / 1.234). */
export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang).format(n);
}

/** Picks the `.one` or `.other` form of a message by the language's plural rules ("1 ballot", "2 ballots"). */
export function pluralKey(base: string, count: number, lang: Lang): MessageKey {
  return `${base}.${new Intl.PluralRules(lang).select(count) === 'one' ? 'one' : 'other'}` as MessageKey;
}

export function formatPercent(numerator: number, denominator: number, lang: Lang): string {
  if (denominator === 0) return '—';
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(numerator / denominator);
}
