"""Conan 2 recipe for marketo-soap.

    conan create . --build=missing           # build the package and run test_package/
    conan install . --build=missing && cmake --preset conan-release   # develop against it

How it meets our CMake (which was written for Debian's gSOAP packages):
  * gSOAP runtime: CMake calls pkg_check_modules(GSOAP ... gsoapssl++). ConanCenter's gsoap recipe
    sets no pkg_config_name, so PkgConfigDeps writes gsoap.pc, not gsoapssl++.pc. generate()
    therefore adds a one-line alias module gsoapssl++.pc (Requires: gsoap) when the dependency does
    not already provide that name, and puts the generators folder on PKG_CONFIG_PATH.
  * Code generators: wsdl2h/soapcpp2 come from the build-context gsoap (tool_requires). Their
    absolute paths are handed to CMake as MARKETO_SOAP_WSDL2H/MARKETO_SOAP_SOAPCPP2 (find_program
    result variables: when set, the search is skipped), so nothing depends on PATH.
  * Versions: our CMake requires `wsdl2h -V` == the gsoapssl++ module version; both come from
    gsoap/2.8.139 here. (Debian builds use 2.8.124; the generated code is not committed, so the
    gSOAP version only has to be consistent within one build.)
Consumers get CMakeDeps/PkgConfigDeps files generated from package_info(), not the config and .pc
files our CMake installs (those find gSOAP through pkg-config, which Conan consumers need not have).
"""
import os

from conan import ConanFile
from conan.tools.build import check_min_cppstd
from conan.tools.cmake import CMake, CMakeDeps, CMakeToolchain, cmake_layout
from conan.tools.env import Environment
from conan.tools.files import copy, rmdir, save
from conan.tools.gnu import PkgConfigDeps

required_conan_version = ">=2.0.5"

GSOAP_REF = "gsoap/2.8.139"


class MarketoSoapConan(ConanFile):
    name = "marketo-soap"
    version = "0.1.0"
    license = "GPL-2.0-or-later"
    description = "C++17 client SDK for the Marketo SOAP API (mktows 3_1), built on gSOAP"
    homepage = "https://example.invalid/marketo-soap"
    url = "https://example.invalid/marketo-soap"
    topics = ("marketo", "soap", "gsoap", "sdk")
    package_type = "library"
    settings = "os", "arch", "compiler", "build_type"
    options = {
        "shared": [True, False],
        "fPIC": [True, False],
    }
    default_options = {
        "shared": False,
        "fPIC": True,
        # Our CMake links the OpenSSL flavour of the runtime (gsoapssl++).
        "gsoap/*:with_openssl": True,
    }
    # What the library build reads: no tests/, examples/ or scripts/.
    exports_sources = (
        "CMakeLists.txt",
        "cmake/*",
        "include/*",
        "src/*",
        "wsdl/*",
        "LICENSE",
        "README.md",
    )

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            self.options.rm_safe("fPIC")

    def layout(self):
        cmake_layout(self)

    def validate(self):
        check_min_cppstd(self, 17)

    def requirements(self):
        # Public headers expose neither gSOAP nor OpenSSL, but the static archive needs both at
        # link time, hence plain (not transitive_headers) requirements.
        self.requires(GSOAP_REF)
        self.requires("openssl/[>=3 <4]")

    def build_requirements(self):
        # wsdl2h and soapcpp2 run on the build machine.
        self.tool_requires(GSOAP_REF)
        if not self.conf.get("tools.gnu:pkg_config", check_type=str):
            self.tool_requires("pkgconf/[>=2.1 <3]")

    def generate(self):
        tc = CMakeToolchain(self)
        tc.cache_variables["MARKETO_SOAP_BUILD_TESTS"] = False
        tc.cache_variables["MARKETO_SOAP_BUILD_EXAMPLES"] = False
        tc.cache_variables["MARKETO_SOAP_BUILD_MOCK_SERVER"] = False
        tc.cache_variables["MARKETO_SOAP_INSTALL"] = True
        tc.cache_variables["MARKETO_SOAP_WERROR"] = False
        gsoap_tools = self.dependencies.build["gsoap"]
        bindirs = gsoap_tools.cpp_info.bindirs or [os.path.join(gsoap_tools.package_folder, "bin")]
        exe = ".exe" if str(self.settings_build.os) == "Windows" else ""
        tc.cache_variables["MARKETO_SOAP_WSDL2H"] = os.path.join(bindirs[0], "wsdl2h" + exe).replace("\\", "/")
        tc.cache_variables["MARKETO_SOAP_SOAPCPP2"] = os.path.join(bindirs[0], "soapcpp2" + exe).replace("\\", "/")
        tc.generate()

        CMakeDeps(self).generate()  # OpenSSL::SSL / OpenSSL::Crypto for find_package(OpenSSL 3)
        PkgConfigDeps(self).generate()  # gsoap.pc (+ openssl/zlib .pc files it requires)
        self._write_gsoapssl_alias()

        env = Environment()
        env.prepend_path("PKG_CONFIG_PATH", self.generators_folder)
        env.vars(self, scope="build").save_script("marketo_soap_pkgconfig")

    def _write_gsoapssl_alias(self):
        gsoap = self.dependencies["gsoap"]
        pc_name = gsoap.cpp_info.get_property("pkg_config_name") or "gsoap"
        alias = os.path.join(self.generators_folder, "gsoapssl++.pc")
        if pc_name == "gsoapssl++" or os.path.exists(alias):
            return
        save(self, alias,
             "Name: gsoapssl++\n"
             f"Description: Alias of {pc_name}.pc written by the marketo-soap recipe\n"
             f"Version: {gsoap.ref.version}\n"
             f"Requires: {pc_name}\n")

    def build(self):
        cmake = CMake(self)
        cmake.configure()
        cmake.build()

    def package(self):
        copy(self, "LICENSE", src=self.source_folder, dst=os.path.join(self.package_folder, "licenses"))
        cmake = CMake(self)
        cmake.install()
        # Conan generates its own config and .pc files from package_info().
        rmdir(self, os.path.join(self.package_folder, "lib", "cmake"))
        rmdir(self, os.path.join(self.package_folder, "lib", "pkgconfig"))
        rmdir(self, os.path.join(self.package_folder, "share"))

    def package_info(self):
        self.cpp_info.set_property("cmake_file_name", "marketo_soap")
        self.cpp_info.set_property("cmake_target_name", "marketo::soap")
        self.cpp_info.set_property("pkg_config_name", "marketo-soap")
        self.cpp_info.libs = ["marketo-soap"]
        self.cpp_info.requires = ["gsoap::gsoap", "openssl::ssl", "openssl::crypto"]
        if self.settings.os in ("Linux", "FreeBSD"):
            self.cpp_info.system_libs = ["pthread", "m"]
