# node-gyp build of Ratify's native ristretto255 backend (one translation unit: addon.c includes the
# math headers so the field arithmetic inlines). Built by packages/crypto/native/build.mjs at install;
# never downloaded. No -march flags: the binary must run on any x86-64 / arm64 CPU of its platform.
{
  "targets": [
    {
      "target_name": "ratify_ristretto255",
      "sources": ["src/addon.c"],
      "cflags": ["-std=gnu11", "-O3", "-Wall", "-Wextra", "-Wno-unused-function"],
      "xcode_settings": { "OTHER_CFLAGS": ["-std=gnu11", "-O3", "-Wall", "-Wextra", "-Wno-unused-function"] },
      "defines": ["NAPI_DISABLE_CPP_EXCEPTIONS"]
    }
  ]
}
