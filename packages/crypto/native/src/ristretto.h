/* ristretto255 encoding, decoding and equality, exactly as RFC 9496 §4.3.1–§4.3.3 (step comments
 * quote the RFC's names). A ristretto255 element is a class of edwards25519 points modulo the
 * 4-torsion; we keep one representative in extended coordinates and only these three functions look
 * at the class structure. Decoding is strict: non-canonical field encodings, negative s, non-square
 * x², negative t and y = 0 are all rejected (every invalid vector of RFC 9496 Appendix A.2 is tested
 * from JavaScript, on both backends). All three are constant time. */
#ifndef RATIFY_RISTRETTO_H
#define RATIFY_RISTRETTO_H

#include "point.h"

/* RFC 9496 §4.3.1 Decode. Returns 0 and sets h on success, -1 on any invalid encoding. */
static inline int ristretto_decode(ge_p3 *h, const uint8_t bytes[32]) {
  fe s, ss, u1, u2, u2_sqr, u1_sqr, v, v_u2_sqr, one, invsqrt, den_x, den_y, x, y, t;
  /* 1. s must be < p (canonical) and non-negative. */
  if (!fe_is_canonical_bytes(bytes)) return -1;
  fe_frombytes(s, bytes);
  if (fe_is_negative(s)) return -1;
  /* 2. ss = s^2, u1 = 1 - ss, u2 = 1 + ss, u2_sqr = u2^2 */
  fe_one(one);
  fe_sq(ss, s);
  fe_sub(u1, one, ss);
  fe_add(u2, one, ss);
  fe_sq(u2_sqr, u2);
  /* v = -(D * u1^2) - u2_sqr */
  fe_sq(u1_sqr, u1);
  fe_mul(v, FE_D, u1_sqr);
  fe_neg(v, v);
  fe_sub(v, v, u2_sqr);
  /* (was_square, invsqrt) = SQRT_RATIO_M1(1, v * u2_sqr) */
  fe_mul(v_u2_sqr, v, u2_sqr);
  const int was_square = fe_sqrt_ratio_m1(invsqrt, one, v_u2_sqr);
  /* den_x = invsqrt * u2, den_y = invsqrt * den_x * v */
  fe_mul(den_x, invsqrt, u2);
  fe_mul(den_y, invsqrt, den_x);
  fe_mul(den_y, den_y, v);
  /* x = CT_ABS(2 * s * den_x), y = u1 * den_y, t = x * y */
  fe_add(x, s, s);
  fe_mul(x, x, den_x);
  fe_abs(x, x);
  fe_mul(y, u1, den_y);
  fe_mul(t, x, y);
  /* 3. If was_square is FALSE, IS_NEGATIVE(t) is TRUE, or y = 0, decoding fails. */
  const int bad = (1 - was_square) | fe_is_negative(t) | fe_is_zero(y);
  fe_copy(h->X, x);
  fe_copy(h->Y, y);
  fe_one(h->Z);
  fe_copy(h->T, t);
  return bad ? -1 : 0;
}

/* RFC 9496 §4.3.2 Encode. */
static inline void ristretto_encode(uint8_t out[32], const ge_p3 *h) {
  fe u1, zmy, u2, u2_sqr, u1_u2_sqr, one, invsqrt, den1, den2, z_inv, ix0, iy0, enchanted, tz, x, y, den_inv, xz, s;
  /* u1 = (z0 + y0) * (z0 - y0), u2 = x0 * y0 */
  fe_add(u1, h->Z, h->Y);
  fe_sub(zmy, h->Z, h->Y);
  fe_mul(u1, u1, zmy);
  fe_mul(u2, h->X, h->Y);
  /* (_, invsqrt) = SQRT_RATIO_M1(1, u1 * u2^2) */
  fe_sq(u2_sqr, u2);
  fe_mul(u1_u2_sqr, u1, u2_sqr);
  fe_one(one);
  (void)fe_sqrt_ratio_m1(invsqrt, one, u1_u2_sqr);
  /* den1 = invsqrt * u1, den2 = invsqrt * u2, z_inv = den1 * den2 * t0 */
  fe_mul(den1, invsqrt, u1);
  fe_mul(den2, invsqrt, u2);
  fe_mul(z_inv, den1, den2);
  fe_mul(z_inv, z_inv, h->T);
  /* ix0 = x0 * SQRT_M1, iy0 = y0 * SQRT_M1, enchanted_denominator = den1 * INVSQRT_A_MINUS_D */
  fe_mul(ix0, h->X, FE_SQRT_M1);
  fe_mul(iy0, h->Y, FE_SQRT_M1);
  fe_mul(enchanted, den1, FE_INVSQRT_A_MINUS_D);
  /* rotate = IS_NEGATIVE(t0 * z_inv) */
  fe_mul(tz, h->T, z_inv);
  const uint64_t rotate = (uint64_t)fe_is_negative(tz);
  /* x = CT_SELECT(iy0 IF rotate ELSE x0), y = CT_SELECT(ix0 IF rotate ELSE y0),
   * den_inv = CT_SELECT(enchanted_denominator IF rotate ELSE den2) */
  fe_copy(x, h->X);
  fe_copy(y, h->Y);
  fe_copy(den_inv, den2);
  fe_cmov(x, iy0, rotate);
  fe_cmov(y, ix0, rotate);
  fe_cmov(den_inv, enchanted, rotate);
  /* y = CT_NEG(y, IS_NEGATIVE(x * z_inv)) */
  fe_mul(xz, x, z_inv);
  fe_cneg(y, (uint64_t)fe_is_negative(xz));
  /* s = CT_ABS(den_inv * (z - y)) */
  fe_sub(s, h->Z, y);
  fe_mul(s, den_inv, s);
  fe_abs(s, s);
  fe_tobytes(out, s);
}

/* RFC 9496 §4.3.3 Equals: x1·y2 == y1·x2 || y1·y2 == x1·x2 (projectively, Z cancels). */
static inline int ristretto_equals(const ge_p3 *p, const ge_p3 *q) {
  fe a, b, c, d;
  fe_mul(a, p->X, q->Y);
  fe_mul(b, p->Y, q->X);
  fe_mul(c, p->Y, q->Y);
  fe_mul(d, p->X, q->X);
  return fe_equal(a, b) | fe_equal(c, d);
}

/* Equals(p, identity) with identity = (0 : 1 : 1 : 0): X == 0 or Y == 0. */
static inline int ristretto_is_identity(const ge_p3 *p) {
  return fe_is_zero(p->X) | fe_is_zero(p->Y);
}

#endif
