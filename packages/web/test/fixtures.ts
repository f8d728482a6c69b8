// Test builders: a small valid manifest (one trustee, key from a seeded scalar), credentials and the
// canonical manifest text the server would send. Deterministic, never for production.
import { ristretto255, seededRandom, toHex, unwrap } from '@ratify/crypto';
import {
  createManifest,
  electionFingerprintHex,
  formatPrivateCredential,
  generatePrivateCredential,
  toWireManifest,
  type Manifest,
  type ManifestDraft,
} from '@ratify/protocol';

export const group = ristretto255;

export function testManifest(overrides: Partial<ManifestDraft> = {}): Manifest {
  const rng = seededRandom(`web-test-key-${overrides.voteId ?? 'strike-2008'}`);
  const secret = group.scalars.randomNonZero(rng);
  const key = toHex(group.encodeElement(group.baseMultiply(secret)));
  return unwrap(
    createManifest({
      voteId: 'strike-2008',
      electionId: 'e1ec7102e1ec7102e1ec7102e1ec7102',
      credentialAuthority: { mode: 'offline', publicKey: toHex(group.encodeElement(group.baseMultiply(group.scalars.randomNonZero(rng)))) },
      title: 'Strike authorization',
      unionId: 'sag',
      unionName: 'Screen Actors Guild',
      recordDate: '2008-05-01',
      schedule: { opensAt: '2008-06-01T15:00:00Z', closesAt: '2008-06-08T15:00:00Z' },
      questions: [
        {
          id: 'authorize',
          kind: 'yes_no',
          text: 'Do you authorize a strike?',
          options: ['yes', 'no'],
          min: 1,
          max: 1,
          blankAllowed: false,
          rule: { kind: 'supermajority', threshold: { numerator: 3, denominator: 4 }, blankPolicy: 'excluded' },
        },
      ],
      trustees: { threshold: 1, members: [{ id: 't1', name: 'Trustee One', commitments: [key] }] },
      jointPublicKey: key,
      eligibleCount: 12,
      information: {
        summary: 'The offer raises minimums by 3%.',
        statements: [
          { side: 'for', author: 'Vote Yes committee', text: 'Authorize.' },
          { side: 'against', author: 'Vote No committee', text: 'Do not.' },
        ],
      },
      ...overrides,
    }),
  );
}

export function wireOf(manifest: Manifest): { readonly manifest: string; readonly fingerprint: string } {
  return { manifest: toWireManifest(manifest), fingerprint: electionFingerprintHex(manifest) };
}

export function testCredential(seed = 'web-test-credential'): string {
  return formatPrivateCredential(generatePrivateCredential(seededRandom(seed)));
}
