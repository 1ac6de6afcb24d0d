# Warnings every project target gets (via ctrn_set_warnings). Third-party
# headers come in as SYSTEM includes so they do not drown ours.
function(ctrn_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Wunused -Woverloaded-virtual -Wconversion -Wsign-conversion
    -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
    # GCC 12 reports false positives inside libstdc++'s optional/variant at
    # -O2 (seen on std::optional<PrivateKey>); clang builds still check it.
    $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
endfunction()
