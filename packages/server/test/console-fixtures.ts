// Builders for the admin console tests: staff clients (trustees sign in with a password; the
// administrator side uses the ops token), a roll CSV, a vote definition form, and a trustee's
// browser running the key ceremony and the tally step through the relay routes only.
import {
  type CommitmentsMessage,
  type RandomSource,
  type ThresholdParameters,
  type TrusteeEncryptionKey,
  type TrusteeKey,
  type TrusteePolynomial,
  collectShares,
  createKeyConfirmation,
  createPartialDecryption,
  createShares,
  createTrusteeCommitments,
  deriveTrusteeKey,
  fromHex,
  generateTrusteeEncryptionKey,
  ristretto255,
} from '@ratify/crypto';
import { createStaffAccount, flattenTally } from '@ratify/engine';
import { encodeCeremonyMessage, encodePartialDecryption, parseWireCeremonyMessage, parseWireEncryptedTally } from '@ratify/protocol';
import type { RatifyClient } from '../src/client.ts';
import type { TestServer } from './fixtures.ts';

export const STAFF_PASSWORD = 'a long enough staff password';
const group = ristretto255;

export async function trusteeClient(server: TestServer, username: string): Promise<RatifyClient> {
  const created = await createStaffAccount(server.engine.store, { username, password: STAFF_PASSWORD, role: 'trustee', secretKey: null });
  if (!created.ok) throw new Error(created.error);
  const client = server.client();
  const login = await client.staff.login(username, STAFF_PASSWORD);
  if (!login.ok) throw new Error(login.error.code);
  return client;
}

export function rollCsv(rows: readonly (readonly [number: string, name: string, email: string, goodStanding: boolean, unit: string])[]): string {
  return ['member_number,name,email,good_standing,unit', ...rows.map(([n, name, email, g, unit]) => `${n},${name},${email},${g ? 'yes' : 'no'},${unit}`)].join('\n') + '\n';
}

export function definitionForm(overrides: Record<string, unknown> = {}) {
  return {
    voteId: 'local-9-2027',
    title: 'Ratify the 2027 agreement',
    unionId: 'local-9',
    recordDate: '2026-11-10',
    schedule: { opensAt: '2026-11-11T09:00:00Z', closesAt: '2026-11-12T17:00:00Z' },
    questions: [
      {
        id: 'q1', kind: 'yes_no', text: 'Do you ratify the tentative agreement?', options: ['yes', 'no'], min: 1, max: 1, blankAllowed: false,
        rule: { kind: 'supermajority', threshold: { numerator: 2, denominator: 3 }, blankPolicy: 'excluded', turnoutFloor: { numerator: 1, denominator: 2 } },
      },
    ],
    information: {
      summary: 'A 4% raise each year for three years.',
      statements: [
        { side: 'for', author: 'Bargaining committee', text: 'The best offer in a decade.' },
        { side: 'against', author: 'Rank and file caucus', text: 'It does not keep up with inflation.' },
      ],
    },
    trustees: {
      threshold: 2,
      members: [
        { id: 'trustee-a', name: 'Ana', account: 'ana' },
        { id: 'trustee-b', name: 'Ben', account: 'ben' },
        { id: 'trustee-c', name: 'Cyd', account: 'cyd' },
      ],
    },
    ...overrides,
  };
}

/** One trustee's device: its secrets never leave this object; only messages go to the server. */
export class TrusteeDevice {
  readonly encryptionKey: TrusteeEncryptionKey;
  polynomial: TrusteePolynomial | undefined;
  key: TrusteeKey | undefined;
  parameters: ThresholdParameters | undefined;
  index = 0;

  constructor(
    readonly client: RatifyClient,
    readonly rng: RandomSource,
  ) {
    this.encryptionKey = generateTrusteeEncryptionKey(group, rng);
  }

  async load(draftId: string): Promise<void> {
    const status = await this.client.call('trusteeCeremony', { params: { id: draftId } });
    if (!status.ok) throw new Error(status.error.code);
    this.index = status.value.you!;
    this.parameters = { context: fromHex(status.value.context)!, threshold: status.value.threshold, trusteeCount: status.value.trusteeCount };
  }

  async messages(draftId: string) {
    const r = await this.client.call('trusteeCeremonyMessages', { params: { id: draftId } });
    if (!r.ok) throw new Error(r.error.code);
    return r.value.messages.map((m) => {
      const parsed = parseWireCeremonyMessage(group, m.message);
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.value;
    });
  }

  post(draftId: string, text: string) {
    return this.client.call('trusteePostCeremonyMessage', { params: { id: draftId }, text });
  }

  commitmentsText(): string {
    const round1 = createTrusteeCommitments(group, this.parameters!, this.index, this.encryptionKey, this.rng);
    this.polynomial = round1.polynomial;
    return encodeCeremonyMessage(group, round1.message);
  }

  async sharesText(draftId: string): Promise<string> {
    const commitments = (await this.messages(draftId)).filter((m): m is CommitmentsMessage => m.kind === 'commitments');
    return encodeCeremonyMessage(group, createShares(group, this.parameters!, this.polynomial!, commitments, this.rng).message);
  }

  async confirmationText(draftId: string): Promise<string> {
    const all = await this.messages(draftId);
    const { shares, complaints } = collectShares(group, this.parameters!, this.index, this.encryptionKey, all);
    if (complaints.length > 0) throw new Error(`trustee ${this.index} complains`);
    const commitments = all.filter((m): m is CommitmentsMessage => m.kind === 'commitments');
    const key = deriveTrusteeKey(group, this.parameters!, this.polynomial!, shares, commitments);
    if (!key.ok) throw new Error(key.error);
    this.key = key.value;
    return encodeCeremonyMessage(group, createKeyConfirmation(group, this.parameters!, key.value, this.rng));
  }

  /** After the close: read the tally through the server and decrypt this trustee's share of it. */
  async partialDecryptionText(voteId: string, context?: Uint8Array): Promise<string> {
    const t = await this.client.call('trusteeTally', { params: { id: voteId } });
    if (!t.ok) throw new Error(t.error.code);
    const tally = parseWireEncryptedTally(group, t.value.tally);
    if (!tally.ok) throw new Error(tally.error);
    // `context` other than the fingerprint: a proof bound to the wrong election (tests of refusals).
    const partial = createPartialDecryption(group, this.key!, flattenTally(tally.value), context ?? fromHex(t.value.fingerprint)!, this.rng);
    return encodePartialDecryption(group, partial);
  }
}
