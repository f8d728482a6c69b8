/* Scalars (integers mod ℓ = 2^252 + 27742317777372353535851937790883648493, RFC 9496 §4) as four
 * little-endian 64-bit words, and their recodings for the multiplication algorithms:
 *   - signed radix 16 (64 digits in [-8, 8]), computed in constant time, for the constant-time ladders
 *     (the recoding of ref10 / libsodium's ge25519_scalarmult, learned from);
 *   - width-w non-adjacent form (wNAF, at most one non-zero digit in any w consecutive ones, odd
 *     digits in (-2^(w-1), 2^(w-1))), variable time, for Straus' interleaved method;
 *   - signed radix 2^c (digits in [-2^(c-1), 2^(c-1)]), variable time, for Pippenger's buckets.
 * Arithmetic on scalars (add, mul, inverse) stays in TypeScript; this file only recodes. */
#ifndef RATIFY_SCALAR_H
#define RATIFY_SCALAR_H

#include <stdint.h>
#include <string.h>

typedef struct { uint64_t w[4]; } scalar;

/* ℓ, little-endian words. */
static const uint64_t SCALAR_L[4] = {0x5812631a5cf5d3edULL, 0x14def9dea2f79cd6ULL, 0, 0x1000000000000000ULL};

/* 1 iff s < ℓ, i.e. iff s − ℓ borrows. Scalars arrive from JavaScript, where the Scalar type is already
 * < ℓ; checking again here keeps every recoding below within its documented bounds (all of them need
 * s < 2^253). Constant time: secret scalars pass through here too. */
static inline int scalar_is_canonical(const scalar *s) {
  uint64_t borrow = 0;
  for (int i = 0; i < 4; i++) {
    const unsigned __int128 d = (unsigned __int128)s->w[i] - SCALAR_L[i] - borrow;
    borrow = (uint64_t)(d >> 127); /* 1 iff the subtraction wrapped */
  }
  return (int)borrow;
}

static inline int scalar_is_zero(const scalar *s) { return (s->w[0] | s->w[1] | s->w[2] | s->w[3]) == 0; }

/* Signed radix 16: s = Σ e[i]·16^i with e[i] ∈ [-8, 8], branch-free (s < 2^255 needed; s < ℓ here). */
static inline void scalar_radix16(int8_t e[64], const scalar *s) {
  for (int i = 0; i < 32; i++) {
    const uint8_t byte = (uint8_t)(s->w[i / 8] >> (8 * (i % 8)));
    e[2 * i] = (int8_t)(byte & 15);
    e[2 * i + 1] = (int8_t)(byte >> 4);
  }
  int8_t carry = 0;
  for (int i = 0; i < 63; i++) {
    e[i] = (int8_t)(e[i] + carry);
    carry = (int8_t)((e[i] + 8) >> 4);
    e[i] = (int8_t)(e[i] - (carry << 4));
  }
  e[63] = (int8_t)(e[63] + carry);
}

/* Width-w NAF (2 ≤ w ≤ 8) into naf[0..255]. Variable time: public scalars only. Standard left-to-right
 * window scan with a carry (as in curve25519-dalek's Scalar::non_adjacent_form, learned from). */
static inline void scalar_wnaf(int8_t naf[256], const scalar *s, int w) {
  uint64_t x[5] = {s->w[0], s->w[1], s->w[2], s->w[3], 0};
  const uint64_t width = (uint64_t)1 << w, mask = width - 1;
  memset(naf, 0, 256);
  uint64_t carry = 0;
  int pos = 0;
  while (pos < 256) {
    const int idx = pos / 64, bit = pos % 64;
    uint64_t buf;
    if (bit < 64 - w) buf = x[idx] >> bit;
    else buf = (x[idx] >> bit) | (x[idx + 1] << (64 - bit));
    const uint64_t window = carry + (buf & mask);
    if ((window & 1) == 0) {
      pos += 1;
      continue;
    }
    if (window < width / 2) {
      carry = 0;
      naf[pos] = (int8_t)window;
    } else {
      carry = 1;
      naf[pos] = (int8_t)((int64_t)window - (int64_t)width);
    }
    pos += w;
  }
}

/* Number of signed radix-2^c digits needed for scalars < 2^253 (one more for the final carry). */
static inline int scalar_radix2c_count(int c) { return (253 + c - 1) / c + 1; }

/* Signed radix 2^c (1 ≤ c ≤ 15): s = Σ d[i]·2^(c·i), d[i] ∈ [-2^(c-1), 2^(c-1)]. Variable time. */
static inline void scalar_radix2c(int16_t *d, const scalar *s, int c) {
  const int count = scalar_radix2c_count(c);
  const uint64_t x[5] = {s->w[0], s->w[1], s->w[2], s->w[3], 0};
  const int64_t radix = (int64_t)1 << c, half = radix / 2;
  int64_t carry = 0;
  for (int i = 0; i < count; i++) {
    const int pos = i * c, idx = pos / 64, bit = pos % 64;
    uint64_t buf = idx < 4 ? x[idx] >> bit : 0;
    if (bit != 0 && idx < 4) buf |= x[idx + 1] << (64 - bit);
    int64_t v = carry + (int64_t)(buf & (uint64_t)(radix - 1));
    carry = (v + half) >> c; /* 1 iff v ≥ half (v ≤ radix) */
    d[i] = (int16_t)(v - (carry << c));
  }
}

#endif
