/* Points of the twisted Edwards curve -x² + y² = 1 + d·x²·y² (edwards25519, RFC 8032 §5.1; the curve
 * ristretto255 is built on, RFC 9496 §4) in the coordinate systems of Hisil, Wong, Carter and Dawson,
 * "Twisted Edwards Curves Revisited", ASIACRYPT 2008 (HWCD08):
 *   ge_p3     extended (X:Y:Z:T), x = X/Z, y = Y/Z, x·y = T/Z                        (HWCD08 §3)
 *   ge_p2     projective (X:Y:Z), what doubling needs
 *   ge_p1p1   "completed" ((X:Z),(Y:T)), x = X/Z, y = Y/T: the output of one add or double before
 *             the multiplications that bring it back to ge_p2 (3M) or ge_p3 (4M)
 *   ge_cached (Y+X, Y−X, Z, 2d·T): a point prepared as the second operand of additions
 *   ge_niels  (y+x, y−x, 2d·x·y): the same, affine (Z = 1), for precomputed tables (one M less)
 * The staging into these types is the one of ref10 / libsodium / curve25519-dalek (learned, not
 * copied). The formulas are HWCD08's unified addition "add-2008-hwcd-3" (§3.2, a = -1, k = 2d) and
 * doubling "dbl-2008-hwcd" (§3.3). With a = -1 a square and d a non-square in GF(p) both are complete
 * (no exceptional inputs: the identity, equal or opposite points all work), so they are safe on any
 * input and constant time. Must not: know about encodings or scalars. */
#ifndef RATIFY_POINT_H
#define RATIFY_POINT_H

#include "field.h"

typedef struct { fe X, Y, Z, T; } ge_p3;
typedef struct { fe X, Y, Z; } ge_p2;
typedef struct { fe X, Y, Z, T; } ge_p1p1;
typedef struct { fe YplusX, YminusX, Z, T2d; } ge_cached;
typedef struct { fe yplusx, yminusx, xy2d; } ge_niels;

static inline void ge_p3_identity(ge_p3 *h) {
  fe_zero(h->X);
  fe_one(h->Y);
  fe_one(h->Z);
  fe_zero(h->T);
}

static inline void ge_cached_identity(ge_cached *h) {
  fe_one(h->YplusX);
  fe_one(h->YminusX);
  fe_one(h->Z);
  fe_zero(h->T2d);
}

static inline void ge_niels_identity(ge_niels *h) {
  fe_one(h->yplusx);
  fe_one(h->yminusx);
  fe_zero(h->xy2d);
}

static inline void ge_p3_to_p2(ge_p2 *r, const ge_p3 *p) {
  fe_copy(r->X, p->X);
  fe_copy(r->Y, p->Y);
  fe_copy(r->Z, p->Z);
}

/* ((X:Z),(Y:T)) → (X·T : Y·Z : Z·T), 3M. */
static inline void ge_p1p1_to_p2(ge_p2 *r, const ge_p1p1 *p) {
  fe_mul(r->X, p->X, p->T);
  fe_mul(r->Y, p->Y, p->Z);
  fe_mul(r->Z, p->Z, p->T);
}

/* ((X:Z),(Y:T)) → (X·T : Y·Z : Z·T : X·Y), 4M (HWCD08 §3: X3 = E·F, Y3 = G·H, Z3 = F·G, T3 = E·H). */
static inline void ge_p1p1_to_p3(ge_p3 *r, const ge_p1p1 *p) {
  fe_mul(r->X, p->X, p->T);
  fe_mul(r->Y, p->Y, p->Z);
  fe_mul(r->Z, p->Z, p->T);
  fe_mul(r->T, p->X, p->Y);
}

static inline void ge_p3_to_cached(ge_cached *r, const ge_p3 *p) {
  fe_add(r->YplusX, p->Y, p->X);
  fe_weak_reduce(r->YplusX);
  fe_sub(r->YminusX, p->Y, p->X);
  fe_copy(r->Z, p->Z);
  fe_mul(r->T2d, p->T, FE_D2);
}

/* dbl-2008-hwcd (HWCD08 §3.3) with a = -1: A = X², B = Y², C = 2Z², E = (X+Y)² − A − B, G = B − A,
 * F = G − C, H = −A − B; the result is ((E:G),(H:F)) in the completed form (4S). */
static inline void ge_p2_dbl(ge_p1p1 *r, const ge_p2 *p) {
  fe a, b, c, ab, xy;
  fe_sq(a, p->X);
  fe_sq(b, p->Y);
  fe_sq2(c, p->Z);
  fe_add(xy, p->X, p->Y);
  fe_sq(xy, xy);
  fe_add(ab, a, b);
  fe_sub(r->X, xy, ab);  /* E */
  fe_sub(r->Z, b, a);    /* G */
  fe_sub(r->T, r->Z, c); /* F */
  fe_neg(r->Y, ab);      /* H */
}

static inline void ge_p3_dbl(ge_p1p1 *r, const ge_p3 *p) {
  ge_p2 q;
  ge_p3_to_p2(&q, p);
  ge_p2_dbl(r, &q);
}

/* add-2008-hwcd-3 (HWCD08 §3.2, a = -1, k = 2d): A = (Y1−X1)(Y2−X2), B = (Y1+X1)(Y2+X2),
 * C = T1·2d·T2, D = 2·Z1·Z2, E = B − A, F = D − C, G = D + C, H = B + A; result ((E:G),(H:F)). 4M. */
static inline void ge_add_cached(ge_p1p1 *r, const ge_p3 *p, const ge_cached *q) {
  fe a, b, c, d, s, t;
  fe_add(s, p->Y, p->X);
  fe_sub(t, p->Y, p->X);
  fe_mul(b, s, q->YplusX);
  fe_mul(a, t, q->YminusX);
  fe_mul(c, p->T, q->T2d);
  fe_mul(d, p->Z, q->Z);
  fe_add(d, d, d);
  fe_sub(r->X, b, a); /* E */
  fe_add(r->Y, b, a); /* H */
  fe_add(r->Z, d, c); /* G */
  fe_sub(r->T, d, c); /* F */
}

/* p − q: the same with −q = (Y−X, Y+X, Z, −2d·T), i.e. A and B swap their second factor, C changes sign. */
static inline void ge_sub_cached(ge_p1p1 *r, const ge_p3 *p, const ge_cached *q) {
  fe a, b, c, d, s, t;
  fe_add(s, p->Y, p->X);
  fe_sub(t, p->Y, p->X);
  fe_mul(b, s, q->YminusX);
  fe_mul(a, t, q->YplusX);
  fe_mul(c, p->T, q->T2d);
  fe_mul(d, p->Z, q->Z);
  fe_add(d, d, d);
  fe_sub(r->X, b, a); /* E */
  fe_add(r->Y, b, a); /* H */
  fe_sub(r->Z, d, c); /* G = D + (−C) */
  fe_add(r->T, d, c); /* F = D − (−C) */
}

/* Mixed addition with an affine point (Z2 = 1, so D = 2·Z1 is an addition): 3M. */
static inline void ge_add_niels(ge_p1p1 *r, const ge_p3 *p, const ge_niels *q) {
  fe a, b, c, d, s, t;
  fe_add(s, p->Y, p->X);
  fe_sub(t, p->Y, p->X);
  fe_mul(b, s, q->yplusx);
  fe_mul(a, t, q->yminusx);
  fe_mul(c, p->T, q->xy2d);
  fe_add(d, p->Z, p->Z);
  fe_sub(r->X, b, a);
  fe_add(r->Y, b, a);
  fe_add(r->Z, d, c);
  fe_sub(r->T, d, c);
}

static inline void ge_sub_niels(ge_p1p1 *r, const ge_p3 *p, const ge_niels *q) {
  fe a, b, c, d, s, t;
  fe_add(s, p->Y, p->X);
  fe_sub(t, p->Y, p->X);
  fe_mul(b, s, q->yminusx);
  fe_mul(a, t, q->yplusx);
  fe_mul(c, p->T, q->xy2d);
  fe_add(d, p->Z, p->Z);
  fe_sub(r->X, b, a);
  fe_add(r->Y, b, a);
  fe_sub(r->Z, d, c);
  fe_add(r->T, d, c);
}

/* Convenience wrappers returning extended coordinates. */
static inline void ge_p3_add(ge_p3 *r, const ge_p3 *p, const ge_p3 *q) {
  ge_cached c;
  ge_p1p1 t;
  ge_p3_to_cached(&c, q);
  ge_add_cached(&t, p, &c);
  ge_p1p1_to_p3(r, &t);
}

static inline void ge_p3_sub(ge_p3 *r, const ge_p3 *p, const ge_p3 *q) {
  ge_cached c;
  ge_p1p1 t;
  ge_p3_to_cached(&c, q);
  ge_sub_cached(&t, p, &c);
  ge_p1p1_to_p3(r, &t);
}

static inline void ge_p3_neg(ge_p3 *r, const ge_p3 *p) {
  fe_neg(r->X, p->X);
  fe_copy(r->Y, p->Y);
  fe_copy(r->Z, p->Z);
  fe_neg(r->T, p->T);
}

/* 2^k·p (k ≥ 1), returning extended coordinates. */
static inline void ge_p3_dbl_n(ge_p3 *r, const ge_p3 *p, int k) {
  ge_p2 q;
  ge_p1p1 t;
  ge_p3_to_p2(&q, p);
  for (int i = 0; i < k - 1; i++) {
    ge_p2_dbl(&t, &q);
    ge_p1p1_to_p2(&q, &t);
  }
  ge_p2_dbl(&t, &q);
  ge_p1p1_to_p3(r, &t);
}

/* Constant-time conditional moves and negations of table entries (b ∈ {0, 1}). */
static inline void ge_niels_cmov(ge_niels *t, const ge_niels *u, uint64_t b) {
  fe_cmov(t->yplusx, u->yplusx, b);
  fe_cmov(t->yminusx, u->yminusx, b);
  fe_cmov(t->xy2d, u->xy2d, b);
}

static inline void ge_niels_cneg(ge_niels *t, uint64_t b) {
  ge_niels m;
  fe_copy(m.yplusx, t->yminusx);
  fe_copy(m.yminusx, t->yplusx);
  fe_neg(m.xy2d, t->xy2d);
  ge_niels_cmov(t, &m, b);
}

static inline void ge_cached_cmov(ge_cached *t, const ge_cached *u, uint64_t b) {
  fe_cmov(t->YplusX, u->YplusX, b);
  fe_cmov(t->YminusX, u->YminusX, b);
  fe_cmov(t->Z, u->Z, b);
  fe_cmov(t->T2d, u->T2d, b);
}

static inline void ge_cached_cneg(ge_cached *t, uint64_t b) {
  ge_cached m;
  fe_copy(m.YplusX, t->YminusX);
  fe_copy(m.YminusX, t->YplusX);
  fe_copy(m.Z, t->Z);
  fe_neg(m.T2d, t->T2d);
  ge_cached_cmov(t, &m, b);
}

#endif
