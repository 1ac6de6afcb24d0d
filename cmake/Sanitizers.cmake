# CTRN_SANITIZE="address,undefined" instruments every target (asan-ubsan and
# fuzz presets). UBSan findings abort so a test or fuzz run fails on them.
set(CTRN_SANITIZE "" CACHE STRING "Comma-separated -fsanitize= list")
if(CTRN_SANITIZE)
  add_compile_options(-fsanitize=${CTRN_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${CTRN_SANITIZE})
  if(CTRN_BUILD_FUZZ)
    # Coverage instrumentation for libFuzzer on every library, the fuzzer
    # main only on the fuzz executables (tests/fuzz).
    add_compile_options(-fsanitize=fuzzer-no-link)
  endif()
endif()
