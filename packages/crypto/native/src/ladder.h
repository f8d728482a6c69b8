/* Constant-time scalar multiplication, for SECRET scalars (Group.multiply / baseMultiply):
 *   ct_mul_table: the radix-16 comb over a fixed-base table (table.h), 64 mixed additions + 4 doublings;
 *   ct_mul:       any point, a table of 1..8 times it, then 64 windows of 4 doublings + 1 addition.
 * Both follow ref10 / libsodium (ge25519_scalarmult_base, ge25519_scalarmult; learned from): the
 * sequence of field operations and every memory address depend only on public sizes, table entries
 * are chosen with masked loads of all 8 candidates, and signs with masked negations. The complete
 * HWCD08 formulas mean no special case for the identity. Digits and scalar copies are wiped after use. */
#ifndef RATIFY_LADDER_H
#define RATIFY_LADDER_H

#include "scalar.h"
#include "table.h"

/* memset that the compiler may not elide (secrets on the stack). */
static inline void wipe(void *p, size_t n) {
  volatile uint8_t *v = (volatile uint8_t *)p;
  while (n--) *v++ = 0;
}

static inline void ct_mul_table(ge_p3 *h, const ge_table *tbl, const scalar *s) {
  int8_t e[64];
  ge_niels t;
  ge_p1p1 r;
  scalar_radix16(e, s);
  ge_p3_identity(h);
  for (int i = 1; i < 64; i += 2) {
    table_select_ct(&t, tbl->comb[i / 2], e[i]);
    ge_add_niels(&r, h, &t);
    ge_p1p1_to_p3(h, &r);
  }
  ge_p3_dbl_n(h, h, 4);
  for (int i = 0; i < 64; i += 2) {
    table_select_ct(&t, tbl->comb[i / 2], e[i]);
    ge_add_niels(&r, h, &t);
    ge_p1p1_to_p3(h, &r);
  }
  wipe(e, sizeof e);
  wipe(&t, sizeof t);
}

static inline void cached_select_ct(ge_cached *t, const ge_cached pi[8], int8_t b) {
  const uint64_t negative = (uint64_t)((uint8_t)b >> 7);
  const uint8_t babs = (uint8_t)(b - (int8_t)(((uint8_t)(0 - negative) & (uint8_t)b) << 1));
  ge_cached_identity(t);
  for (int j = 0; j < 8; j++) {
    const uint32_t diff = (uint32_t)(babs ^ (uint8_t)(j + 1));
    ge_cached_cmov(t, &pi[j], (uint64_t)((diff - 1) >> 31));
  }
  ge_cached_cneg(t, negative);
}

static inline void ct_mul(ge_p3 *h, const ge_p3 *p, const scalar *s) {
  int8_t e[64];
  ge_cached pi[8], t;
  ge_p3 q;
  ge_p1p1 r;
  /* pi[k] = (k+1)·p */
  ge_p3_to_cached(&pi[0], p);
  q = *p;
  for (int k = 1; k < 8; k++) {
    ge_add_cached(&r, &q, &pi[0]);
    ge_p1p1_to_p3(&q, &r);
    ge_p3_to_cached(&pi[k], &q);
  }
  scalar_radix16(e, s);
  ge_p3_identity(h);
  for (int i = 63; i >= 0; i--) {
    if (i != 63) ge_p3_dbl_n(h, h, 4);
    cached_select_ct(&t, pi, e[i]);
    ge_add_cached(&r, h, &t);
    ge_p1p1_to_p3(h, &r);
  }
  wipe(e, sizeof e);
  wipe(&t, sizeof t);
  wipe(&q, sizeof q);
}

#endif
