/* N-API glue of Ratify's native ristretto255 backend (packages/crypto/src/native/ is its only caller).
 * Points cross the boundary as the raw bytes of a ge_p3 (POINT_BYTES, opaque to JavaScript, created
 * only by this addon's functions), fixed-base tables as the raw bytes of a ge_table, scalars as BigInts
 * (< ℓ, checked). Every function validates argument types and sizes and throws a TypeError/RangeError
 * instead of reading out of bounds. The math lives in the headers; nothing here keeps global state, so
 * the addon loads in worker threads too. */
#define NAPI_VERSION 8
#include <node_api.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "point.h"
#include "ristretto.h"
#include "scalar.h"
#include "table.h"
#include "ladder.h"
#include "msm.h"

#define POINT_BYTES ((uint32_t)sizeof(ge_p3))
#define TABLE_BYTES ((uint32_t)sizeof(ge_table))
/* Up to this many terms Straus' method needs fewer field operations than Pippenger's (exact operation
 * counts: ≈ 420 multiplications per term for Straus from 64 terms on; Pippenger 480 at 128 terms,
 * 440 at 192, 405 at 256, 305 at 1,024, 195 at 16,384). */
#define STRAUS_MAX_TERMS 240

#define CHECK(call)                                           \
  do {                                                        \
    if ((call) != napi_ok) {                                  \
      napi_throw_error(env, NULL, "ratify native: N-API call failed"); \
      return NULL;                                            \
    }                                                         \
  } while (0)

static int get_bytes(napi_env env, napi_value v, uint8_t **data, size_t *len) {
  napi_typedarray_type type;
  napi_value buffer;
  size_t offset;
  bool is_ta = false;
  if (napi_is_typedarray(env, v, &is_ta) != napi_ok || !is_ta) return -1;
  if (napi_get_typedarray_info(env, v, &type, len, (void **)data, &buffer, &offset) != napi_ok) return -1;
  return type == napi_uint8_array ? 0 : -1;
}

/* A Uint8Array of exactly `want` bytes, or a thrown TypeError and NULL. */
static uint8_t *bytes_arg(napi_env env, napi_value v, size_t want, const char *what) {
  uint8_t *data;
  size_t len;
  if (get_bytes(env, v, &data, &len) != 0 || len != want) {
    napi_throw_type_error(env, NULL, what);
    return NULL;
  }
  return data;
}

static int point_arg(napi_env env, napi_value v, ge_p3 *p) {
  uint8_t *data = bytes_arg(env, v, POINT_BYTES, "expected a native ristretto255 point");
  if (!data) return -1;
  memcpy(p, data, sizeof *p);
  return 0;
}

static const ge_table *table_from(napi_env env, uint8_t *data) {
  if (((uintptr_t)data % _Alignof(ge_table)) != 0) {
    napi_throw_error(env, NULL, "ratify native: misaligned table");
    return NULL;
  }
  return (const ge_table *)data;
}

static int scalar_arg(napi_env env, napi_value v, scalar *s) {
  int sign = 0;
  size_t count = 4;
  uint64_t words[4] = {0, 0, 0, 0};
  if (napi_get_value_bigint_words(env, v, &sign, &count, words) != napi_ok) {
    napi_throw_type_error(env, NULL, "expected a scalar (bigint)");
    return -1;
  }
  memcpy(s->w, words, sizeof words);
  wipe(words, sizeof words);
  if (sign || count > 4 || !scalar_is_canonical(s)) {
    napi_throw_range_error(env, NULL, "scalar out of range [0, l)");
    return -1;
  }
  return 0;
}

static napi_value get_args(napi_env env, napi_callback_info info, size_t want, napi_value *argv) {
  size_t argc = want;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < want) {
    napi_throw_type_error(env, NULL, "ratify native: missing arguments");
    return NULL;
  }
  return argv[0];
}

static napi_value boolean(napi_env env, int b) {
  napi_value r;
  CHECK(napi_get_boolean(env, b != 0, &r));
  return r;
}

static napi_value number(napi_env env, int32_t n) {
  napi_value r;
  CHECK(napi_create_int32(env, n, &r));
  return r;
}

/* decode(out: point, bytes: 32) → -1 invalid, 0 valid, 1 valid identity (RFC 9496 §4.3.1). */
static napi_value js_decode(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  if (!get_args(env, info, 2, argv)) return NULL;
  uint8_t *out = bytes_arg(env, argv[0], POINT_BYTES, "out: expected a point buffer");
  if (!out) return NULL;
  uint8_t *in = bytes_arg(env, argv[1], 32, "expected 32 bytes");
  if (!in) return NULL;
  ge_p3 p;
  if (ristretto_decode(&p, in) != 0) return number(env, -1);
  memcpy(out, &p, sizeof p);
  return number(env, ristretto_is_identity(&p) ? 1 : 0);
}

/* encode(out: 32, p) (RFC 9496 §4.3.2). */
static napi_value js_encode(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  if (!get_args(env, info, 2, argv)) return NULL;
  uint8_t *out = bytes_arg(env, argv[0], 32, "out: expected 32 bytes");
  ge_p3 p;
  if (!out || point_arg(env, argv[1], &p)) return NULL;
  ristretto_encode(out, &p);
  return NULL;
}

/* binary(out, a, b, op): op 0 = a + b, 1 = a − b. */
static napi_value js_add_sub(napi_env env, napi_callback_info info, int subtract) {
  napi_value argv[3];
  if (!get_args(env, info, 3, argv)) return NULL;
  uint8_t *out = bytes_arg(env, argv[0], POINT_BYTES, "out: expected a point buffer");
  ge_p3 a, b, r;
  if (!out || point_arg(env, argv[1], &a) || point_arg(env, argv[2], &b)) return NULL;
  if (subtract) ge_p3_sub(&r, &a, &b);
  else ge_p3_add(&r, &a, &b);
  memcpy(out, &r, sizeof r);
  return NULL;
}
static napi_value js_add(napi_env env, napi_callback_info info) { return js_add_sub(env, info, 0); }
static napi_value js_sub(napi_env env, napi_callback_info info) { return js_add_sub(env, info, 1); }

static napi_value js_neg(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  if (!get_args(env, info, 2, argv)) return NULL;
  uint8_t *out = bytes_arg(env, argv[0], POINT_BYTES, "out: expected a point buffer");
  ge_p3 a, r;
  if (!out || point_arg(env, argv[1], &a)) return NULL;
  ge_p3_neg(&r, &a);
  memcpy(out, &r, sizeof r);
  return NULL;
}

static napi_value js_equals(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  if (!get_args(env, info, 2, argv)) return NULL;
  ge_p3 a, b;
  if (point_arg(env, argv[0], &a) || point_arg(env, argv[1], &b)) return NULL;
  return boolean(env, ristretto_equals(&a, &b));
}

static napi_value js_is_identity(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  if (!get_args(env, info, 1, argv)) return NULL;
  ge_p3 a;
  if (point_arg(env, argv[0], &a)) return NULL;
  return boolean(env, ristretto_is_identity(&a));
}

/* precompute(p) → a new Uint8Array holding p's fixed-base table. */
static napi_value js_precompute(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  if (!get_args(env, info, 1, argv)) return NULL;
  ge_p3 p;
  if (point_arg(env, argv[0], &p)) return NULL;
  void *data;
  napi_value buffer, array;
  CHECK(napi_create_arraybuffer(env, TABLE_BYTES, &data, &buffer));
  const ge_table *check = table_from(env, data);
  if (!check) return NULL;
  if (table_build((ge_table *)data, &p) != 0) {
    napi_throw_error(env, NULL, "ratify native: out of memory");
    return NULL;
  }
  CHECK(napi_create_typedarray(env, napi_uint8_array, TABLE_BYTES, buffer, 0, &array));
  return array;
}

/* mul(out, point or table, scalar, constantTime): point·scalar. A table input uses the comb. */
static napi_value js_mul(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  if (!get_args(env, info, 4, argv)) return NULL;
  uint8_t *out = bytes_arg(env, argv[0], POINT_BYTES, "out: expected a point buffer");
  if (!out) return NULL;
  uint8_t *in;
  size_t len;
  if (get_bytes(env, argv[1], &in, &len) != 0 || (len != POINT_BYTES && len != TABLE_BYTES)) {
    napi_throw_type_error(env, NULL, "expected a native ristretto255 point or table");
    return NULL;
  }
  scalar s;
  bool constant_time = true;
  if (scalar_arg(env, argv[2], &s)) return NULL;
  CHECK(napi_get_value_bool(env, argv[3], &constant_time));
  ge_p3 r;
  if (len == TABLE_BYTES) {
    const ge_table *t = table_from(env, in);
    if (!t) return NULL;
    if (constant_time) ct_mul_table(&r, t, &s);
    else vt_mul_table(&r, t, &s);
  } else {
    ge_p3 p;
    memcpy(&p, in, sizeof p);
    if (constant_time) {
      ct_mul(&r, &p, &s);
    } else {
      const msm_term term = {&p, NULL, s};
      if (vt_straus(&r, &term, 1) != 0) {
        napi_throw_error(env, NULL, "ratify native: out of memory");
        return NULL;
      }
    }
  }
  wipe(&s, sizeof s);
  memcpy(out, &r, sizeof r);
  return NULL;
}

/* msm(out, inputs: (point | table)[], scalars: bigint[], algorithm: 0 auto, 1 Straus, 2 Pippenger):
 * Σ inputs[i]·scalars[i], variable time (public data only). */
static napi_value js_msm(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  if (!get_args(env, info, 4, argv)) return NULL;
  uint8_t *out = bytes_arg(env, argv[0], POINT_BYTES, "out: expected a point buffer");
  if (!out) return NULL;
  uint32_t n = 0, n_scalars = 0;
  bool is_array = false;
  CHECK(napi_is_array(env, argv[1], &is_array));
  if (!is_array) {
    napi_throw_type_error(env, NULL, "inputs: expected an array");
    return NULL;
  }
  CHECK(napi_is_array(env, argv[2], &is_array));
  if (!is_array) {
    napi_throw_type_error(env, NULL, "scalars: expected an array");
    return NULL;
  }
  CHECK(napi_get_array_length(env, argv[1], &n));
  CHECK(napi_get_array_length(env, argv[2], &n_scalars));
  int32_t algorithm = 0;
  CHECK(napi_get_value_int32(env, argv[3], &algorithm));
  if (n != n_scalars) {
    napi_throw_range_error(env, NULL, "inputs and scalars differ in length");
    return NULL;
  }
  msm_term *terms = malloc(sizeof(msm_term) * (n ? n : 1));
  ge_p3 *points = malloc(sizeof(ge_p3) * (n ? n : 1));
  if (!terms || !points) {
    free(terms);
    free(points);
    napi_throw_error(env, NULL, "ratify native: out of memory");
    return NULL;
  }
  napi_value result = NULL;
  int failed = 0;
  for (uint32_t i = 0; i < n && !failed; i++) {
    napi_value item, sv;
    uint8_t *data;
    size_t len;
    if (napi_get_element(env, argv[1], i, &item) != napi_ok || napi_get_element(env, argv[2], i, &sv) != napi_ok ||
        get_bytes(env, item, &data, &len) != 0 || (len != POINT_BYTES && len != TABLE_BYTES)) {
      napi_throw_type_error(env, NULL, "inputs: expected native ristretto255 points or tables");
      failed = 1;
      break;
    }
    if (len == TABLE_BYTES) {
      const ge_table *t = table_from(env, data);
      if (!t) {
        failed = 1;
        break;
      }
      terms[i].table = t;
      terms[i].point = &t->point;
    } else {
      memcpy(&points[i], data, sizeof(ge_p3));
      terms[i].table = NULL;
      terms[i].point = &points[i];
    }
    if (scalar_arg(env, sv, &terms[i].s)) failed = 1;
  }
  if (!failed) {
    ge_p3 r;
    const int use_straus = algorithm == 1 || (algorithm == 0 && n <= STRAUS_MAX_TERMS);
    if ((use_straus ? vt_straus(&r, terms, n) : vt_pippenger(&r, terms, n)) != 0) {
      napi_throw_error(env, NULL, "ratify native: out of memory");
    } else {
      memcpy(out, &r, sizeof r);
    }
  }
  free(terms);
  free(points);
  return result;
}

static napi_value constant(napi_env env, uint32_t v) {
  napi_value r;
  CHECK(napi_create_uint32(env, v, &r));
  return r;
}

NAPI_MODULE_INIT() {
  const napi_property_descriptor props[] = {
      {"decode", NULL, js_decode, NULL, NULL, NULL, napi_enumerable, NULL},
      {"encode", NULL, js_encode, NULL, NULL, NULL, napi_enumerable, NULL},
      {"add", NULL, js_add, NULL, NULL, NULL, napi_enumerable, NULL},
      {"sub", NULL, js_sub, NULL, NULL, NULL, napi_enumerable, NULL},
      {"neg", NULL, js_neg, NULL, NULL, NULL, napi_enumerable, NULL},
      {"equals", NULL, js_equals, NULL, NULL, NULL, napi_enumerable, NULL},
      {"isIdentity", NULL, js_is_identity, NULL, NULL, NULL, napi_enumerable, NULL},
      {"precompute", NULL, js_precompute, NULL, NULL, NULL, napi_enumerable, NULL},
      {"mul", NULL, js_mul, NULL, NULL, NULL, napi_enumerable, NULL},
      {"msm", NULL, js_msm, NULL, NULL, NULL, napi_enumerable, NULL},
      {"POINT_BYTES", NULL, NULL, NULL, NULL, constant(env, POINT_BYTES), napi_enumerable, NULL},
      {"TABLE_BYTES", NULL, NULL, NULL, NULL, constant(env, TABLE_BYTES), napi_enumerable, NULL},
      {"STRAUS_MAX_TERMS", NULL, NULL, NULL, NULL, constant(env, STRAUS_MAX_TERMS), napi_enumerable, NULL},
  };
  if (napi_define_properties(env, exports, sizeof props / sizeof props[0], props) != napi_ok) return NULL;
  return exports;
}
