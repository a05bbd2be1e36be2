#!/usr/bin/python3
"""Generate wsdl/mktows.wsdl (Marketo SOAP API "mktows", schema version 3_1).

The WSDL is derived from the interface reference (mktows-api.md):
  * section 3  -> the 23 operations, in portType order, with their request/response elements;
  * section 5  -> every complexType / simpleType, in schema order (markdown tables);
  * section 6  -> version history; rows are filtered for API version 3_1.

Usage (stdlib only):
    /usr/bin/python3 wsdl/tools/gen_wsdl.py [--ref PATH/mktows-api.md] [--out wsdl/mktows.wsdl]

The committed wsdl/mktows.wsdl is the artifact; this script documents how it was made and can
regenerate it. Re-running it on the same reference must produce a byte-identical file.

Version rules applied for 3_1 (see section 6 of the reference):
  * rows/enum values whose notes say "**3_1 only**" are kept;
  * rows/enum values whose notes say "**2_1 and 2_2 only**" are dropped (ListOperationType.CLEARLIST,
    ParamsListOperation.skipActivityLog);
  * the tables carry the 2_7 occurrences; ActivityRecord.id and LeadChangeRecord.id change in 3_1 to
    xs:long, minOccurs 0, nillable (explicit override below, asserted against the row's note).
"""

import argparse
import os
import re
import sys
from xml.sax.saxutils import escape, quoteattr

TNS = "http://www.marketo.com/mktows/"
API_VERSION = "3_1"
PLACEHOLDER_ADDRESS = "http://127.0.0.1:8080/soap/mktows/3_1"

# 3_1 changes that the 2_7-based tables express only in the notes column.
OVERRIDES_3_1 = {
    ("ActivityRecord", "id"): {"type": "xs:long", "min": "0", "max": "1", "nillable": True},
    ("LeadChangeRecord", "id"): {"type": "xs:long", "min": "0", "max": "1", "nillable": True},
}
OVERRIDE_NOTE = "3_1: xs:long, minOccurs=0, nillable"

DROP_MARK = "**2_1 and 2_2 only**"
KEEP_MARK = "**3_1 only**"

# Our own one-line descriptions for wsdl:documentation (deliberately not the original WSDL's texts,
# which contain copy-paste slips for listMObjects and getChannels).
OP_DOCS = {
    "deleteMObjects": "Deletes Opportunity or OpportunityPersonRole objects identified by type and id.",
    "describeMObject": "Returns the field metadata of one MObject type.",
    "getMObjects": "Queries Program, Opportunity or OpportunityPersonRole objects; paged by stream position.",
    "syncMObjects": "Inserts, updates or upserts up to 100 MObjects and returns one status per object.",
    "getCampaignsForSource": "Lists the smart campaigns that can be requested from a given source.",
    "getImportToListStatus": "Reports the progress of an importToList job.",
    "getLead": "Returns the lead records that match one lead key.",
    "getLeadActivity": "Returns the activity history of one lead; paged by stream position.",
    "getLeadChanges": "Returns lead change and activity records across leads; paged by stream position.",
    "getMultipleLeads": "Returns leads selected by key list, static list or update window; paged.",
    "importToList": "Starts an asynchronous CSV-style import of leads into a static list of a program.",
    "listMObjects": "Returns the names of the MObject types that describeMObject accepts.",
    "listOperation": "Adds leads to, removes leads from, or checks membership in a static list.",
    "requestCampaign": "Runs leads through a smart campaign that has a 'Campaign is Requested' trigger.",
    "scheduleCampaign": "Schedules a batch smart campaign, optionally with program token overrides.",
    "syncLead": "Creates or updates one lead; honours the optional MktowsContextHeader workspace.",
    "syncMultipleLeads": "Creates or updates several leads in one call.",
    "syncCustomObjects": "Inserts, updates or upserts custom object records.",
    "deleteCustomObjects": "Deletes custom object records identified by their key lists.",
    "getCustomObjects": "Reads custom object records; paged by stream position.",
    "mergeLeads": "Merges one or more losing leads into a winning lead.",
    "getChannels": "Returns channels (Channel tag values) with their progression statuses.",
    "getTags": "Returns the non-channel tag types with their allowed values.",
}


def die(msg):
    sys.stderr.write("gen_wsdl: error: %s\n" % msg)
    sys.exit(1)


def warn(msg):
    sys.stderr.write("gen_wsdl: note: %s\n" % msg)


def section(text, start_re, end_re):
    m1 = re.search(start_re, text, re.M)
    m2 = re.search(end_re, text[m1.end():], re.M) if m1 else None
    if not m1 or not m2:
        die("cannot locate section %r .. %r" % (start_re, end_re))
    return text[m1.end():m1.end() + m2.start()]


def strip_ticks(s):
    s = s.strip()
    if s.startswith("`") and s.endswith("`"):
        s = s[1:-1]
    return s


def table_rows(block):
    """Data rows of every markdown table in block, as lists of raw cell strings."""
    rows = []
    for line in block.splitlines():
        line = line.strip()
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if all(re.fullmatch(r"-+", c) for c in cells if c):
            continue  # separator
        rows.append(cells)
    return rows


# --------------------------------------------------------------------------- section 3: operations

def parse_operations(text):
    block = section(text, r"^## 3\. Operations", r"^## 4\.")
    ops = []
    for cells in table_rows(block):
        if cells[0] == "#":
            continue
        m_req = re.fullmatch(r"`(params\w+)` \((\w+)\)", cells[2])
        m_res = re.fullmatch(r"`(success\w+)` \((\w+)\)", cells[3])
        if not (m_req and m_res):
            die("bad operation row: %r" % cells)
        ops.append({
            "num": int(cells[0]),
            "name": strip_ticks(cells[1]),
            "req_elem": m_req.group(1), "req_type": m_req.group(2),
            "res_elem": m_res.group(1), "res_type": m_res.group(2),
        })
    if len(ops) != 23 or [o["num"] for o in ops] != list(range(1, 24)):
        die("expected operations numbered 1..23, got %d" % len(ops))
    return ops


# --------------------------------------------------------------------------- section 5: types

def parse_types(text):
    block = section(text, r"^## 5\. Types", r"^## 6\.")
    parts = re.split(r"^#### (\w+)[ \t]*$", block, flags=re.M)
    types = []
    for name, body in zip(parts[1::2], parts[2::2]):
        t = {"name": name, "global": None, "kind": None, "base": None, "abstract": False,
             "rows": [], "values": []}
        m = re.search(r"Global element: `tns:(\w+)`", body)
        if m:
            t["global"] = m.group(1)
        rows = table_rows(body)
        if "simpleType, restriction of `xs:string` (enumeration)" in body:
            t["kind"] = "enum"
            for cells in rows:
                if cells[0] == "value":
                    continue
                value, notes = strip_ticks(cells[0]), "|".join(cells[1:])
                if DROP_MARK in notes:
                    warn("%s: enum value %s dropped (%s)" % (name, value, DROP_MARK))
                    continue
                t["values"].append(value)
            if not t["values"]:
                die("%s: enumeration without values" % name)
        else:
            t["kind"] = "complex"
            if 'abstract="true"' in body:
                t["abstract"] = True
            m = re.search(r"Extends `tns:(\w+)`", body)
            if m:
                t["base"] = m.group(1)
            for cells in rows:
                if cells[0] == "#":
                    if cells[1:6] != ["element", "type", "minOccurs", "maxOccurs", "nillable"]:
                        die("%s: unexpected table header %r" % (name, cells))
                    continue
                if len(cells) < 7:
                    die("%s: short row %r" % (name, cells))
                row = {
                    "name": strip_ticks(cells[1]),
                    "type": strip_ticks(cells[2]),
                    "min": cells[3], "max": cells[4],
                    "nillable": {"true": True, "false": False}[cells[5]],
                    "notes": "|".join(cells[6:]),
                }
                if DROP_MARK in row["notes"]:
                    warn("%s.%s dropped (%s)" % (name, row["name"], DROP_MARK))
                    continue
                if KEEP_MARK in row["notes"]:
                    warn("%s.%s kept (%s)" % (name, row["name"], KEEP_MARK))
                ov = OVERRIDES_3_1.get((name, row["name"]))
                if ov:
                    if OVERRIDE_NOTE not in row["notes"]:
                        die("%s.%s: override no longer matches the reference note" % (name, row["name"]))
                    row.update(ov)
                    warn("%s.%s -> %s minOccurs=%s nillable=%s (3_1 override)"
                         % (name, row["name"], ov["type"], ov["min"], ov["nillable"]))
                elif re.search(r"\b\d_\d\b", row["notes"]) and KEEP_MARK not in row["notes"]:
                    warn("%s.%s: version remark kept as tabled: %s" % (name, row["name"], row["notes"]))
                if not re.fullmatch(r"\d+", row["min"]) or not re.fullmatch(r"\d+|unbounded", row["max"]):
                    die("%s.%s: bad occurrences %s..%s" % (name, row["name"], row["min"], row["max"]))
                if not re.fullmatch(r"(xs|tns):\w+", row["type"]):
                    die("%s.%s: bad type %r" % (name, row["name"], row["type"]))
                t["rows"].append(row)
            empty_marker = ("_Empty sequence" in body) or ("_No content" in body)
            if not t["rows"] and not empty_marker:
                die("%s: no rows and no empty-content marker" % name)
            if t["rows"] and empty_marker:
                die("%s: rows and empty-content marker both present" % name)
        types.append(t)
    return types


def check_model(ops, types):
    by_name = {t["name"]: t for t in types}
    if len(by_name) != len(types):
        die("duplicate type names")
    # every referenced tns: type exists
    for t in types:
        if t["base"] and t["base"] not in by_name:
            die("%s extends unknown %s" % (t["name"], t["base"]))
        for r in t["rows"]:
            if r["type"].startswith("tns:") and r["type"][4:] not in by_name:
                die("%s.%s: unknown type %s" % (t["name"], r["name"], r["type"]))
    # global elements: exactly the 2 headers + 23 params + 23 success
    globals_ = {t["global"]: t["name"] for t in types if t["global"]}
    expected = {"AuthenticationHeader": "AuthenticationHeaderInfo",
                "MktowsContextHeader": "MktowsContextHeaderInfo"}
    for o in ops:
        expected[o["req_elem"]] = o["req_type"]
        expected[o["res_elem"]] = o["res_type"]
    if globals_ != expected:
        die("global elements in section 5 do not match section 3: %r"
            % (set(globals_.items()) ^ set(expected.items())))
    # LeadSelector family
    if not by_name["LeadSelector"]["abstract"] or by_name["LeadSelector"]["rows"]:
        die("LeadSelector must be abstract and empty")
    subs = sorted(t["name"] for t in types if t["base"] == "LeadSelector")
    if subs != ["LastUpdateAtSelector", "LeadKeySelector", "StaticListSelector"]:
        die("unexpected LeadSelector extensions %r" % subs)

    # spot checks of the 3_1 shape (section 6)
    def seq(n):
        return [r["name"] for r in by_name[n]["rows"]]
    checks = [
        (seq("AuthenticationHeaderInfo"),
         ["mktowsUserId", "requestSignature", "requestTimestamp", "partnerId", "audit", "mode"]),
        (seq("ParamsScheduleCampaign"),
         ["programName", "cloneToProgramName", "campaignName", "campaignRunAt", "programTokenList"]),
        (seq("ParamsSyncLead"), ["leadRecord", "returnLead", "marketoCookie", "moveCookie"]),
        (seq("ParamsListOperation"), ["listOperation", "listKey", "listMemberList", "strict"]),
        (seq("ParamsMergeLeads"), ["winningLeadKeyList", "losingLeadKeyLists", "mergeInSales"]),
        (seq("ParamsGetLeadChanges"),
         ["startPosition", "activityFilter", "activityNameFilter", "batchSize", "leadSelector"]),
        (seq("ActivityRecord")[:2], ["id", "marketoGUID"]),
        (seq("LeadChangeRecord")[:2], ["id", "marketoGUID"]),
        (by_name["ListOperationType"]["values"], ["ADDTOLIST", "ISMEMBEROFLIST", "REMOVEFROMLIST"]),
        (len(by_name["ActivityType"]["values"]), 57),
    ]
    for got, want in checks:
        if got != want:
            die("3_1 spot check failed: got %r, want %r" % (got, want))
    mstat = by_name["MObjStatus"]["rows"][0]
    if not (mstat["name"] == "id" and mstat["nillable"] and mstat["min"] == "1"):
        die("MObjStatus.id must be minOccurs 1, nillable in 3_1")
    for unused in ("ArrayOfBase64Binary", "VersionedItem", "ArrayOfVersionedItem", "MObjectTypeEnum"):
        if unused not in by_name:
            die("missing defined-but-unused type %s" % unused)


# --------------------------------------------------------------------------- emit

def emit(ops, types, ref_name):
    out = []
    w = out.append
    w('<?xml version="1.0" encoding="UTF-8"?>')
    w("<!--")
    w("  Marketo SOAP API (\"mktows\"), API/schema version %s." % API_VERSION)
    w("  Written for this SDK (first generated by wsdl/tools/gen_wsdl.py from research notes that are")
    w("  not part of this repository); this file is now the maintained contract: edit it directly and")
    w("  run tests/wsdl/wsdl_clients_test.sh. Facts and sources: docs/protocol.md.")
    w("  Document/literal, bare; SOAP 1.1.")
    w("  Only global elements are namespace-qualified (no elementFormDefault).")
    w("-->")
    w('<wsdl:definitions name="mktows"')
    w('    targetNamespace="%s"' % TNS)
    w('    xmlns:tns="%s"' % TNS)
    w('    xmlns:xs="http://www.w3.org/2001/XMLSchema"')
    w('    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"')
    w('    xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/">')
    w("")
    w("  <wsdl:types>")
    w('    <xs:schema targetNamespace="%s">' % TNS)
    w("")
    w("      <!-- Global elements: SOAP headers, then request bodies, then response bodies. -->")
    w('      <xs:element name="AuthenticationHeader" type="tns:AuthenticationHeaderInfo"/>')
    w('      <xs:element name="MktowsContextHeader" type="tns:MktowsContextHeaderInfo"/>')
    for o in ops:
        w('      <xs:element name="%s" type="tns:%s"/>' % (o["req_elem"], o["req_type"]))
    for o in ops:
        w('      <xs:element name="%s" type="tns:%s"/>' % (o["res_elem"], o["res_type"]))

    def elem(r, ind):
        a = ['name="%s"' % r["name"], 'type="%s"' % r["type"]]
        if r["min"] != "1":
            a.append('minOccurs="%s"' % r["min"])
        if r["max"] != "1":
            a.append('maxOccurs="%s"' % r["max"])
        if r["nillable"]:
            a.append('nillable="true"')
        w("%s<xs:element %s/>" % (ind, " ".join(a)))

    for t in types:
        w("")
        if t["kind"] == "enum":
            w('      <xs:simpleType name="%s">' % t["name"])
            w('        <xs:restriction base="xs:string">')
            for v in t["values"]:
                w('          <xs:enumeration value=%s/>' % quoteattr(v))
            w("        </xs:restriction>")
            w("      </xs:simpleType>")
            continue
        abstract = ' abstract="true"' if t["abstract"] else ""
        w('      <xs:complexType name="%s"%s>' % (t["name"], abstract))
        if t["base"]:
            w("        <xs:complexContent>")
            w('          <xs:extension base="tns:%s">' % t["base"])
            ind = "              "
            w("            <xs:sequence>")
            for r in t["rows"]:
                elem(r, ind)
            w("            </xs:sequence>")
            w("          </xs:extension>")
            w("        </xs:complexContent>")
        elif t["rows"]:
            w("        <xs:sequence>")
            for r in t["rows"]:
                elem(r, "          ")
            w("        </xs:sequence>")
        else:
            w("        <xs:sequence/>")
        w("      </xs:complexType>")
    w("")
    w("    </xs:schema>")
    w("  </wsdl:types>")
    w("")
    w("  <!-- Header messages -->")
    w('  <wsdl:message name="AuthenticationHeader">')
    w('    <wsdl:part name="authentication" element="tns:AuthenticationHeader"/>')
    w("  </wsdl:message>")
    w('  <wsdl:message name="MktowsContextHeader">')
    w('    <wsdl:part name="mktowsContext" element="tns:MktowsContextHeader"/>')
    w("  </wsdl:message>")
    w("")
    w("  <!-- Body messages: {Op}Request / {Op}Response, one part named like its element -->")
    for o in ops:
        cap = o["name"][0].upper() + o["name"][1:]
        w('  <wsdl:message name="%sRequest">' % cap)
        w('    <wsdl:part name="%s" element="tns:%s"/>' % (o["req_elem"], o["req_elem"]))
        w("  </wsdl:message>")
        w('  <wsdl:message name="%sResponse">' % cap)
        w('    <wsdl:part name="%s" element="tns:%s"/>' % (o["res_elem"], o["res_elem"]))
        w("  </wsdl:message>")
    w("")
    w('  <wsdl:portType name="MktowsPort">')
    for o in ops:
        cap = o["name"][0].upper() + o["name"][1:]
        w('    <wsdl:operation name="%s">' % o["name"])
        w("      <wsdl:documentation>%s</wsdl:documentation>" % escape(OP_DOCS[o["name"]]))
        w('      <wsdl:input message="tns:%sRequest"/>' % cap)
        w('      <wsdl:output message="tns:%sResponse"/>' % cap)
        w("    </wsdl:operation>")
    w("  </wsdl:portType>")
    w("")
    w("  <!-- No wsdl:fault anywhere: errors arrive as plain SOAP 1.1 faults. -->")
    w('  <wsdl:binding name="MktowsApiSoapBinding" type="tns:MktowsPort">')
    w('    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>')
    for o in ops:
        w('    <wsdl:operation name="%s">' % o["name"])
        w('      <soap:operation soapAction="%s%s" style="document"/>' % (TNS, o["name"]))
        w("      <wsdl:input>")
        w('        <soap:header use="literal" part="authentication" message="tns:AuthenticationHeader"/>')
        if o["name"] == "syncLead":
            w('        <soap:header use="literal" part="mktowsContext" message="tns:MktowsContextHeader"/>')
        w('        <soap:body use="literal"/>')
        w("      </wsdl:input>")
        w("      <wsdl:output>")
        w('        <soap:body use="literal"/>')
        w("      </wsdl:output>")
        w("    </wsdl:operation>")
    w("  </wsdl:binding>")
    w("")
    w('  <wsdl:service name="MktMktowsApiService">')
    w('    <wsdl:port name="MktowsApiSoapPort" binding="tns:MktowsApiSoapBinding">')
    w("      <!-- Placeholder only. Clients never use this address: every Marketo instance has its")
    w("           own endpoint (Admin > Integration > Web Services), which the SDK takes from its")
    w("           configuration; the mock server is given its URL at run time as well. -->")
    w('      <soap:address location="%s"/>' % PLACEHOLDER_ADDRESS)
    w("    </wsdl:port>")
    w("  </wsdl:service>")
    w("")
    w("</wsdl:definitions>")
    return "\n".join(out) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ref", default="/work/shared/reference/mktows-api.md")
    ap.add_argument("--out", default=os.path.join(here, "..", "mktows.wsdl"))
    args = ap.parse_args()
    with open(args.ref, encoding="utf-8") as f:
        text = f.read()
    ops = parse_operations(text)
    types = parse_types(text)
    check_model(ops, types)
    wsdl = emit(ops, types, os.path.basename(args.ref))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(wsdl)
    n_enum = sum(1 for t in types if t["kind"] == "enum")
    warn("wrote %s: %d operations, %d complexTypes, %d simpleTypes"
         % (os.path.normpath(args.out), len(ops), len(types) - n_enum, n_enum))


if __name__ == "__main__":
    main()
