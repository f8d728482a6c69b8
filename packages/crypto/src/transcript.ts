// The one Fiat–Shamir transcript (docs/protocol.md §3). Every challenge in Ratify is computed here:
//   H = SHA-512( item("protocol", "ratify/v2") || item("group", <group name>) || item("domain", <proof type tag>)
//                || item(label_i, data_i)... )
//   item(label, data) = u32be(len(label)) || label || u32be(len(data)) || data
//   challenge = H(... || item("challenge", label)) as 64 bytes little-endian, reduced mod ℓ (wide reduction).
// Labelled and length-prefixed, never separator-joined, so no two distinct transcripts collide.
// Callers add the election fingerprint (context), the full statement and all commitments.
import { sha512 } from '@noble/hashes/sha2.js';
import { concatBytes, u32be, u64be, utf8 } from './bytes.ts';
import type { Group, GroupElement } from './group.ts';
import type { Scalar } from './scalar.ts';

export const PROTOCOL_VERSION = 'ratify/v2';

// u32be(len(label)) || label, per label: labels repeat across every proof, and encoding them anew
// was a measurable share of verification time. Bounded (labels come from code, not from input).
const itemHeaders = new Map<string, Uint8Array>();
function itemHeader(label: string): Uint8Array {
  let header = itemHeaders.get(label);
  if (!header) {
    const l = utf8(label);
    header = concatBytes(u32be(l.length), l);
    if (itemHeaders.size < 4096) itemHeaders.set(label, header);
  }
  return header;
}

export class Transcript {
  private readonly hash = sha512.create();

  constructor(
    private readonly group: Group,
    domain: string,
  ) {
    this.appendBytes('protocol', utf8(PROTOCOL_VERSION));
    this.appendBytes('group', utf8(group.name));
    this.appendBytes('domain', utf8(domain));
  }

  appendBytes(label: string, data: Uint8Array): this {
    this.hash.update(itemHeader(label));
    this.hash.update(u32be(data.length));
    this.hash.update(data);
    return this;
  }

  appendElement(label: string, element: GroupElement): this {
    return this.appendBytes(label, this.group.encodeElement(element));
  }

  appendElements(label: string, elements: readonly GroupElement[]): this {
    this.appendBytes(label, u64be(elements.length));
    elements.forEach((e, i) => this.appendElement(`${label}[${i}]`, e));
    return this;
  }

  appendScalar(label: string, scalar: Scalar): this {
    return this.appendBytes(label, this.group.scalars.encode(scalar));
  }

  appendUint(label: string, value: bigint | number): this {
    return this.appendBytes(label, u64be(value));
  }

  appendString(label: string, value: string): this {
    return this.appendBytes(label, utf8(value));
  }

  /** Finalises the transcript into a challenge scalar (wide reduction). A transcript is used once. */
  challenge(label = 'challenge'): Scalar {
    this.appendBytes('challenge', utf8(label));
    return this.group.scalars.fromWideBytes(this.hash.digest());
  }
}

/** SHA-512 of labelled, length-prefixed items, for non-challenge hashes (fingerprints, tracking codes). */
export function hashItems(domain: string, items: readonly (readonly [string, Uint8Array])[]): Uint8Array {
  const h = sha512.create();
  const push = (label: string, data: Uint8Array) => {
    h.update(itemHeader(label));
    h.update(u32be(data.length));
    h.update(data);
  };
  push('protocol', utf8(PROTOCOL_VERSION));
  push('domain', utf8(domain));
  for (const [label, data] of items) push(label, data);
  return h.digest();
}
