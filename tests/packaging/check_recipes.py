#!/usr/bin/python3
"""Offline checks of the vcpkg ports and the Conan recipe (no vcpkg or conan needed).

Usage: check_recipes.py REPO_ROOT

What is checked (each prints PASS/FAIL lines; exit status 1 on any FAIL):
  * conanfile.py and test_package/conanfile.py compile, and their ConanFile classes define the
    attributes and methods the recipes rely on; the requirements are the ones we document.
  * every ports/*/vcpkg.json is valid JSON with name/version/license/dependencies, the name
    matches its directory, and the helper ports used by portfile.cmake are host dependencies.
  * every -D<VAR> that portfile.cmake passes, and every CMakeToolchain variable conanfile.py sets,
    exists as option()/cache/find_program() variable in the CMake project it configures.
  * project(... VERSION) == marketo-soap vcpkg.json version == conanfile.py version.
  * LICENSE (GPL v2 "or any later version") agrees with the SPDX ids in the manifests/recipe.
  * names: the CMake package/target and pkg-config/library names in the recipes match what
    our CMake installs; test_package and usage use them.
Placeholders (SHA512 "0", OWNER/...) are reported as NOTE lines, not failures: they can only be
filled in where SourceForge/GitHub are reachable.
"""
import ast
import fnmatch
import glob
import json
import os
import py_compile
import re
import sys
import tempfile

failures = 0


def report(ok, what, detail=""):
    global failures
    if not ok:
        failures += 1
    print(f"{'PASS' if ok else 'FAIL'}: {what}" + (f" ({detail})" if detail else ""))


def note(what):
    print(f"NOTE: {what}")


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def strip_cmake_comments(text):
    return "\n".join(re.sub(r"(^|\s)#.*$", r"\1", line) for line in text.splitlines())


# --------------------------------------------------------------------------------------- CMake
def cmake_cache_vars(files):
    """Names a -D on the command line can meaningfully set in these CMake files."""
    names = set()
    pats = [
        r"\boption\s*\(\s*([A-Za-z_][A-Za-z0-9_]*)",
        r"\bcmake_dependent_option\s*\(\s*([A-Za-z_][A-Za-z0-9_]*)",
        r"\bset\s*\(\s*([A-Za-z_][A-Za-z0-9_]*)\b[^)]*\bCACHE\b",
        r"\bfind_(?:program|library|path|file)\s*\(\s*([A-Za-z_][A-Za-z0-9_]*)",
    ]
    modules = set()
    for f in files:
        text = strip_cmake_comments(read(f))
        for p in pats:
            names.update(re.findall(p, text, flags=re.IGNORECASE))
        modules.update(m.lower() for m in re.findall(r"\bfind_package\s*\(\s*([A-Za-z0-9_]+)", text, re.I))
    # Cache variables of CMake's own find modules that the project loads.
    module_vars = {
        "pkgconfig": {"PKG_CONFIG_EXECUTABLE"},
        "bison": {"BISON_EXECUTABLE"},
        "flex": {"FLEX_EXECUTABLE"},
        "openssl": {"OPENSSL_ROOT_DIR"},
        "zlib": {"ZLIB_ROOT"},
    }
    for m in modules:
        names |= module_vars.get(m, set())
    return names


def builtin_ok(var):
    return var.startswith("CMAKE_") or var in {"BUILD_SHARED_LIBS"}


def check_d_options(label, used, allowed, where):
    if not used:
        report(False, f"{label}: found -D options to check", "none found")
        return
    for var in sorted(used):
        ok = var in allowed or builtin_ok(var)
        report(ok, f"{label}: -D{var} is defined by {where}",
               "" if ok else "no option()/CACHE/find_program() of that name")


# ----------------------------------------------------------------------------------- Python/AST
def conan_class(tree):
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and any(
                (isinstance(b, ast.Name) and b.id == "ConanFile") or
                (isinstance(b, ast.Attribute) and b.attr == "ConanFile") for b in node.bases):
            return node
    return None


def class_attrs(cls):
    attrs = {}
    for node in cls.body:
        if isinstance(node, ast.Assign):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    try:
                        attrs[t.id] = ast.literal_eval(node.value)
                    except ValueError:
                        attrs[t.id] = None
    return attrs


def class_methods(cls):
    return {n.name for n in cls.body if isinstance(n, ast.FunctionDef)}


def module_constants(tree):
    consts = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                consts[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    return consts


def str_arg(node, consts):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name) and isinstance(consts.get(node.id), str):
        return consts[node.id]
    return None


def calls(tree, attr, consts):
    """First string argument of every self.<attr>(...) call."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == attr:
            if node.args:
                out.append(str_arg(node.args[0], consts))
    return out


def set_properties(tree):
    props = {}
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "set_property" and len(node.args) == 2):
            try:
                props[ast.literal_eval(node.args[0])] = ast.literal_eval(node.args[1])
            except ValueError:
                pass
    return props


def toolchain_vars(tree):
    """Keys of tc.variables[...] / tc.cache_variables[...] assignments."""
    keys = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for t in node.targets:
                if (isinstance(t, ast.Subscript) and isinstance(t.value, ast.Attribute)
                        and t.value.attr in ("variables", "cache_variables")):
                    key = t.slice
                    if isinstance(key, ast.Constant) and isinstance(key.value, str):
                        keys.add(key.value)
    return keys


def assigned_list(tree, attr):
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for t in node.targets:
                if isinstance(t, ast.Attribute) and t.attr == attr:
                    try:
                        return ast.literal_eval(node.value)
                    except ValueError:
                        return None
    return None


def load_recipe(path, label):
    try:
        with tempfile.TemporaryDirectory() as tmp:  # never write __pycache__ into the tree
            py_compile.compile(path, doraise=True, cfile=os.path.join(tmp, "recipe.pyc"))
        report(True, f"{label}: compiles (python3 -m py_compile)")
    except py_compile.PyCompileError as e:
        report(False, f"{label}: compiles (python3 -m py_compile)", str(e).strip().splitlines()[-1])
        return None, None
    tree = ast.parse(read(path), filename=path)
    cls = conan_class(tree)
    report(cls is not None, f"{label}: defines a ConanFile subclass")
    return tree, cls


# ---------------------------------------------------------------------------------------- main
def main(root):
    root = os.path.abspath(root)
    project_cmake = [os.path.join(root, "CMakeLists.txt")] + sorted(glob.glob(os.path.join(root, "cmake", "*.cmake")))
    project_allowed = cmake_cache_vars(project_cmake)
    top = strip_cmake_comments(read(project_cmake[0]))
    m = re.search(r"\bproject\s*\(\s*([A-Za-z0-9_]+)[^)]*?\bVERSION\s+([0-9][0-9.]*)", top, re.S)
    cmake_version = m.group(2) if m else None
    report(cmake_version is not None, "CMakeLists.txt: project(... VERSION x.y.z) found", cmake_version or "")

    # License: derive the SPDX id from the LICENSE text.
    lic = re.sub(r"\s+", " ", read(os.path.join(root, "LICENSE")))
    spdx = None
    if "GNU General Public License" in lic and re.search(r"version 2\b", lic):
        spdx = "GPL-2.0-or-later" if re.search(r"or \(at your option\) any later version", lic) else "GPL-2.0-only"
    report(spdx is not None, "LICENSE: recognised as a GPL v2 text", spdx or "unrecognised")

    # What our CMake installs, to compare the recipes' names against.
    install_cmake = read(os.path.join(root, "cmake", "MarketoSoapInstall.cmake"))
    client_cmake = read(os.path.join(root, "src", "client", "CMakeLists.txt"))
    m_ns = re.search(r"NAMESPACE\s+([A-Za-z0-9_]+::)", install_cmake)
    m_exp = re.search(r"EXPORT_NAME\s+([A-Za-z0-9_]+)", client_cmake)
    m_out = re.search(r"OUTPUT_NAME\s+([A-Za-z0-9_.+-]+)", client_cmake)
    m_cfg = re.search(r"FILE\s+([A-Za-z0-9_]+)Targets\.cmake", install_cmake)
    m_pc = re.search(r'"[^"]*/([A-Za-z0-9_.+-]+)\.pc"\s*$', install_cmake, re.M)
    installed = {
        "cmake_target_name": (m_ns.group(1) + m_exp.group(1)) if m_ns and m_exp else None,
        "cmake_file_name": m_cfg.group(1) if m_cfg else None,
        "pkg_config_name": m_pc.group(1) if m_pc else None,
        "lib": m_out.group(1) if m_out else None,
    }
    report(all(installed.values()), "our CMake install names parsed",
           ", ".join(f"{k}={v}" for k, v in installed.items()))

    # ------------------------------------------------------------------ Conan recipe
    conan_path = os.path.join(root, "conanfile.py")
    tree, cls = load_recipe(conan_path, "conanfile.py")
    conan_version = conan_license = None
    if cls is not None:
        attrs = class_attrs(cls)
        for a in ("name", "version", "license", "settings", "options", "default_options", "exports_sources"):
            report(a in attrs and attrs[a] is not None, f"conanfile.py: class defines {a}")
        report(attrs.get("name") == "marketo-soap", "conanfile.py: name is marketo-soap", str(attrs.get("name")))
        report(set(attrs.get("settings") or ()) == {"os", "arch", "compiler", "build_type"},
               "conanfile.py: settings os/arch/compiler/build_type")
        report(set((attrs.get("options") or {}).keys()) >= {"shared", "fPIC"}, "conanfile.py: options shared/fPIC")
        conan_version, conan_license = attrs.get("version"), attrs.get("license")
        methods = class_methods(cls)
        for meth in ("config_options", "configure", "layout", "requirements", "build_requirements",
                     "generate", "build", "package", "package_info"):
            report(meth in methods, f"conanfile.py: defines {meth}()")
        consts = module_constants(tree)
        reqs = calls(tree, "requires", consts)
        treqs = calls(tree, "tool_requires", consts)
        report("gsoap/2.8.139" in reqs, "conanfile.py: requires gsoap/2.8.139", str(reqs))
        report(any(r and r.startswith("openssl/[>=3") for r in reqs), "conanfile.py: requires openssl/[>=3 <4]")
        report("gsoap/2.8.139" in treqs, "conanfile.py: tool_requires gsoap/2.8.139 (wsdl2h, soapcpp2)", str(treqs))
        src = read(conan_path)
        for gen in ("CMakeToolchain", "CMakeDeps", "PkgConfigDeps"):
            report(re.search(rf"\b{gen}\(self\)", src) is not None, f"conanfile.py: uses the {gen} generator")
        report("gsoapssl++.pc" in src, "conanfile.py: provides the gsoapssl++ pkg-config module our CMake asks for")
        props = set_properties(tree)
        for key in ("cmake_file_name", "cmake_target_name", "pkg_config_name"):
            report(props.get(key) == installed[key] and props.get(key) is not None,
                   f"conanfile.py: package_info {key} matches our install",
                   f"recipe={props.get(key)!r} cmake={installed[key]!r}")
        libs = assigned_list(tree, "libs")
        report(libs == [installed["lib"]], "conanfile.py: cpp_info.libs matches OUTPUT_NAME", f"{libs} vs {installed['lib']}")
        tvars = toolchain_vars(tree)
        check_d_options("conanfile.py CMakeToolchain", tvars, project_allowed, "CMakeLists.txt/cmake/*.cmake")
        for opt in ("MARKETO_SOAP_BUILD_TESTS", "MARKETO_SOAP_BUILD_EXAMPLES", "MARKETO_SOAP_BUILD_MOCK_SERVER"):
            report(opt in tvars, f"conanfile.py: sets {opt}")
        # exports_sources must carry what the library build reads, and no tests/examples.
        patterns = attrs.get("exports_sources") or ()
        patterns = (patterns,) if isinstance(patterns, str) else patterns
        needed = ["CMakeLists.txt", "LICENSE", "README.md"]
        for pat in ("cmake/*", "include/**/*.h", "src/client/**/*", "wsdl/*.wsdl", "wsdl/*.dat"):
            needed += [os.path.relpath(p, root) for p in glob.glob(os.path.join(root, pat), recursive=True)
                       if os.path.isfile(p)]
        missing = [n for n in needed if not any(fnmatch.fnmatch(n, p) for p in patterns)]
        report(not missing, "conanfile.py: exports_sources covers the library build inputs", ", ".join(missing[:5]))
        stray = [p for p in patterns if p.split("/")[0] in ("tests", "examples", "build", "scripts")]
        report(not stray, "conanfile.py: exports_sources leaves out tests/examples", ", ".join(stray))

    tp_path = os.path.join(root, "test_package", "conanfile.py")
    tp_tree, tp_cls = load_recipe(tp_path, "test_package/conanfile.py")
    if tp_cls is not None:
        methods = class_methods(tp_cls)
        for meth in ("requirements", "layout", "build", "test"):
            report(meth in methods, f"test_package/conanfile.py: defines {meth}()")
        report("tested_reference_str" in read(tp_path), "test_package/conanfile.py: requires the tested reference")
    tp_cmake = strip_cmake_comments(read(os.path.join(root, "test_package", "CMakeLists.txt")))
    report(re.search(rf"find_package\s*\(\s*{installed['cmake_file_name']}\s+CONFIG\s+REQUIRED", tp_cmake) is not None,
           "test_package/CMakeLists.txt: find_package(<our package> CONFIG REQUIRED)")
    report(installed["cmake_target_name"] and installed["cmake_target_name"] in tp_cmake,
           "test_package/CMakeLists.txt: links our exported target")
    report('#include "marketo/version.h"' in read(os.path.join(root, "test_package", "test_package.cpp")),
           "test_package/test_package.cpp: includes marketo/version.h")

    # ------------------------------------------------------------------ vcpkg ports
    manifests = sorted(glob.glob(os.path.join(root, "ports", "*", "vcpkg.json")))
    report(len(manifests) >= 2, "ports/: vcpkg manifests found", ", ".join(os.path.relpath(m, root) for m in manifests))
    ports = {}
    for mpath in manifests:
        rel = os.path.relpath(mpath, root)
        portdir = os.path.dirname(mpath)
        try:
            data = json.loads(read(mpath))
            report(isinstance(data, dict), f"{rel}: valid JSON object")
        except json.JSONDecodeError as e:
            report(False, f"{rel}: valid JSON", str(e))
            continue
        ports[data.get("name")] = (portdir, data)
        version_keys = [k for k in ("version", "version-semver", "version-date", "version-string") if k in data]
        for field, ok in (("name", isinstance(data.get("name"), str)),
                          ("version", len(version_keys) == 1),
                          ("license", isinstance(data.get("license"), str)),
                          ("dependencies", isinstance(data.get("dependencies"), list))):
            report(ok, f"{rel}: has {field}")
        report(data.get("name") == os.path.basename(portdir), f"{rel}: name matches the port directory",
               f"{data.get('name')} vs {os.path.basename(portdir)}")
        report(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", str(data.get("name"))) is not None,
               f"{rel}: name is a valid vcpkg port name")
        deps = data.get("dependencies") or []
        bad = [d for d in deps if not (isinstance(d, str) or (isinstance(d, dict) and isinstance(d.get("name"), str)))]
        report(not bad, f"{rel}: dependencies are names or {{name, ...}} objects")
        host = {d["name"] for d in deps if isinstance(d, dict) and d.get("host")}
        target = {d if isinstance(d, str) else d["name"] for d in deps
                  if isinstance(d, str) or not d.get("host")}
        pf_path = os.path.join(portdir, "portfile.cmake")
        report(os.path.isfile(pf_path), f"{rel}: portfile.cmake present")
        if not os.path.isfile(pf_path):
            continue
        pf = strip_cmake_comments(read(pf_path))
        if "vcpkg_cmake_" in pf:
            report("vcpkg-cmake" in host, f"{rel}: vcpkg-cmake is a host dependency (portfile uses vcpkg_cmake_*)")
        if "vcpkg_cmake_config_fixup" in pf:
            report("vcpkg-cmake-config" in host, f"{rel}: vcpkg-cmake-config is a host dependency")
        report(re.search(r"vcpkg_install_copyright\s*\(", pf) is not None, f"{rel}: portfile installs the copyright")
        if re.search(r"\bSHA512\s+\"?\$\{[A-Z0-9_]*SHA512\}\"?", pf) and re.search(r'_PLACEHOLDER\s+"0"', pf):
            note(f"{os.path.relpath(pf_path, root)}: SHA512 is still the placeholder; fill it at release")
        if "OWNER/" in pf:
            note(f"{os.path.relpath(pf_path, root)}: GitHub repository is still the OWNER/ placeholder")
        if os.path.isfile(os.path.join(portdir, "usage")):
            report(re.search(r'file\s*\(\s*INSTALL\s+"\$\{CMAKE_CURRENT_LIST_DIR\}/usage"', pf) is not None,
                   f"{rel}: portfile installs the usage file")
        ports[data.get("name")] = (portdir, data, pf, host, target)

    if "marketo-soap" in ports and len(ports["marketo-soap"]) == 5:
        portdir, data, pf, host, target = ports["marketo-soap"]
        report({"gsoap", "openssl"} <= target, "marketo-soap vcpkg.json: depends on gsoap and openssl")
        report("gsoap" in host, "marketo-soap vcpkg.json: gsoap host dependency (wsdl2h/soapcpp2)")
        report(data.get("version") == cmake_version and cmake_version is not None,
               "version: ports/marketo-soap/vcpkg.json agrees with project(VERSION)",
               f"{data.get('version')} vs {cmake_version}")
        report(data.get("license") == spdx, "license: ports/marketo-soap/vcpkg.json agrees with LICENSE",
               f"{data.get('license')} vs {spdx}")
        used = set(re.findall(r"-D([A-Za-z_][A-Za-z0-9_]*)(?::[A-Z]+)?=", pf))
        check_d_options("ports/marketo-soap/portfile.cmake", used, project_allowed, "CMakeLists.txt/cmake/*.cmake")
        for opt in ("MARKETO_SOAP_BUILD_TESTS", "MARKETO_SOAP_BUILD_EXAMPLES", "MARKETO_SOAP_BUILD_MOCK_SERVER"):
            report(re.search(rf"-D{opt}=OFF\b", pf) is not None, f"ports/marketo-soap/portfile.cmake: {opt}=OFF")
        m_fix = re.search(r"vcpkg_cmake_config_fixup\s*\(([^)]*)\)", pf)
        report(m_fix is not None and f"PACKAGE_NAME {installed['cmake_file_name']}" in m_fix.group(1)
               and f"lib/cmake/{installed['cmake_file_name']}" in m_fix.group(1),
               "ports/marketo-soap/portfile.cmake: config fixup for our CMake package")
        report("vcpkg_fixup_pkgconfig()" in pf, "ports/marketo-soap/portfile.cmake: pkg-config fixup")
        usage = read(os.path.join(portdir, "usage"))
        report(f"find_package({installed['cmake_file_name']} CONFIG REQUIRED)" in usage
               and installed["cmake_target_name"] in usage, "ports/marketo-soap/usage: names our package and target")
        report("tools/gsoap" in pf, "ports/marketo-soap/portfile.cmake: takes wsdl2h/soapcpp2 from tools/gsoap")
    else:
        report(False, "ports/marketo-soap: manifest and portfile present")

    if "gsoap" in ports and len(ports["gsoap"]) == 5:
        portdir, data, pf, host, target = ports["gsoap"]
        gs_cmake = os.path.join(portdir, "CMakeLists.txt")
        report(os.path.isfile(gs_cmake), "ports/gsoap: ships its CMakeLists.txt for the gSOAP sources")
        if os.path.isfile(gs_cmake):
            used = set(re.findall(r"-D([A-Za-z_][A-Za-z0-9_]*)(?::[A-Z]+)?=", pf))
            check_d_options("ports/gsoap/portfile.cmake", used, cmake_cache_vars([gs_cmake]), "ports/gsoap/CMakeLists.txt")
            text = strip_cmake_comments(read(gs_cmake))
            for d in ("WITH_OPENSSL", "WITH_GZIP", "WITH_DOM", "WITH_IPV6"):
                report(re.search(rf"target_compile_definitions\(gsoapssl\+\+ PUBLIC[^)]*\b{d}\b", text) is not None,
                       f"ports/gsoap/CMakeLists.txt: runtime built with {d} (as Debian)")
            report(all(f"add_executable({t}" in text for t in ("wsdl2h", "soapcpp2")),
                   "ports/gsoap/CMakeLists.txt: builds wsdl2h and soapcpp2")
        pc_in = os.path.join(portdir, "gsoapssl++.pc.in")
        report(os.path.isfile(pc_in) and "-lgsoapssl++" in read(pc_in), "ports/gsoap: installs gsoapssl++.pc")
        report(re.search(r"vcpkg_copy_tools\s*\(\s*TOOL_NAMES[^)]*wsdl2h[^)]*soapcpp2", pf) is not None,
               "ports/gsoap/portfile.cmake: installs wsdl2h/soapcpp2 to tools/gsoap")
        report(re.search(r"\bSHA512\b", pf) is not None and "gsoap_${VERSION}.zip" in pf,
               "ports/gsoap/portfile.cmake: source release zip pinned by SHA512")
        report(data.get("license") == "GPL-2.0-or-later", "ports/gsoap/vcpkg.json: GPL option of gSOAP's dual license")
        report({"openssl", "zlib"} <= target, "ports/gsoap/vcpkg.json: depends on openssl and zlib")
    else:
        report(False, "ports/gsoap: manifest and portfile present")

    report(conan_version == cmake_version and cmake_version is not None,
           "version: conanfile.py agrees with project(VERSION)", f"{conan_version} vs {cmake_version}")
    report(conan_license == spdx and spdx is not None, "license: conanfile.py agrees with LICENSE",
           f"{conan_license} vs {spdx}")

    print(f"{'FAILED' if failures else 'OK'}: {failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__.splitlines()[2], file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
