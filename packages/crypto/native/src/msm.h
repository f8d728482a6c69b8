/* Variable-time multiplication for PUBLIC scalars and points only (verification): timing depends on
 * the scalars' digits. Never reached from Group.multiply / baseMultiply (see ladder.h).
 *   vt_mul_table: the radix-16 comb over a fixed-base table, zero digits skipped;
 *   vt_straus:    Straus' interleaved method ("Shamir's trick" generalised) with width-5 NAF and a
 *                 per-call table of odd multiples for ordinary points, width-8 NAF over the fixed-base
 *                 table for precomputed ones, one shared chain of 253 doublings;
 *   vt_pippenger: Pippenger's bucket method (Bernstein et al., "Faster batch forgery identification",
 *                 INDOCRYPT 2012, §4; as in curve25519-dalek's pippenger.rs, learned from) with signed
 *                 radix-2^c digits, c chosen from a cost model, for long sums (batch verification).
 * Inputs are "terms": a point with an optional fixed-base table, and a scalar < ℓ. */
#ifndef RATIFY_MSM_H
#define RATIFY_MSM_H

#include <stdlib.h>
#include "scalar.h"
#include "table.h"

typedef struct {
  const ge_p3 *point;     /* always set */
  const ge_table *table;  /* NULL for an ordinary point */
  scalar s;
} msm_term;

static inline void vt_mul_table(ge_p3 *h, const ge_table *tbl, const scalar *s) {
  int8_t e[64];
  ge_p1p1 r;
  scalar_radix16(e, s);
  ge_p3_identity(h);
  for (int pass = 1; pass >= 0; pass--) {
    if (pass == 0) ge_p3_dbl_n(h, h, 4);
    for (int i = pass; i < 64; i += 2) {
      const int8_t b = e[i];
      if (b > 0) ge_add_niels(&r, h, &tbl->comb[i / 2][b - 1]);
      else if (b < 0) ge_sub_niels(&r, h, &tbl->comb[i / 2][-b - 1]);
      else continue;
      ge_p1p1_to_p3(h, &r);
    }
  }
}

#define STRAUS_W 5
#define STRAUS_ODD (1 << (STRAUS_W - 2)) /* P, 3P, …, 15P */

/* Returns 0, or -1 if memory ran out. */
static inline int vt_straus(ge_p3 *out, const msm_term *terms, size_t n) {
  int8_t *naf = malloc(256 * (n ? n : 1));
  ge_cached *odd = malloc(sizeof(ge_cached) * STRAUS_ODD * (n ? n : 1));
  if (!naf || !odd) {
    free(naf);
    free(odd);
    return -1;
  }
  int top = -1;
  for (size_t i = 0; i < n; i++) {
    const msm_term *t = &terms[i];
    scalar_wnaf(naf + 256 * i, &t->s, t->table ? 8 : STRAUS_W);
    for (int j = 255; j > top; j--)
      if (naf[256 * i + j]) {
        top = j;
        break;
      }
    if (!t->table) {
      ge_cached *o = odd + STRAUS_ODD * i;
      ge_p3 two, q = *t->point;
      ge_p1p1 r;
      ge_p3_dbl(&r, t->point);
      ge_p1p1_to_p3(&two, &r);
      ge_cached two_c;
      ge_p3_to_cached(&two_c, &two);
      ge_p3_to_cached(&o[0], &q);
      for (int k = 1; k < STRAUS_ODD; k++) {
        ge_add_cached(&r, &q, &two_c);
        ge_p1p1_to_p3(&q, &r);
        ge_p3_to_cached(&o[k], &q);
      }
    }
  }
  ge_p2 acc;
  ge_p1p1 r;
  ge_p3 u;
  ge_p3_identity(out);
  ge_p3_to_p2(&acc, out);
  for (int j = top; j >= 0; j--) {
    ge_p2_dbl(&r, &acc);
    for (size_t i = 0; i < n; i++) {
      const int8_t d = naf[256 * i + j];
      if (!d) continue;
      ge_p1p1_to_p3(&u, &r);
      if (terms[i].table) {
        if (d > 0) ge_add_niels(&r, &u, &terms[i].table->odd[d / 2]);
        else ge_sub_niels(&r, &u, &terms[i].table->odd[-d / 2]);
      } else {
        const ge_cached *o = odd + STRAUS_ODD * i;
        if (d > 0) ge_add_cached(&r, &u, &o[d / 2]);
        else ge_sub_cached(&r, &u, &o[-d / 2]);
      }
    }
    if (j > 0) ge_p1p1_to_p2(&acc, &r);
    else ge_p1p1_to_p3(out, &r);
  }
  free(naf);
  free(odd);
  return 0;
}

/* The bucket width minimising the field multiplications per digit position: n bucket additions of an
 * affine point (7M each) and 2·2^(c-1) additions to sum the buckets (9M each). Checked against exact
 * operation counts (the best c, or within 1 % of it, for 64 to 16,384 terms). */
static inline int pippenger_width(size_t n) {
  int best = 4;
  double best_cost = 0;
  for (int c = 4; c <= 15; c++) {
    const double cost = (double)scalar_radix2c_count(c) * ((double)n * 7 + (double)(1 << c) * 9);
    if (c == 4 || cost < best_cost) {
      best = c;
      best_cost = cost;
    }
  }
  return best;
}

/* Pippenger. The points are first made affine (one inversion for all, Montgomery's trick), so every
 * bucket addition is a mixed addition (one multiplication less: ≈ 8 % fewer overall at 16,384 terms). */
static inline int vt_pippenger(ge_p3 *out, const msm_term *terms, size_t n) {
  if (n == 0) {
    ge_p3_identity(out);
    return 0;
  }
  const int c = pippenger_width(n);
  const int digits = scalar_radix2c_count(c);
  const size_t buckets_n = (size_t)1 << (c - 1);
  int16_t *d = malloc(sizeof(int16_t) * digits * n);
  ge_niels *pts = malloc(sizeof(ge_niels) * n);
  fe *acc = malloc(sizeof(fe) * n);
  ge_p3 *buckets = malloc(sizeof(ge_p3) * buckets_n);
  if (!d || !pts || !acc || !buckets) {
    free(d);
    free(pts);
    free(acc);
    free(buckets);
    return -1;
  }
  for (size_t i = 0; i < n; i++) scalar_radix2c(d + (size_t)digits * i, &terms[i].s, c);
  /* acc[i] = Z_0·…·Z_i; Z ≠ 0 for every point in extended coordinates. */
  fe_copy(acc[0], terms[0].point->Z);
  for (size_t i = 1; i < n; i++) fe_mul(acc[i], acc[i - 1], terms[i].point->Z);
  fe inv, zinv, x, y, xy;
  fe_invert(inv, acc[n - 1]);
  for (size_t i = n; i-- > 0;) {
    if (i > 0) {
      fe_mul(zinv, inv, acc[i - 1]);
      fe_mul(inv, inv, terms[i].point->Z);
    } else {
      fe_copy(zinv, inv);
    }
    fe_mul(x, terms[i].point->X, zinv);
    fe_mul(y, terms[i].point->Y, zinv);
    fe_add(pts[i].yplusx, y, x);
    fe_weak_reduce(pts[i].yplusx);
    fe_sub(pts[i].yminusx, y, x);
    fe_mul(xy, x, y);
    fe_mul(pts[i].xy2d, xy, FE_D2);
  }
  free(acc);
  ge_p1p1 r;
  ge_p3_identity(out);
  for (int k = digits - 1; k >= 0; k--) {
    if (k != digits - 1) ge_p3_dbl_n(out, out, c);
    for (size_t b = 0; b < buckets_n; b++) ge_p3_identity(&buckets[b]);
    for (size_t i = 0; i < n; i++) {
      const int v = d[(size_t)digits * i + k];
      if (v > 0) {
        ge_add_niels(&r, &buckets[v - 1], &pts[i]);
        ge_p1p1_to_p3(&buckets[v - 1], &r);
      } else if (v < 0) {
        ge_sub_niels(&r, &buckets[-v - 1], &pts[i]);
        ge_p1p1_to_p3(&buckets[-v - 1], &r);
      }
    }
    /* Σ (b+1)·bucket[b] = Σ_b running_b with running_b = bucket[top] + … + bucket[b]. */
    ge_p3 running = buckets[buckets_n - 1], sum = buckets[buckets_n - 1];
    for (size_t b = buckets_n - 1; b-- > 0;) {
      ge_p3_add(&running, &running, &buckets[b]);
      ge_p3_add(&sum, &sum, &running);
    }
    ge_p3_add(out, out, &sum);
  }
  free(d);
  free(pts);
  free(buckets);
  return 0;
}

#endif
