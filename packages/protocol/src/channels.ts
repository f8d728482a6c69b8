// The channels a vote accepts ballots through (docs/protocol.md §M8): online (the encrypted ballots
// of this protocol) and mail (paper ballots in envelopes, counted by hand and entered as batch
// totals), and the precedence rule for a member who uses both. Part of the manifest, so of the
// fingerprint: the rule cannot change after the vote is created. A manifest without `channels` is
// online only (and keeps its bytes). Pure: no I/O. Must not decide an envelope (that is the engine's,
// with this rule).
import { err, ok, type Result } from '@ratify/crypto';
import { z } from 'zod';
import type { Language } from './rules.ts';

export type Channel = 'online' | 'mail';
/**
 * - `first_received`: whichever of a member's ballots arrives first counts. An envelope from a member
 *   who has voted online is set aside; an online ballot from a member whose envelope was accepted is
 *   refused.
 * - `online_counts`: the member's online ballot counts. An envelope from a member who has voted online
 *   is set aside; an online ballot from a member whose envelope was accepted is accepted, and that
 *   envelope is withdrawn (set aside, unopened) in the same transaction.
 */
export type Precedence = 'first_received' | 'online_counts';
export type Channels = { readonly accepted: readonly Channel[]; readonly precedence?: Precedence };

export const CHANNEL_ORDER: readonly Channel[] = ['online', 'mail'];
export const channelsSchema: z.ZodType<Channels> = z.strictObject({
  accepted: z.array(z.enum(['online', 'mail'])).min(1).max(2),
  precedence: z.enum(['first_received', 'online_counts']).exactOptional(),
});

export type ChannelsError = 'channels_invalid';

/** Channels in the order online, mail, each once; a precedence rule exactly when there are two. */
export function checkChannels(c: Channels): Result<Channels, ChannelsError> {
  const ordered = CHANNEL_ORDER.filter((k) => c.accepted.includes(k));
  if (ordered.length !== c.accepted.length || ordered.some((k, i) => c.accepted[i] !== k))
    return err('channels_invalid', 'channels.accepted must list online and/or mail, each once, in that order');
  if ((c.accepted.length === 2) !== (c.precedence !== undefined))
    return err('channels_invalid', 'channels.precedence is required with two channels and absent with one');
  return ok(c);
}

/** The channels of a manifest, online only when it declares none. */
export function channelsOf(m: { readonly channels?: Channels }): Channels {
  return m.channels ?? { accepted: ['online'] };
}

/** The channels and the precedence rule in plain words, for the vote page, the booth and the report. */
export function describeChannels(c: Channels, lang: Language): string {
  const en = lang === 'en';
  const both = c.accepted.length === 2;
  if (!both) {
    return c.accepted[0] === 'mail'
      ? en ? 'Ballots are cast by mail only.' : 'Se vota solo por correo.'
      : en ? 'Ballots are cast online only.' : 'Se vota solo en línea.';
  }
  const intro = en ? 'You may vote online or by mail; one ballot per member counts.' : 'Puede votar en línea o por correo; cuenta una sola papeleta por miembro.';
  const rule =
    c.precedence === 'online_counts'
      ? en
        ? 'If you do both, your online ballot counts and your mail envelope is set aside unopened.'
        : 'Si hace ambas cosas, cuenta su voto en línea y su sobre de correo se aparta sin abrir.'
      : en
        ? 'If you do both, the ballot received first counts: a later envelope is set aside unopened, and once your envelope is accepted you cannot vote online.'
        : 'Si hace ambas cosas, cuenta la papeleta recibida primero: un sobre posterior se aparta sin abrir y, una vez aceptado su sobre, ya no puede votar en línea.';
  return `${intro} ${rule}`;
}
