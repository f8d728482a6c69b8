// A yes/no ballot of protocol v1 composed from the crypto functions (the protocol package owns the
// real ballot format): two 0/1 ciphertexts with disjunctive proofs, the overall [1, 1] proof on their
// sum, and the credential's Schnorr signature over the ballot hash: 11 two-term verification equations.
// Parametrised by the group, so the bench verifies the same bytes on each backend.
import {
  type Ciphertext,
  type DisjunctiveProof,
  type Group,
  type GroupElement,
  type KeyPair,
  type Scalar,
  decodeChallengeResponse,
  decodeCiphertext,
  encodeChallengeResponse,
  encodeCiphertext,
  encrypt,
  hashItems,
  proveEncryptionIn,
  rangeValues,
  signMessage,
  sumCiphertexts,
  verifyEncryptionIn,
  verifySignature,
} from '../packages/crypto/src/index.ts';

export type WireBallot = {
  readonly choices: readonly { readonly ciphertext: Uint8Array; readonly proof: readonly Uint8Array[] }[];
  readonly overall: readonly Uint8Array[];
  readonly credential: Uint8Array;
  readonly signature: Uint8Array;
};

const OVERALL = rangeValues(1, 1); // exactly one of yes/no

function ballotHash(choices: WireBallot['choices'], overall: readonly Uint8Array[]): Uint8Array {
  const items: [string, Uint8Array][] = [];
  choices.forEach((c, i) => {
    items.push([`choice[${i}].ciphertext`, c.ciphertext]);
    c.proof.forEach((p, j) => items.push([`choice[${i}].proof[${j}]`, p]));
  });
  overall.forEach((p, j) => items.push([`overall[${j}]`, p]));
  return hashItems('ratify/bench/ballot', items);
}

/** Casting side: encrypts `vote` under `electionKey` and proves and signs it (constant-time paths). */
export function createBallot(
  g: Group,
  electionKey: GroupElement,
  credential: KeyPair,
  ctx: Uint8Array,
  vote: readonly [number, number],
): WireBallot {
  const F = g.scalars;
  const encs = vote.map((m) => ({ m, ...encrypt(g, electionKey, m) }));
  const choices = encs.map(({ m, ciphertext, randomness }) => ({
    ciphertext: encodeCiphertext(g, ciphertext),
    proof: proveEncryptionIn(
      g,
      { publicKey: electionKey, ciphertext, allowed: [0, 1] },
      m,
      randomness,
      ctx,
    ).map((p) => encodeChallengeResponse(g, p)),
  }));
  const total = sumCiphertexts(
    g,
    encs.map((e) => e.ciphertext),
  );
  const r: Scalar = encs.reduce((acc, e) => F.add(acc, e.randomness), F.zero);
  const overall = proveEncryptionIn(
    g,
    { publicKey: electionKey, ciphertext: total, allowed: OVERALL },
    vote[0] + vote[1],
    r,
    ctx,
  ).map((p) => encodeChallengeResponse(g, p));
  const signature = encodeChallengeResponse(
    g,
    signMessage(g, credential.secretKey, credential.publicKey, ballotHash(choices, overall), ctx),
  );
  return { choices, overall, credential: g.encodeElement(credential.publicKey), signature };
}

function decodeProof(g: Group, parts: readonly Uint8Array[]): DisjunctiveProof | undefined {
  const out = [];
  for (const p of parts) {
    const d = decodeChallengeResponse(g, p);
    if (!d.ok) return undefined;
    out.push(d.value);
  }
  return out;
}

/** Verifying side: decodes everything from bytes and checks the 11 equations. */
export function checkBallot(g: Group, electionKey: GroupElement, ctx: Uint8Array, b: WireBallot): boolean {
  const credentialKey = g.decodeElement(b.credential);
  if (!credentialKey.ok) return false;
  const cts: Ciphertext[] = [];
  for (const c of b.choices) {
    const ct = decodeCiphertext(g, c.ciphertext);
    const proof = decodeProof(g, c.proof);
    if (
      !ct.ok ||
      !proof ||
      !verifyEncryptionIn(g, { publicKey: electionKey, ciphertext: ct.value, allowed: [0, 1] }, proof, ctx)
    )
      return false;
    cts.push(ct.value);
  }
  const overall = decodeProof(g, b.overall);
  if (
    !overall ||
    !verifyEncryptionIn(
      g,
      { publicKey: electionKey, ciphertext: sumCiphertexts(g, cts), allowed: OVERALL },
      overall,
      ctx,
    )
  )
    return false;
  const signature = decodeChallengeResponse(g, b.signature);
  return (
    signature.ok &&
    verifySignature(g, credentialKey.value, ballotHash(b.choices, b.overall), signature.value, ctx)
  );
}
