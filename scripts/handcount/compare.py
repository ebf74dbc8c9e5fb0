#!/usr/bin/env python3
"""Compares the hand count (hand_count.py, from the sheet alone) with GET /api/v1/reports/summary.

Usage: python3 compare.py [baseUrl] [label]   (defaults http://127.0.0.1:8091, admin / Demo@2026)
Prints a markdown table figure / hand / portal / equal and the number of equal figures; exits 1 when any differs.
Only the provinces of the sheet (Tuyên Quang 08, Lào Cai 15) and their units are asked, so the demo data of other
provinces does not enter any figure.
"""
import base64
import json
import sys
import urllib.parse
import urllib.request

import hand_count as hc

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8091"
LABEL = sys.argv[2] if len(sys.argv) > 2 else ""
AUTH = "Basic " + base64.b64encode(b"admin:Demo@2026").decode()
COUNTERS = ["classes", "enrolments", "sessionAttendances", "participations", "uniqueParticipants", "completions", "budgetVnd"]
MODES = ["IN_PERSON", "ONLINE", "BLENDED"]
ORGANISING = ["PROVINCE", "DISTRICT", "COMMUNE"]


def api(params):
    url = BASE + "/api/v1/reports/summary?" + urllib.parse.urlencode(params, doseq=True)
    req = urllib.request.Request(url, headers={"Authorization": AUTH})
    with urllib.request.urlopen(req) as r:
        return json.load(r)


def main():
    units, classes, _ = hc.load()
    rows = []

    def compare(name, hand, portal, counters=COUNTERS):
        for k in counters:
            if portal.get(k) is None:
                continue  # the portal does not publish it there (classes by trainee level)
            rows.append((f"{name} · {k}", hand[k], portal[k], hand[k] == portal[k]))

    def ask(name, unit, as_recorded=False, **f):
        params = {"unit": unit, "asRecorded": str(as_recorded).lower()}
        if f.get("year"):
            params["year"] = f["year"]
        if f.get("mode"):
            params["mode"] = f["mode"]
        if f.get("organising"):
            params["organisingLevel"] = f["organising"]
        if f.get("programme"):
            params["programme"] = f["programme"]
        if f.get("level"):
            params["traineeLevel"] = f["level"]
        d = api(params)
        chosen = hc.select(units, classes, unit, as_recorded, f.get("year"), f.get("mode"), f.get("organising"), f.get("programme"))
        compare(name, hc.figures(chosen, f.get("level")), d["total"])
        return d

    # 1. every unit of the sheet, by its successor today and as recorded; planned classes apart
    for code in ["08", "15", "02", "10", "H024", "H030", "H026", "H071", "H00826", "H00715", "H00718", "H132", "H135",
                 "H04498", "00688", "00691", "00823", "00886", "02248", "02641", "04267", "04495"]:
        for rec in (False, True):
            if rec and code in ("08", "15"):
                name = f"unit {code} as recorded (without the former provinces)"
            else:
                name = f"unit {code}" + (" as recorded" if rec else (" (by successor)" if not units.in_force(code) else ""))
            d = ask(name, code, rec)
            if not rec:
                compare(name + " planned", hc.planned(hc.select(units, classes, code, False, held=False)), d["planned"],
                        ["classes", "enrolments", "budgetVnd"])
    # 2. each province by year, mode, trainee level, organising level, programme (filters)
    for p in ("08", "15"):
        for y in range(2021, 2027):
            ask(f"{p} year {y}", p, year=y)
        for m in MODES:
            ask(f"{p} mode {m}", p, mode=m)
        for lv in hc.LEVELS:
            ask(f"{p} trainee level {lv}", p, level=lv)
        for o in ORGANISING:
            ask(f"{p} organising {o}", p, organising=o)
        for prog in sorted({c["programme"] for c in classes.values() if c["programme"]}):
            ask(f"{p} programme {prog}", p, programme=prog)
        for y in (2022, 2024, 2026):
            for lv in ("VILLAGE_OFFICIAL", "COMMUNE_OFFICIAL", "RESIDENT"):
                ask(f"{p} {y} trainee level {lv}", p, year=y, level=lv)
    ask("02 (former Hà Giang) as recorded, trainee level RESIDENT", "02", True, level="RESIDENT")
    ask("H030 as recorded, year 2024", "H030", True, year=2024)
    # 3. the breakdowns of each province
    for p in ("08", "15"):
        d = api({"unit": p, "breakdown": ["YEAR", "MODE", "TRAINEE_LEVEL", "UNIT", "ORGANISING_LEVEL"]})
        compare(f"{p} total (with breakdowns)", hc.figures(hc.select(units, classes, p)), d["total"])
        for r in d["breakdowns"]["YEAR"]:
            compare(f"{p} by year {r['key']}", hc.figures(hc.select(units, classes, p, year=int(r["key"]))), r["figures"])
        for r in d["breakdowns"]["MODE"]:
            compare(f"{p} by mode {r['key']}", hc.figures(hc.select(units, classes, p, mode=r["key"])), r["figures"])
        for r in d["breakdowns"]["ORGANISING_LEVEL"]:
            compare(f"{p} by organising {r['key']}", hc.figures(hc.select(units, classes, p, organising=r["key"])), r["figures"])
        for r in d["breakdowns"]["TRAINEE_LEVEL"]:
            compare(f"{p} by trainee level {r['key']}", hc.figures(hc.select(units, classes, p), r["key"]), r["figures"])
        communes = [c for c, u in units.u.items() if u["parent"] == p and units.in_force(c)]
        for r in d["breakdowns"]["UNIT"]:
            if r["unitId"] is None:
                own = [c for c in hc.select(units, classes, p) if c["today"] == p]
                compare(f"{p} by unit: province's own row ({r['label']})", hc.figures(own), r["figures"])
            else:
                code = next(c for c in communes if units.u[c]["name"] == r["label"])
                compare(f"{p} by unit {code} {r['label']}", hc.figures(hc.select(units, classes, code)), r["figures"])
        # every row the hand count has must be in the portal's breakdowns
        years = {int(r["key"]) for r in d["breakdowns"]["YEAR"]}
        for y in {c["start"].year for c in hc.select(units, classes, p)} - years:
            rows.append((f"{p} by year {y} · row present", True, False, False))
    equal = sum(1 for r in rows if r[3])
    print(f"### Hand count against GET /api/v1/reports/summary {LABEL}\n")
    print("| figure | hand | portal | equal |\n|---|---:|---:|:---:|")
    for name, hand, portal, ok in rows:
        print(f"| {name} | {hand} | {portal} | {'yes' if ok else '**NO**'} |")
    print(f"\n**{equal} of {len(rows)} figures equal** {LABEL}")
    return 0 if equal == len(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
