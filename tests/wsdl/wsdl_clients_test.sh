#!/usr/bin/env bash
# Checks that independent SOAP stacks read wsdl/mktows.wsdl and see exactly the 23 Marketo
# operations (docs/protocol.md, "Operations").
#
# Usage: tests/wsdl/wsdl_clients_test.sh path/to/mktows.wsdl
# Needs: php (with the soap extension), /usr/bin/python3 with zeep, xmllint.
# Prints one PASS/FAIL line per check; exits non-zero if any check fails.
set -u

if [ $# -ne 1 ]; then
    echo "usage: $0 path/to/mktows.wsdl" >&2
    exit 2
fi
WSDL=$1
if [ ! -r "$WSDL" ]; then
    echo "FAIL setup: cannot read $WSDL" >&2
    exit 2
fi

PY=/usr/bin/python3   # the system python has zeep; a pyenv "python3" on PATH may not

# The spec: the 23 operations in portType order (docs/protocol.md, "Operations").
EXPECTED="deleteMObjects
describeMObject
getMObjects
syncMObjects
getCampaignsForSource
getImportToListStatus
getLead
getLeadActivity
getLeadChanges
getMultipleLeads
importToList
listMObjects
listOperation
requestCampaign
scheduleCampaign
syncLead
syncMultipleLeads
syncCustomObjects
deleteCustomObjects
getCustomObjects
mergeLeads
getChannels
getTags"
EXPECTED_SORTED=$(printf '%s\n' "$EXPECTED" | LC_ALL=C sort)
N_EXPECTED=$(printf '%s\n' "$EXPECTED" | wc -l)

failures=0
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }

# compare <label> <names, one per line>
compare() {
    local label=$1 got=$2 got_sorted n
    got_sorted=$(printf '%s\n' "$got" | sed '/^$/d' | LC_ALL=C sort)
    n=$(printf '%s\n' "$got" | sed '/^$/d' | wc -l)
    if [ "$got_sorted" = "$EXPECTED_SORTED" ]; then
        pass "$label: $n operations"
    else
        fail "$label: operation names differ from the expected $N_EXPECTED (got $n)"
        diff <(printf '%s\n' "$EXPECTED_SORTED") <(printf '%s\n' "$got_sorted") \
            | sed -n 's/^</    missing:/p; s/^>/    unexpected:/p'
    fi
}

# (a) PHP SoapClient
php_out=$(php -d display_errors=stderr -r '
    try {
        $c = new SoapClient($argv[1], ["cache_wsdl" => WSDL_CACHE_NONE]);
    } catch (Throwable $e) {
        fwrite(STDERR, "SoapClient: " . $e->getMessage() . "\n");
        exit(1);
    }
    foreach ($c->__getFunctions() as $f) {
        if (!preg_match("/^\S+\s+(\w+)\(/", $f, $m)) { fwrite(STDERR, "unparsed: $f\n"); exit(1); }
        echo $m[1], "\n";
    }' -- "$WSDL")
if [ $? -ne 0 ]; then
    fail "php: SoapClient could not load the WSDL"
else
    compare php "$php_out"
fi

# (b) zeep
zeep_out=$("$PY" - "$WSDL" <<'EOF'
import sys
try:
    import zeep
except ImportError as e:
    sys.stderr.write("zeep not importable: %s\n" % e)
    sys.exit(1)
try:
    client = zeep.Client(sys.argv[1])
except Exception as e:
    sys.stderr.write("zeep.Client: %s\n" % e)
    sys.exit(1)
for service in client.wsdl.services.values():
    for port in service.ports.values():
        for name in port.binding._operations:
            print(name)
EOF
)
if [ $? -ne 0 ]; then
    fail "zeep: could not load the WSDL"
else
    compare zeep "$zeep_out"
fi

# (c) well-formedness
if xmllint --noout "$WSDL"; then
    pass "xmllint: well-formed"
else
    fail "xmllint: not well-formed"
fi

# (d) the embedded xs:schema compiles as a standalone XSD (libxml2 schema compiler)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if "$PY" - "$WSDL" "$tmp/schema.xsd" <<'EOF'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
start, end = text.find("<xs:schema"), text.find("</xs:schema>")
if start < 0 or end < 0:
    sys.exit("no xs:schema element found")
schema = text[start:end + len("</xs:schema>")]
schema = schema.replace("<xs:schema ", '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                        'xmlns:tns="http://www.marketo.com/mktows/" ', 1)
open(sys.argv[2], "w", encoding="utf-8").write('<?xml version="1.0" encoding="UTF-8"?>\n' + schema + "\n")
EOF
then
    # any instance will do: the point is that the schema compiles
    echo '<tns:paramsListMObjects xmlns:tns="http://www.marketo.com/mktows/"/>' > "$tmp/instance.xml"
    if xmllint --noout --schema "$tmp/schema.xsd" "$tmp/instance.xml" 2>"$tmp/err"; then
        pass "xsd: embedded schema compiles and validates a sample instance"
    else
        fail "xsd: embedded schema does not compile/validate"
        sed 's/^/    /' "$tmp/err" | head -20
    fi
else
    fail "xsd: could not extract the xs:schema"
fi

if [ "$failures" -ne 0 ]; then
    echo "FAILED: $failures check(s)"
    exit 1
fi
echo "OK: all checks passed"
