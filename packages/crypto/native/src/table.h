/* Fixed-base tables for elements passed to Group.precompute (the generator, an election key):
 *   comb[i][j] = (j+1)·256^i·P for i < 32, j < 8: the radix-16 comb of ref10 / libsodium's
 *               ge25519_scalarmult_base (learned from), 64 mixed additions and 4 doublings per
 *               multiplication, used both in constant time (CT lookups) and in variable time;
 *   odd[k]    = (2k+1)·P for k < 64: odd multiples for width-8 NAF in Straus' interleaved method.
 * Entries are affine (ge_niels), normalised with one inversion (Montgomery's batch-inversion trick).
 * The table is plain bytes owned by JavaScript (an ArrayBuffer of sizeof(ge_table)), so no native
 * memory outlives its element. Must not: depend on any scalar. */
#ifndef RATIFY_TABLE_H
#define RATIFY_TABLE_H

#include <stdlib.h>
#include "point.h"

#define TABLE_COMB_ROWS 32
#define TABLE_ODD 64

typedef struct {
  ge_p3 point;
  ge_niels comb[TABLE_COMB_ROWS][8];
  ge_niels odd[TABLE_ODD];
} ge_table;

#define TABLE_POINTS (TABLE_COMB_ROWS * 8 + TABLE_ODD)

/* Builds the table of p. Returns 0, or -1 if memory ran out. */
static inline int table_build(ge_table *out, const ge_p3 *p) {
  ge_p3 *pts = malloc(sizeof(ge_p3) * TABLE_POINTS);
  fe *acc = malloc(sizeof(fe) * TABLE_POINTS);
  if (!pts || !acc) {
    free(pts);
    free(acc);
    return -1;
  }
  out->point = *p;
  /* comb rows: row i holds 1..8 times base_i, base_{i+1} = 256·base_i */
  ge_p3 base = *p;
  for (int i = 0; i < TABLE_COMB_ROWS; i++) {
    pts[8 * i] = base;
    for (int j = 1; j < 8; j++) ge_p3_add(&pts[8 * i + j], &pts[8 * i + j - 1], &base);
    if (i + 1 < TABLE_COMB_ROWS) ge_p3_dbl_n(&base, &base, 8);
  }
  /* odd multiples: P, 3P, 5P, … */
  ge_p3 two;
  ge_p1p1 t;
  ge_p3_dbl(&t, p);
  ge_p1p1_to_p3(&two, &t);
  pts[8 * TABLE_COMB_ROWS] = *p;
  for (int k = 1; k < TABLE_ODD; k++) ge_p3_add(&pts[8 * TABLE_COMB_ROWS + k], &pts[8 * TABLE_COMB_ROWS + k - 1], &two);
  /* Batch inversion of every Z: acc[i] = Z_0·…·Z_i, one inversion, then walk back. Z is never 0 for
   * points of the curve in extended coordinates (complete formulas). */
  fe_copy(acc[0], pts[0].Z);
  for (int i = 1; i < TABLE_POINTS; i++) fe_mul(acc[i], acc[i - 1], pts[i].Z);
  fe inv, zinv, x, y, xy;
  fe_invert(inv, acc[TABLE_POINTS - 1]);
  for (int i = TABLE_POINTS - 1; i >= 0; i--) {
    if (i > 0) {
      fe_mul(zinv, inv, acc[i - 1]);
      fe_mul(inv, inv, pts[i].Z);
    } else {
      fe_copy(zinv, inv);
    }
    ge_niels *n = i < 8 * TABLE_COMB_ROWS ? &out->comb[i / 8][i % 8] : &out->odd[i - 8 * TABLE_COMB_ROWS];
    fe_mul(x, pts[i].X, zinv);
    fe_mul(y, pts[i].Y, zinv);
    fe_add(n->yplusx, y, x);
    fe_weak_reduce(n->yplusx);
    fe_sub(n->yminusx, y, x);
    fe_mul(xy, x, y);
    fe_mul(n->xy2d, xy, FE_D2);
  }
  free(pts);
  free(acc);
  return 0;
}

/* Constant-time lookup of b·row (b ∈ [-8, 8]) from a comb row holding 1..8 times a point: every entry
 * is read and combined with masks (ref10's cmov8 pattern), the sign applied by a conditional negation. */
static inline void table_select_ct(ge_niels *t, const ge_niels row[8], int8_t b) {
  const uint64_t negative = (uint64_t)((uint8_t)b >> 7);
  const uint8_t babs = (uint8_t)(b - (int8_t)(((uint8_t)(0 - negative) & (uint8_t)b) << 1));
  ge_niels_identity(t);
  for (int j = 0; j < 8; j++) {
    const uint32_t diff = (uint32_t)(babs ^ (uint8_t)(j + 1));
    const uint64_t eq = (uint64_t)((diff - 1) >> 31); /* 1 iff babs == j + 1 */
    ge_niels_cmov(t, &row[j], eq);
  }
  ge_niels_cneg(t, negative);
}

#endif
