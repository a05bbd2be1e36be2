#!/usr/bin/env bash
# make_test_certs.sh OUTDIR — test PKI for TLS tests (EC P-256, valid 30 days). Idempotent: does
# nothing when OUTDIR already holds a complete set that stays valid for another day.
#   ca.crt/.key                 test CA
#   server.crt/.key/.pem        localhost + IP 127.0.0.1, signed by ca (server.pem = key + cert)
#   wronghost.crt/.key/.pem     example.invalid, signed by ca (host name mismatch)
#   other-ca.crt/.key           unrelated CA (pin it to get "unknown CA")
#   other-server.crt/.key/.pem  localhost + 127.0.0.1, signed by other-ca
set -euo pipefail
out=${1:?usage: make_test_certs.sh OUTDIR}
files=(ca.crt ca.key server.crt server.key server.pem wronghost.crt wronghost.key wronghost.pem
       other-ca.crt other-ca.key other-server.crt other-server.key other-server.pem)

complete=1
for f in "${files[@]}"; do [ -s "$out/$f" ] || complete=0; done
if [ "$complete" = 1 ] && openssl x509 -checkend 86400 -noout -in "$out/server.crt" >/dev/null \
   && openssl x509 -checkend 86400 -noout -in "$out/ca.crt" >/dev/null; then
  exit 0
fi

mkdir -p "$out"
tmp=$(mktemp -d "$out/.tmp.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

ca() {  # ca NAME CN
  key "$1.key"
  openssl req -x509 -new -key "$1.key" -sha256 -days 30 -subj "/O=marketo-soap tests/CN=$2" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out "$1.crt" 2>/dev/null
}

leaf() {  # leaf NAME CA CN SAN
  key "$1.key"
  openssl req -new -key "$1.key" -subj "/O=marketo-soap tests/CN=$3" -out "$1.csr" 2>/dev/null
  printf '%s\n' "basicConstraints=CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
    "extendedKeyUsage=serverAuth" "subjectAltName=$4" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA "$2.crt" -CAkey "$2.key" -CAcreateserial -sha256 -days 30 \
    -extfile "$1.ext" -out "$1.crt" 2>/dev/null
  cat "$1.key" "$1.crt" > "$1.pem"
}

ca ca "marketo-soap test CA"
ca other-ca "unrelated test CA"
leaf server ca localhost "DNS:localhost,IP:127.0.0.1"
leaf wronghost ca example.invalid "DNS:example.invalid"
leaf other-server other-ca localhost "DNS:localhost,IP:127.0.0.1"

openssl verify -CAfile ca.crt server.crt >/dev/null
chmod 600 ./*.key ./*.pem
for f in "${files[@]}"; do mv -f "$f" "$out/$f"; done
