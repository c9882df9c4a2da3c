# install(EXPORT) with the notestore:: namespace and a package config, as fmt does.
include(CMakePackageConfigHelpers)
install(TARGETS notestore EXPORT notestoreTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/notestore DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
set(NOTESTORE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/notestore)
install(EXPORT notestoreTargets NAMESPACE notestore:: DESTINATION ${NOTESTORE_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/notestoreConfig.cmake.in
  ${PROJECT_BINARY_DIR}/notestoreConfig.cmake INSTALL_DESTINATION ${NOTESTORE_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/notestoreConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/notestoreConfig.cmake
              ${PROJECT_BINARY_DIR}/notestoreConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/FindCmarkGfm.cmake
        DESTINATION ${NOTESTORE_CMAKE_DIR})

# pkg-config. A static libnotestore needs its dependencies on every link line, so they
# go in Libs; a shared one keeps them private.
set(_notestore_deps "-lSQLiteCpp -lsqlite3 -lyaml-cpp -lcmark-gfm-extensions -lcmark-gfm -lpthread -ldl")
if(NOTESTORE_SANITIZE)  # A sanitized library needs the sanitizer runtime where it is linked.
  string(APPEND _notestore_deps " -fsanitize=${NOTESTORE_SANITIZE}")
endif()
if(BUILD_SHARED_LIBS)
  set(NOTESTORE_PC_STATIC_LIBS "")
  set(NOTESTORE_PC_PRIVATE_LIBS "${_notestore_deps}")
else()
  set(NOTESTORE_PC_STATIC_LIBS "${_notestore_deps}")
  set(NOTESTORE_PC_PRIVATE_LIBS "")
endif()
file(RELATIVE_PATH NOTESTORE_PC_PREFIX_FROM_PCDIR "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
configure_file(${PROJECT_SOURCE_DIR}/cmake/notestore.pc.in ${PROJECT_BINARY_DIR}/notestore.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/notestore.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
