# `docs` target: Doxygen over the public headers. Warnings are errors, so an undocumented public
# symbol fails the build of this target (and the docs.doxygen test).
find_package(Doxygen QUIET)
if(NOT DOXYGEN_FOUND)
  message(STATUS "Doxygen not found: the docs target is not available")
  return()
endif()

set(MARKETO_SOAP_DOXYFILE "${PROJECT_BINARY_DIR}/Doxyfile")
file(CONFIGURE OUTPUT "${MARKETO_SOAP_DOXYFILE}" CONTENT [[
PROJECT_NAME           = "marketo-soap"
PROJECT_NUMBER         = @PROJECT_VERSION@
PROJECT_BRIEF          = "C++17 client SDK for the Marketo SOAP API"
OUTPUT_DIRECTORY       = @PROJECT_BINARY_DIR@/docs
INPUT                  = @PROJECT_SOURCE_DIR@/include/marketo @PROJECT_BINARY_DIR@/include/marketo
FILE_PATTERNS          = *.h
RECURSIVE              = YES
STRIP_FROM_PATH        = @PROJECT_SOURCE_DIR@/include @PROJECT_BINARY_DIR@/include
STRIP_FROM_INC_PATH    = @PROJECT_SOURCE_DIR@/include @PROJECT_BINARY_DIR@/include
EXCLUDE_SYMBOLS        = internal detail
EXTRACT_ALL            = NO
EXTRACT_PRIVATE        = NO
EXTRACT_STATIC         = YES
WARN_IF_UNDOCUMENTED   = YES
WARN_IF_DOC_ERROR      = YES
WARN_NO_PARAMDOC       = NO
WARN_AS_ERROR          = FAIL_ON_WARNINGS
QUIET                  = YES
GENERATE_HTML          = YES
GENERATE_LATEX         = NO
JAVADOC_AUTOBRIEF      = YES
MACRO_EXPANSION        = YES
HAVE_DOT               = NO
CLASS_GRAPH            = NO
]] @ONLY)

add_custom_target(docs
  COMMAND Doxygen::doxygen "${MARKETO_SOAP_DOXYFILE}"
  WORKING_DIRECTORY "${PROJECT_BINARY_DIR}"
  COMMENT "Doxygen: public API reference in ${PROJECT_BINARY_DIR}/docs/html"
  VERBATIM)
