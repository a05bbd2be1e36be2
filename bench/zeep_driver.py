#!/usr/bin/python3
"""zeep load generator for scripts/bench.sh (W1). Run with Debian's /usr/bin/python3.

  /usr/bin/python3 bench/zeep_driver.py WSDL ENDPOINT USER_ID KEY SECONDS [START_AT_EPOCH]

Sends the shared workload (bench/workload.h: 100 Opportunity objects, ids 50-79, Name/Amount/
Stage) as UPSERT batches with our WSDL, the service bound to ENDPOINT, and a freshly signed
AuthenticationHeader per call. The requests session keeps its connection alive and ignores
proxy/CA environment variables (trust_env=False). One warm-up call is outside the measured
window. Prints: objects=N seconds=S objects_per_s=X calls=C failed=F cpu_us_per_call=U
(U: getrusage user + system time of the measured calls, per call)
"""
import datetime
import hashlib
import hmac
import resource
import sys
import time

import requests
import zeep
from zeep.transports import Transport

wsdl, endpoint, user, key, seconds = sys.argv[1:6]
seconds = float(seconds)
start_at = float(sys.argv[6]) if len(sys.argv) > 6 else 0.0
NS = "http://www.marketo.com/mktows/"

session = requests.Session()
session.trust_env = False
client = zeep.Client(wsdl=wsdl, transport=Transport(session=session))
service = client.create_service("{%s}MktowsApiSoapBinding" % NS, endpoint)
header_type = client.get_element("{%s}AuthenticationHeader" % NS)

objects = [{
    "type": "Opportunity",
    "id": 50 + k % 30,
    "attribList": {"attrib": [
        {"name": "Name", "value": "Bench opportunity %d" % k},
        {"name": "Amount", "value": "1000.00"},
        {"name": "Stage", "value": "Prospecting"},
    ]},
} for k in range(100)]


def call_once():
    ts = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    sig = hmac.new(key.encode(), (ts + user).encode(), hashlib.sha1).hexdigest()
    header = header_type(mktowsUserId=user, requestSignature=sig, requestTimestamp=ts)
    r = service.syncMObjects(mObjectList={"mObject": objects}, operation="UPSERT",
                             _soapheaders=[header])
    # zeep unwraps single-child wrappers: the reply arrives as the ArrayOfMObjStatus itself.
    for name in ("result", "mObjStatusList"):
        if name in r:
            r = r[name]
    return len(r.mObjStatus)


if call_once() != 100:
    sys.exit("zeep_driver: bad warm-up")
if start_at > 0:
    time.sleep(max(0.0, start_at - time.time()))
def cpu_seconds():
    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime


cpu0 = cpu_seconds()
t0 = time.perf_counter()
end = t0 + seconds
calls = failed = objs = 0
while time.perf_counter() < end:
    try:
        n = call_once()
        objs += n
        failed += n != 100
    except zeep.exceptions.Fault as f:
        failed += 1
        print("zeep_driver:", f, file=sys.stderr)
    calls += 1
el = time.perf_counter() - t0
cpu_us = (cpu_seconds() - cpu0) * 1e6 / max(calls, 1)
print("objects=%d seconds=%.4f objects_per_s=%.1f calls=%d failed=%d cpu_us_per_call=%.1f"
      % (objs, el, objs / el, calls, failed, cpu_us))
sys.exit(1 if failed else 0)
