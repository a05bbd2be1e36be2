# Install tree: headers, library, CMake package (config + version + targets), pkg-config file,
# LICENSE and README. Consumers: find_package(marketo_soap CONFIG REQUIRED) → marketo::soap.
include(CMakePackageConfigHelpers)

set(MARKETO_SOAP_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/marketo_soap")

install(TARGETS marketo_soap
        EXPORT marketo_soap_targets
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
        LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
        INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/marketo" "${PROJECT_BINARY_DIR}/include/marketo"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
        FILES_MATCHING PATTERN "*.h")
install(EXPORT marketo_soap_targets
        NAMESPACE marketo::
        FILE marketo_soapTargets.cmake
        DESTINATION "${MARKETO_SOAP_CMAKE_DIR}")

configure_package_config_file(
  "${CMAKE_CURRENT_LIST_DIR}/marketo_soapConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/marketo_soapConfig.cmake"
  INSTALL_DESTINATION "${MARKETO_SOAP_CMAKE_DIR}")
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/marketo_soapConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/marketo_soapConfig.cmake"
              "${PROJECT_BINARY_DIR}/marketo_soapConfigVersion.cmake"
        DESTINATION "${MARKETO_SOAP_CMAKE_DIR}")

# Relocatable: the prefix is derived from where the .pc file is installed, so a package built for
# one prefix still works when the tree is copied or installed with --prefix elsewhere.
file(RELATIVE_PATH MARKETO_SOAP_PC_TO_PREFIX "/root/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/root")
configure_file("${CMAKE_CURRENT_LIST_DIR}/marketo-soap.pc.in" "${PROJECT_BINARY_DIR}/marketo-soap.pc"
               @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/marketo-soap.pc"
        DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" "${PROJECT_SOURCE_DIR}/README.md"
        DESTINATION "${CMAKE_INSTALL_DOCDIR}")
if(TARGET marketo-mock-server)
  install(TARGETS marketo-mock-server RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
endif()
