# gSOAP overlay port (vcpkg has no gsoap port). Builds the runtime library gsoapssl++ and the
# wsdl2h / soapcpp2 generators from the official source release, pinned by SHA512.
#
# TO FILL AT RELEASE: the SHA512 below is a placeholder (this port was written on a machine that
# cannot reach SourceForge). Get the real value with either
#   sha512sum gsoap_2.8.124.zip            (of a download you trust), or
#   vcpkg install gsoap --overlay-ports=ports   (vcpkg refuses the placeholder and prints the
#                                                actual hash of the file it downloaded)
# and replace the placeholder. Never ship the port with the placeholder in place.
set(GSOAP_SHA512_PLACEHOLDER "0")
set(GSOAP_SHA512 "${GSOAP_SHA512_PLACEHOLDER}")

# The runtime has no dllexport annotations; ConanCenter's recipe is static-only for the same reason.
vcpkg_check_linkage(ONLY_STATIC_LIBRARY)

# Genivia moves superseded releases to oldreleases/, so list both locations.
vcpkg_download_distfile(ARCHIVE
    URLS
        "https://downloads.sourceforge.net/project/gsoap2/gsoap_${VERSION}.zip"
        "https://downloads.sourceforge.net/project/gsoap2/oldreleases/gsoap_${VERSION}.zip"
    FILENAME "gsoap_${VERSION}.zip"
    SHA512 "${GSOAP_SHA512}"
)
vcpkg_extract_source_archive(SOURCE_PATH
    ARCHIVE "${ARCHIVE}"
)

file(COPY
    "${CMAKE_CURRENT_LIST_DIR}/CMakeLists.txt"
    "${CMAKE_CURRENT_LIST_DIR}/gsoapssl++.pc.in"
    DESTINATION "${SOURCE_PATH}"
)

# soapcpp2's grammar and scanner are generated at build time.
vcpkg_find_acquire_program(BISON)
vcpkg_find_acquire_program(FLEX)

# When cross-compiling, the generators built here could not run on the build machine; the host
# copy of this port provides them (marketo-soap depends on gsoap with "host": true).
if(VCPKG_CROSSCOMPILING)
    set(build_tools OFF)
else()
    set(build_tools ON)
endif()

vcpkg_cmake_configure(
    SOURCE_PATH "${SOURCE_PATH}"
    OPTIONS
        "-DGSOAP_VERSION=${VERSION}"
        "-DGSOAP_BUILD_TOOLS=${build_tools}"
        "-DBISON_EXECUTABLE=${BISON}"
        "-DFLEX_EXECUTABLE=${FLEX}"
)
vcpkg_cmake_install()

if(build_tools)
    # → ${CURRENT_PACKAGES_DIR}/tools/gsoap/{wsdl2h,soapcpp2}
    vcpkg_copy_tools(TOOL_NAMES wsdl2h soapcpp2 AUTO_CLEAN)
endif()

vcpkg_fixup_pkgconfig()

file(REMOVE_RECURSE
    "${CURRENT_PACKAGES_DIR}/debug/include"
    "${CURRENT_PACKAGES_DIR}/debug/share"
)

# gSOAP is dual-licensed (gSOAP public license 1.3b / GPLv2); this port takes the GPL option.
vcpkg_install_copyright(FILE_LIST
    "${SOURCE_PATH}/GPLv2_license.txt"
    "${SOURCE_PATH}/LICENSE.txt"
)
file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
