# ctrn_add_core_layer(NAME SOURCES ... DEPENDS ... [PRIVATE_DEPENDS ...] [LIBS ...])
#
# Each core layer is its own static library. Its headers are reachable as
# <core/NAME/file.h> only through a per-layer include root (a symlink farm in
# the build tree), so a layer sees exactly itself and the layers it DEPENDS on:
# an include of a higher layer fails to compile, which keeps DESIGN.md's
# layering honest without review. PRIVATE_DEPENDS are layers the library
# uses in its sources but does not expose to those that link it: core/interfaces
# keeps rpc, storage, wallet, lightclient and protocol to itself, so app/
# cannot include them.
function(ctrn_add_core_layer name)
  cmake_parse_arguments(L "" "" "SOURCES;DEPENDS;PRIVATE_DEPENDS;LIBS" ${ARGN})
  set(target ctrn_${name})
  set(root "${CMAKE_BINARY_DIR}/include-roots/${name}")
  file(MAKE_DIRECTORY "${root}/core")
  file(CREATE_LINK "${CMAKE_CURRENT_SOURCE_DIR}" "${root}/core/${name}" SYMBOLIC)
  add_library(${target} STATIC ${L_SOURCES})
  add_library(ctrn::${name} ALIAS ${target})
  target_include_directories(${target} PUBLIC "${root}")
  set(deps)
  foreach(d IN LISTS L_DEPENDS)
    list(APPEND deps ctrn::${d})
  endforeach()
  set(private_deps)
  foreach(d IN LISTS L_PRIVATE_DEPENDS)
    list(APPEND private_deps ctrn::${d})
  endforeach()
  # Public headers of a layer use the types of the layers below it.
  target_link_libraries(${target} PUBLIC ${deps} PRIVATE ${private_deps} ${L_LIBS})
  ctrn_set_warnings(${target})
  set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()
