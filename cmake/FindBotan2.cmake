# Finds Botan 2 (Debian: libbotan-2-dev) through pkg-config.
# Provides Botan2::Botan2 (Keccak-1600, scrypt, PBKDF2, AES-CTR, HMAC).
find_package(PkgConfig REQUIRED)
pkg_check_modules(PC_BOTAN2 QUIET botan-2)
find_path(Botan2_INCLUDE_DIR botan/botan.h HINTS ${PC_BOTAN2_INCLUDE_DIRS} PATH_SUFFIXES botan-2)
find_library(Botan2_LIBRARY botan-2 HINTS ${PC_BOTAN2_LIBRARY_DIRS})
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Botan2 REQUIRED_VARS Botan2_LIBRARY Botan2_INCLUDE_DIR)
if(Botan2_FOUND AND NOT TARGET Botan2::Botan2)
  add_library(Botan2::Botan2 UNKNOWN IMPORTED)
  set_target_properties(Botan2::Botan2 PROPERTIES
    IMPORTED_LOCATION "${Botan2_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${Botan2_INCLUDE_DIR}")
endif()
mark_as_advanced(Botan2_INCLUDE_DIR Botan2_LIBRARY)
