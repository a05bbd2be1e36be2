# vcpkg overlay port for marketo-soap.
#
# Where the sources come from, first match wins:
#   1. $ENV{MARKETO_SOAP_SOURCE_DIR}: a local checkout. vcpkg scrubs the environment of port
#      builds, so the variable must be let through by the triplet:
#        set(VCPKG_ENV_PASSTHROUGH MARKETO_SOAP_SOURCE_DIR)
#   2. The checkout this port lives in (ports/marketo-soap/../..), recognised by
#      cmake/MarketoSoapStubs.cmake: `vcpkg install marketo-soap --overlay-ports=<repo>/ports`
#      builds the working tree you are in.
#   3. The release tarball from GitHub (registry use).
# vcpkg's ABI hash does not cover a local source tree (1 and 2): after editing the sources, run
# `vcpkg remove marketo-soap` or install with --no-binarycaching so the port is rebuilt.
#
# TO FILL AT RELEASE (case 3): the repository, tag and SHA512 below are placeholders. Set
# MARKETO_SOAP_REPO to the real owner/name, tag the release v${VERSION}, then obtain the hash with
#   vcpkg install marketo-soap --overlay-ports=ports   (vcpkg prints the actual SHA512)
# or `curl -L https://github.com/<owner>/<name>/archive/v0.1.0.tar.gz | sha512sum`.
set(MARKETO_SOAP_REPO "OWNER/marketo-soap")        # placeholder
set(MARKETO_SOAP_SHA512_PLACEHOLDER "0")
set(MARKETO_SOAP_SHA512 "${MARKETO_SOAP_SHA512_PLACEHOLDER}")

set(_in_tree "${CMAKE_CURRENT_LIST_DIR}/../..")
if(DEFINED ENV{MARKETO_SOAP_SOURCE_DIR} AND NOT "$ENV{MARKETO_SOAP_SOURCE_DIR}" STREQUAL "")
    file(REAL_PATH "$ENV{MARKETO_SOAP_SOURCE_DIR}" SOURCE_PATH)
    message(STATUS "marketo-soap: using sources from MARKETO_SOAP_SOURCE_DIR=${SOURCE_PATH}")
elseif(EXISTS "${_in_tree}/cmake/MarketoSoapStubs.cmake")
    file(REAL_PATH "${_in_tree}" SOURCE_PATH)
    message(STATUS "marketo-soap: using the checkout that holds this port: ${SOURCE_PATH}")
else()
    vcpkg_from_github(
        OUT_SOURCE_PATH SOURCE_PATH
        REPO "${MARKETO_SOAP_REPO}"
        REF "v${VERSION}"
        SHA512 "${MARKETO_SOAP_SHA512}"
        HEAD_REF main
    )
endif()

# The library has no dllexport annotations.
if(VCPKG_TARGET_IS_WINDOWS)
    vcpkg_check_linkage(ONLY_STATIC_LIBRARY)
endif()

# Our CMake finds the gSOAP runtime with pkg-config (module gsoapssl++, installed by the gsoap
# port) and runs wsdl2h/soapcpp2 at build time; take the generators from the host installation
# so that cross builds work. MARKETO_SOAP_WSDL2H/_SOAPCPP2 are find_program() result variables:
# setting them skips the PATH search.
vcpkg_find_acquire_program(PKGCONFIG)
set(_gsoap_tools "${CURRENT_HOST_INSTALLED_DIR}/tools/gsoap")

vcpkg_cmake_configure(
    SOURCE_PATH "${SOURCE_PATH}"
    OPTIONS
        -DMARKETO_SOAP_BUILD_TESTS=OFF
        -DMARKETO_SOAP_BUILD_EXAMPLES=OFF
        -DMARKETO_SOAP_BUILD_MOCK_SERVER=OFF
        -DMARKETO_SOAP_INSTALL=ON
        -DMARKETO_SOAP_WERROR=OFF
        -DMARKETO_SOAP_SANITIZE=OFF
        "-DMARKETO_SOAP_WSDL2H=${_gsoap_tools}/wsdl2h${VCPKG_HOST_EXECUTABLE_SUFFIX}"
        "-DMARKETO_SOAP_SOAPCPP2=${_gsoap_tools}/soapcpp2${VCPKG_HOST_EXECUTABLE_SUFFIX}"
        "-DPKG_CONFIG_EXECUTABLE=${PKGCONFIG}"
)
vcpkg_cmake_install()

# lib/cmake/marketo_soap → share/marketo_soap (vcpkg's layout); also merges the debug targets.
vcpkg_cmake_config_fixup(PACKAGE_NAME marketo_soap CONFIG_PATH lib/cmake/marketo_soap)
vcpkg_fixup_pkgconfig()

file(REMOVE_RECURSE
    "${CURRENT_PACKAGES_DIR}/debug/include"
    "${CURRENT_PACKAGES_DIR}/debug/share"
)

vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
