# Warnings every project target gets (via ctrn_set_warnings). Third-party
# headers come in as SYSTEM includes so they do not drown ours.
# CTRN_WARNING_FLAGS is the same list for targets that also compile
# generated code (the desktop app's qmlcachegen output), which sets it on
# its own sources only.
set(CTRN_WARNING_FLAGS
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Wunused -Woverloaded-virtual -Wconversion -Wsign-conversion
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
  # GCC 12 reports false positives inside libstdc++'s optional/variant at
  # -O2 (seen on std::optional<PrivateKey>); clang builds still check it.
  $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)

function(ctrn_set_warnings target)
  target_compile_options(${target} PRIVATE ${CTRN_WARNING_FLAGS})
endfunction()
