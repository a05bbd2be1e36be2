# Warning flags for code we write. Generated gSOAP code is compiled without them: we do not
# own it and cannot fix what it triggers.
function(marketo_soap_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow)
  if(MARKETO_SOAP_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
