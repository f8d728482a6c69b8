// Plain text that people write and others read (display names, roles, titles, statements, reasons)
// and text the server echoes in error messages: no control characters, no bidirectional overrides or
// isolates (U+202A–U+202E, U+2066–U+2069, marks U+200E, U+200F, U+061C), no lone surrogates. Such
// characters can hide or reorder what a reader sees ("Trojan Source", CVE-2021-42574) or corrupt
// logs and terminals. HTML-looking text is allowed: pages render it as text, never as markup.
// Browser-safe (zod only).
import { z } from 'zod';

// These patterns exist to find control characters (no-control-regex is what they enforce elsewhere).
/* eslint-disable no-control-regex */
/** C0 controls except TAB and LF, DEL, C1 controls, bidi embeddings/overrides/isolates/marks, BOM, U+2028/2029. */
const UNSAFE_IN_PARAGRAPH = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/u;
/** The same, and TAB and LF too: one line of text. */
const UNSAFE_IN_LINE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/u;
const UNSAFE_ANYWHERE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */

export type PlainTextProblem = 'control_character' | 'bidi_control' | 'lone_surrogate';

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** Why `text` is not plain text of its kind, or null if it is. */
export function plainTextProblem(text: string, kind: 'line' | 'paragraph'): PlainTextProblem | null {
  if (LONE_SURROGATE.test(text)) return 'lone_surrogate';
  if (BIDI.test(text)) return 'bidi_control';
  return (kind === 'line' ? UNSAFE_IN_LINE : UNSAFE_IN_PARAGRAPH).test(text) ? 'control_character' : null;
}

const PROBLEM_MESSAGES: { readonly [P in PlainTextProblem]: string } = {
  control_character: 'control characters are not allowed',
  bidi_control: 'text-direction control characters (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) are not allowed',
  lone_surrogate: 'the text is not valid Unicode',
};

/** Plain text of one kind, trimmed, 1..max characters, refused with the problem in words. */
function plainText(kind: 'line' | 'paragraph', max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .superRefine((value, ctx) => {
      const problem = plainTextProblem(value, kind);
      if (problem === null) return;
      const message = kind === 'line' && problem === 'control_character' ? 'one line only, without control characters' : PROBLEM_MESSAGES[problem];
      ctx.addIssue({ code: 'custom', message });
    });
}

/** One line of plain text, trimmed, 1..max characters. */
export const plainLine = (max: number) => plainText('line', max);

/** Paragraphs of plain text (line breaks and tabs allowed), trimmed, 1..max characters. */
export const plainParagraph = (max: number) => plainText('paragraph', max);

/** Text safe to echo (error messages, logs): every unsafe character and lone surrogate becomes U+FFFD. */
export function echoSafe(text: string): string {
  return text.replace(LONE_SURROGATES, '\uFFFD').replace(UNSAFE_ANYWHERE, '\uFFFD');
}
