// Channels in the manifest (protocol §M8): optional and additive (a manifest without them keeps its
// bytes and fingerprint), inside the fingerprint, strictly checked, and described in words (en/es).
import { describe, expect, it } from 'vitest';
import { unwrap } from '@ratify/crypto';
import { channelsOf, createManifest, describeChannels, electionFingerprintHex, parseWireManifest, toWireManifest, type Channels } from '../src/index.ts';
import { aftraDraft, aftraManifest } from './manifest-fixtures.ts';

const withChannels = (channels: unknown) => ({ ...aftraDraft, channels }) as typeof aftraDraft;
const mixed: Channels = { accepted: ['online', 'mail'], precedence: 'first_received' };

describe('manifest channels', () => {
  it('is optional: a manifest without it is online only and unchanged', () => {
    const m = aftraManifest();
    expect(toWireManifest(m)).not.toContain('channels');
    expect(channelsOf(m)).toEqual({ accepted: ['online'] });
  });

  it('is in the fingerprint: each rule gives another fingerprint, and it parses back', () => {
    const plain = electionFingerprintHex(aftraManifest());
    const first = unwrap(createManifest(withChannels(mixed)));
    const online = unwrap(createManifest(withChannels({ accepted: ['online', 'mail'], precedence: 'online_counts' })));
    const prints = new Set([plain, electionFingerprintHex(first), electionFingerprintHex(online)]);
    expect(prints.size).toBe(3);
    expect(unwrap(parseWireManifest(toWireManifest(first))).channels).toEqual(mixed);
  });

  it.each([
    [{ accepted: ['mail', 'online'], precedence: 'first_received' }, 'channels_invalid'],
    [{ accepted: ['online', 'online'] }, 'channels_invalid'],
    [{ accepted: ['online', 'mail'] }, 'channels_invalid'],
    [{ accepted: ['mail'], precedence: 'first_received' }, 'channels_invalid'],
    [{ accepted: [] }, 'schema_mismatch'],
    [{ accepted: ['fax'] }, 'schema_mismatch'],
    [{ accepted: ['online', 'mail'], precedence: 'last_received' }, 'schema_mismatch'],
    [{ accepted: ['online'], extra: 1 }, 'schema_mismatch'],
  ])('refuses %j (%s)', (channels, code) => {
    const text = toWireManifest(aftraManifest()).replace(/}$/, `,"channels":${JSON.stringify(channels)}}`);
    // Re-canonicalise: keys sorted, so "channels" sits where canonical order puts it.
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(text) as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))));
    const parsed = parseWireManifest(reordered);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toBe(code);
  });

  it('says the rule in words, in English and Spanish', () => {
    expect(describeChannels(mixed, 'en')).toContain('the ballot received first counts');
    expect(describeChannels({ accepted: ['online', 'mail'], precedence: 'online_counts' }, 'en')).toContain('your online ballot counts');
    expect(describeChannels(mixed, 'es')).toContain('cuenta la papeleta recibida primero');
    expect(describeChannels({ accepted: ['online'] }, 'es')).toBe('Se vota solo en línea.');
    expect(describeChannels({ accepted: ['mail'] }, 'en')).toBe('Ballots are cast by mail only.');
  });
});
