/* Arithmetic in GF(p), p = 2^255 - 19, in radix 2^51 (five unsigned 64-bit limbs, 128-bit products).
 * The representation and bounds follow the well-known "donna64" / curve25519-dalek u64 backend design
 * (learned from, not copied): limbs are "weakly reduced" (< 2^51 + 2^13) after mul, sq and sub;
 * add does not carry, so a sum of two weakly reduced elements (< 2^52.1) may feed mul/sq directly,
 * which accept limbs < 2^54 (the 128-bit column sums and carries then fit, see field_mul).
 * Every function here is constant time (no secret-dependent branches or memory indices); the
 * variable-time shortcuts of this addon live in msm.h and only ever see public data.
 * Must not: allocate, touch N-API, or know about points. */
#ifndef RATIFY_FIELD_H
#define RATIFY_FIELD_H

#include <stdint.h>
#include <string.h>

typedef uint64_t fe[5];
typedef unsigned __int128 u128;

#define FE_MASK51 ((uint64_t)0x7ffffffffffffULL)

/* Optimisation barrier: hides a value from the compiler so mask arithmetic is not turned back into
 * a branch (the "value barrier" used by BoringSSL and libsodium's optblocker). */
static inline uint64_t ct_barrier(uint64_t v) {
  __asm__("" : "+r"(v) : :);
  return v;
}

/* RFC 9496 §4.1 constants (also RFC 8032 §5.1), as radix-2^51 limbs of their canonical values:
 * d = 37095705934669439343138083508754565189542113879843219016388785533085940283555 (= -121665/121666),
 * SQRT_M1 = 19681161376707505956807079304988542015446066515923890162744021073123829784752,
 * INVSQRT_A_MINUS_D = 54469307008909316920995813868745141605393597292927456921205312896311721017578.
 * Checked against their definitions when computed (d·121666 = -121665, SQRT_M1² = -1,
 * INVSQRT_A_MINUS_D²·(a-d) = 1 with a = -1) and, end to end, by the RFC 9496 Appendix A vectors. */
static const fe FE_D = {0x34dca135978a3ULL, 0x1a8283b156ebdULL, 0x5e7a26001c029ULL, 0x739c663a03cbbULL, 0x52036cee2b6ffULL};
static const fe FE_D2 = {0x69b9426b2f159ULL, 0x35050762add7aULL, 0x3cf44c0038052ULL, 0x6738cc7407977ULL, 0x2406d9dc56dffULL};
static const fe FE_SQRT_M1 = {0x61b274a0ea0b0ULL, 0x0d5a5fc8f189dULL, 0x7ef5e9cbd0c60ULL, 0x78595a6804c9eULL, 0x2b8324804fc1dULL};
static const fe FE_INVSQRT_A_MINUS_D = {0x0fdaa805d40eaULL, 0x2eb482e57d339ULL, 0x007610274bc58ULL, 0x6510b613dc8ffULL, 0x786c8905cfaffULL};

static inline void fe_copy(fe h, const fe f) { memcpy(h, f, sizeof(fe)); }
static inline void fe_zero(fe h) { h[0] = h[1] = h[2] = h[3] = h[4] = 0; }
static inline void fe_one(fe h) { h[0] = 1; h[1] = h[2] = h[3] = h[4] = 0; }

/* Carries each limb into the next (the top one into limb 0 times 19, as 2^255 = 19 mod p). */
static inline void fe_weak_reduce(fe h) {
  const uint64_t c0 = h[0] >> 51, c1 = h[1] >> 51, c2 = h[2] >> 51, c3 = h[3] >> 51, c4 = h[4] >> 51;
  h[0] = (h[0] & FE_MASK51) + c4 * 19;
  h[1] = (h[1] & FE_MASK51) + c0;
  h[2] = (h[2] & FE_MASK51) + c1;
  h[3] = (h[3] & FE_MASK51) + c2;
  h[4] = (h[4] & FE_MASK51) + c3;
}

/* h = f + g, no carry: only for weakly reduced inputs whose sum then goes to mul/sq/sub. */
static inline void fe_add(fe h, const fe f, const fe g) {
  for (int i = 0; i < 5; i++) h[i] = f[i] + g[i];
}

/* h = f - g: adds 16p first so no limb underflows (g's limbs must be < 2^55), then carries. */
static inline void fe_sub(fe h, const fe f, const fe g) {
  h[0] = f[0] + 0x7ffffffffffed0ULL - g[0];  /* 16·(2^51 - 19) */
  h[1] = f[1] + 0x7ffffffffffff0ULL - g[1];  /* 16·(2^51 - 1) */
  h[2] = f[2] + 0x7ffffffffffff0ULL - g[2];  /* 16·(2^51 - 1) */
  h[3] = f[3] + 0x7ffffffffffff0ULL - g[3];  /* 16·(2^51 - 1) */
  h[4] = f[4] + 0x7ffffffffffff0ULL - g[4];  /* 16·(2^51 - 1) */
  fe_weak_reduce(h);
}

static inline void fe_neg(fe h, const fe f) {
  static const fe zero = {0, 0, 0, 0, 0};
  fe_sub(h, zero, f);
}

/* h = f·g. Inputs: limbs < 2^54. Output: weakly reduced. Schoolbook 5×5 with the wrap-around terms
 * multiplied by 19 (2^255 = 19 mod p); each column is < 2^115, its carry < 2^64. */
static inline void fe_mul(fe h, const fe f, const fe g) {
  const uint64_t g1_19 = g[1] * 19, g2_19 = g[2] * 19, g3_19 = g[3] * 19, g4_19 = g[4] * 19;
  u128 c0 = (u128)f[0] * g[0] + (u128)f[4] * g1_19 + (u128)f[3] * g2_19 + (u128)f[2] * g3_19 + (u128)f[1] * g4_19;
  u128 c1 = (u128)f[1] * g[0] + (u128)f[0] * g[1] + (u128)f[4] * g2_19 + (u128)f[3] * g3_19 + (u128)f[2] * g4_19;
  u128 c2 = (u128)f[2] * g[0] + (u128)f[1] * g[1] + (u128)f[0] * g[2] + (u128)f[4] * g3_19 + (u128)f[3] * g4_19;
  u128 c3 = (u128)f[3] * g[0] + (u128)f[2] * g[1] + (u128)f[1] * g[2] + (u128)f[0] * g[3] + (u128)f[4] * g4_19;
  u128 c4 = (u128)f[4] * g[0] + (u128)f[3] * g[1] + (u128)f[2] * g[2] + (u128)f[1] * g[3] + (u128)f[0] * g[4];
  c1 += (uint64_t)(c0 >> 51);
  h[0] = (uint64_t)c0 & FE_MASK51;
  c2 += (uint64_t)(c1 >> 51);
  h[1] = (uint64_t)c1 & FE_MASK51;
  c3 += (uint64_t)(c2 >> 51);
  h[2] = (uint64_t)c2 & FE_MASK51;
  c4 += (uint64_t)(c3 >> 51);
  h[3] = (uint64_t)c3 & FE_MASK51;
  const uint64_t carry = (uint64_t)(c4 >> 51);
  h[4] = (uint64_t)c4 & FE_MASK51;
  h[0] += carry * 19;
  h[1] += h[0] >> 51;
  h[0] &= FE_MASK51;
}

/* h = f^(2^k), k ≥ 1: repeated squaring with the symmetric products shared (same bounds as fe_mul). */
static inline void fe_sqn(fe h, const fe f, int k) {
  uint64_t a0 = f[0], a1 = f[1], a2 = f[2], a3 = f[3], a4 = f[4];
  do {
    const uint64_t a3_19 = a3 * 19, a4_19 = a4 * 19;
    const u128 c0 = (u128)a0 * a0 + 2 * ((u128)a1 * a4_19 + (u128)a2 * a3_19);
    u128 c1 = (u128)a3 * a3_19 + 2 * ((u128)a0 * a1 + (u128)a2 * a4_19);
    u128 c2 = (u128)a1 * a1 + 2 * ((u128)a0 * a2 + (u128)a4 * a3_19);
    u128 c3 = (u128)a4 * a4_19 + 2 * ((u128)a0 * a3 + (u128)a1 * a2);
    u128 c4 = (u128)a2 * a2 + 2 * ((u128)a0 * a4 + (u128)a1 * a3);
    c1 += (uint64_t)(c0 >> 51);
    a0 = (uint64_t)c0 & FE_MASK51;
    c2 += (uint64_t)(c1 >> 51);
    a1 = (uint64_t)c1 & FE_MASK51;
    c3 += (uint64_t)(c2 >> 51);
    a2 = (uint64_t)c2 & FE_MASK51;
    c4 += (uint64_t)(c3 >> 51);
    a3 = (uint64_t)c3 & FE_MASK51;
    const uint64_t carry = (uint64_t)(c4 >> 51);
    a4 = (uint64_t)c4 & FE_MASK51;
    a0 += carry * 19;
    a1 += a0 >> 51;
    a0 &= FE_MASK51;
  } while (--k > 0);
  h[0] = a0; h[1] = a1; h[2] = a2; h[3] = a3; h[4] = a4;
}

static inline void fe_sq(fe h, const fe f) { fe_sqn(h, f, 1); }

/* h = 2·f² (used by point doubling for 2·Z²). */
static inline void fe_sq2(fe h, const fe f) {
  fe t;
  fe_sq(t, f);
  fe_add(h, t, t);
}

/* Little-endian 32 bytes → element; bit 255 is ignored here (callers that must reject it check the
 * encoding first, see fe_is_canonical_bytes). The value may be in [p, 2^255): arithmetic is mod p. */
static inline void fe_frombytes(fe h, const uint8_t s[32]) {
  uint64_t w[4];
  for (int i = 0; i < 4; i++) {
    uint64_t v = 0;
    for (int j = 7; j >= 0; j--) v = (v << 8) | s[8 * i + j];
    w[i] = v;
  }
  h[0] = w[0] & FE_MASK51;
  h[1] = ((w[0] >> 51) | (w[1] << 13)) & FE_MASK51;
  h[2] = ((w[1] >> 38) | (w[2] << 26)) & FE_MASK51;
  h[3] = ((w[2] >> 25) | (w[3] << 39)) & FE_MASK51;
  h[4] = (w[3] >> 12) & FE_MASK51;
}

/* The canonical encoding: fully reduced into [0, p), little-endian. */
static inline void fe_tobytes(uint8_t s[32], const fe f) {
  fe t;
  fe_copy(t, f);
  fe_weak_reduce(t);
  /* t < 2p now; q = 1 iff t ≥ p, found by propagating the carry of t + 19 through all limbs. */
  uint64_t q = (t[0] + 19) >> 51;
  q = (t[1] + q) >> 51;
  q = (t[2] + q) >> 51;
  q = (t[3] + q) >> 51;
  q = (t[4] + q) >> 51;
  t[0] += 19 * q;
  t[1] += t[0] >> 51;
  t[0] &= FE_MASK51;
  t[2] += t[1] >> 51;
  t[1] &= FE_MASK51;
  t[3] += t[2] >> 51;
  t[2] &= FE_MASK51;
  t[4] += t[3] >> 51;
  t[3] &= FE_MASK51;
  t[4] &= FE_MASK51; /* drops 2^255·q: t - q·p */
  const uint64_t w[4] = {t[0] | (t[1] << 51), (t[1] >> 13) | (t[2] << 38), (t[2] >> 26) | (t[3] << 25),
                         (t[3] >> 39) | (t[4] << 12)};
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 8; j++) s[8 * i + j] = (uint8_t)(w[i] >> (8 * j));
}

/* RFC 9496 §4.3.1 step 1: the 32 bytes, read little-endian, are < p (so bit 255 is clear). Public data. */
static inline int fe_is_canonical_bytes(const uint8_t s[32]) {
  /* p = 0x7fff…ffed: the value is ≥ p iff bytes 1..30 are 0xff, byte 31 ≥ 0x7f and, when byte 31 is
   * exactly 0x7f, byte 0 ≥ 0xed; any byte 31 ≥ 0x80 is ≥ 2^255 > p. */
  if (s[31] & 0x80) return 0;
  if (s[31] != 0x7f) return 1;
  for (int i = 30; i > 0; i--)
    if (s[i] != 0xff) return 1;
  return s[0] < 0xed;
}

/* RFC 9496 §4.1 IS_NEGATIVE: the least significant bit of the canonical encoding. */
static inline int fe_is_negative(const fe f) {
  uint8_t s[32];
  fe_tobytes(s, f);
  return s[0] & 1;
}

static inline int fe_is_zero(const fe f) {
  uint8_t s[32];
  fe_tobytes(s, f);
  uint8_t acc = 0;
  for (int i = 0; i < 32; i++) acc |= s[i];
  return (int)(((uint32_t)acc - 1) >> 31); /* 1 iff acc == 0 */
}

/* CT_EQ of RFC 9496 §4.1, via the canonical encodings. */
static inline int fe_equal(const fe f, const fe g) {
  uint8_t a[32], b[32];
  fe_tobytes(a, f);
  fe_tobytes(b, g);
  uint8_t acc = 0;
  for (int i = 0; i < 32; i++) acc |= (uint8_t)(a[i] ^ b[i]);
  return (int)(((uint32_t)acc - 1) >> 31);
}

/* CT_SELECT: f ← g when b = 1, unchanged when b = 0 (b ∈ {0, 1}), without branching on b. */
static inline void fe_cmov(fe f, const fe g, uint64_t b) {
  const uint64_t mask = ct_barrier(0 - b);
  for (int i = 0; i < 5; i++) f[i] ^= mask & (f[i] ^ g[i]);
}

/* CT_NEG of RFC 9496 §4.1: f ← -f when b = 1. */
static inline void fe_cneg(fe f, uint64_t b) {
  fe m;
  fe_neg(m, f);
  fe_cmov(f, m, b);
}

/* CT_ABS of RFC 9496 §4.1: the non-negative one of ±f. */
static inline void fe_abs(fe h, const fe f) {
  fe_copy(h, f);
  fe_cneg(h, (uint64_t)fe_is_negative(f));
}

/* (z^(2^250 - 1), z^11): the shared prefix of the inversion and square-root exponent chains
 * (the standard addition chain of ref10 / curve25519-dalek's pow22501). */
static inline void fe_pow22501(fe t19, fe t3, const fe z) {
  fe t0, t1, t2, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15, t16, t17, t18;
  fe_sq(t0, z);           /* 2 */
  fe_sqn(t1, t0, 2);      /* 8 */
  fe_mul(t2, z, t1);      /* 9 */
  fe_mul(t3, t0, t2);     /* 11 */
  fe_sq(t4, t3);          /* 22 */
  fe_mul(t5, t2, t4);     /* 31 = 2^5 - 1 */
  fe_sqn(t6, t5, 5);      /* 2^10 - 2^5 */
  fe_mul(t7, t6, t5);     /* 2^10 - 1 */
  fe_sqn(t8, t7, 10);
  fe_mul(t9, t8, t7);     /* 2^20 - 1 */
  fe_sqn(t10, t9, 20);
  fe_mul(t11, t10, t9);   /* 2^40 - 1 */
  fe_sqn(t12, t11, 10);
  fe_mul(t13, t12, t7);   /* 2^50 - 1 */
  fe_sqn(t14, t13, 50);
  fe_mul(t15, t14, t13);  /* 2^100 - 1 */
  fe_sqn(t16, t15, 100);
  fe_mul(t17, t16, t15);  /* 2^200 - 1 */
  fe_sqn(t18, t17, 50);
  fe_mul(t19, t18, t13);  /* 2^250 - 1 */
}

/* h = z^(p-2) = 1/z (0 for z = 0), Fermat's little theorem. */
static inline void fe_invert(fe h, const fe z) {
  fe t19, t3, t20;
  fe_pow22501(t19, t3, z);
  fe_sqn(t20, t19, 5);    /* 2^255 - 2^5 */
  fe_mul(h, t20, t3);     /* 2^255 - 21 = p - 2 */
}

/* h = z^((p-5)/8) = z^(2^252 - 3), the exponent of RFC 9496 §4.2 SQRT_RATIO_M1. */
static inline void fe_pow_p58(fe h, const fe z) {
  fe t19, t3, t20;
  fe_pow22501(t19, t3, z);
  fe_sqn(t20, t19, 2);    /* 2^252 - 4 */
  fe_mul(h, t20, z);      /* 2^252 - 3 */
}

/* RFC 9496 §4.2 SQRT_RATIO_M1(u, v): returns was_square and sets r to the non-negative square root
 * of u/v if it exists, otherwise of SQRT_M1·u/v (constant time). */
static inline int fe_sqrt_ratio_m1(fe r, const fe u, const fe v) {
  fe v3, v7, uv3, uv7, check, u_neg, u_neg_i, r_prime;
  fe_sq(v3, v);
  fe_mul(v3, v3, v);          /* v^3 */
  fe_sq(v7, v3);
  fe_mul(v7, v7, v);          /* v^7 */
  fe_mul(uv3, u, v3);
  fe_mul(uv7, u, v7);
  fe_pow_p58(r, uv7);
  fe_mul(r, uv3, r);          /* r = (u·v^3)·(u·v^7)^((p-5)/8) */
  fe_sq(check, r);
  fe_mul(check, v, check);    /* check = v·r^2 */
  fe_neg(u_neg, u);
  fe_mul(u_neg_i, u_neg, FE_SQRT_M1);
  const int correct_sign_sqrt = fe_equal(check, u);
  const int flipped_sign_sqrt = fe_equal(check, u_neg);
  const int flipped_sign_sqrt_i = fe_equal(check, u_neg_i);
  fe_mul(r_prime, r, FE_SQRT_M1);
  fe_cmov(r, r_prime, (uint64_t)(flipped_sign_sqrt | flipped_sign_sqrt_i));
  fe_abs(r, r);
  return correct_sign_sqrt | flipped_sign_sqrt;
}

#endif
