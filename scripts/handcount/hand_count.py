#!/usr/bin/env python3
"""Counts the published figures from the sheet alone (out/sheet.xlsx) and the office's unit list (units.csv),
as an office would count by hand, without any of the portal's code.

Definitions used (docs/ARCHITECTURE.md "Reports", the notes under the dashboard, reports.define.*):
- A class is HELD when its first day has come (first day <= the day of the run, Vietnam time) and it is not
  cancelled; a class whose first day is still ahead is PLANNED and counted apart (classes, persons on its roster,
  budget), never among what was organised.
- A row of the sheet is one person on one class's roster. Rows the documented rules refuse are not counted: a class
  whose delivery mode is none of the documented values (then all its rows), a row with no trainee level and a
  position that the documented list (position-levels.txt) does not map.
- A PERSON is a national ID (digits only; dots ignored; a number cell's lost leading zeros put back to 12 digits).
  Two different national IDs are two persons, whatever else they share (a household's phone). A row without a
  national ID is the person whose records carry that phone (the one person with that phone), else a person known by
  that phone alone.
- ENROLMENTS: persons on the roster of a held class, once per class (two rows of one person in a class are one).
- PARTICIPATIONS (lượt): a person who attended at least one session of a held class, once per class.
- UNIQUE PARTICIPANTS: distinct persons who attended at least one session of the classes counted.
- SESSION ATTENDANCES: sessions at which a person was present; "Số buổi có mặt" n = the first n sessions, so two rows
  of one person in one class give max(n1, n2) marks, not n1 + n2.
- COMPLETIONS: persons who attended at least 80% of the class's sessions (attended * 100 >= 80 * sessions).
- BUDGET: the budget recorded for the held classes counted (blank = 0).
- TRAINEE LEVEL of a participation: the level written for that class (the "Đối tượng" column, or when blank the
  position by the documented list) - who the trainee was then, not today; a person's first row in a class decides.
  With a trainee-level filter: participations, persons, attendances, completions and enrolments are those of that
  level; a CLASS counts for a level when someone of that level took part (attended at least one session), and the
  budget is that of the classes counted.
- MODE: "Trực tiếp"/"Tập trung"/blank = in person; "Trực tuyến"/"online" = online; "Kết hợp" = blended; compared
  without case, diacritics or Unicode form.
- ORGANISING LEVEL: the "Cấp tổ chức" column, blank = the level of the organising unit (province/district/commune).
- YEAR: the year of the class's first day.
- UNIT: a class counts under the unit that organised it as it is today: a unit in force under itself; a unit
  dissolved in 2025 under its successor (the lowest code if several), and without a successor of its own where its
  parent counts (a district of the former Hà Giang -> the former Hà Giang -> Tuyên Quang). A province's figures hold
  every class counted under it or one of its communes. A dissolved unit chosen "as recorded" holds exactly the classes
  recorded under it or under units below it; chosen by successor it shows its successor's figures. The UNIT
  breakdown of a province has a row per commune of today and one for the province's own level ("key" 0).
"""
import csv
import datetime as dt
import os
import re
import unicodedata
from collections import defaultdict

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
LEVELS = ["PROVINCE_OFFICIAL", "DISTRICT_OFFICIAL", "COMMUNE_OFFICIAL", "VILLAGE_OFFICIAL", "RESIDENT"]


def fold(text):
    t = unicodedata.normalize("NFD", str(text or "")).replace("đ", "d").replace("Đ", "D")
    t = "".join(ch for ch in t if unicodedata.category(ch) != "Mn").lower()
    return re.sub(r"[\W_]+", " ", t).strip()


MODE_WORDS = {"": "IN_PERSON", "truc tiep": "IN_PERSON", "tap trung": "IN_PERSON", "in person": "IN_PERSON",
              "truc tuyen": "ONLINE", "online": "ONLINE", "ket hop": "BLENDED", "blended": "BLENDED"}
LEVEL_WORDS = {"can bo cap tinh": "PROVINCE_OFFICIAL", "tinh": "PROVINCE_OFFICIAL", "province official": "PROVINCE_OFFICIAL",
               "can bo cap huyen": "DISTRICT_OFFICIAL", "cap huyen": "DISTRICT_OFFICIAL", "huyen": "DISTRICT_OFFICIAL",
               "can bo cap xa": "COMMUNE_OFFICIAL", "cap xa": "COMMUNE_OFFICIAL", "xa": "COMMUNE_OFFICIAL",
               "commune official": "COMMUNE_OFFICIAL", "can bo thon ban": "VILLAGE_OFFICIAL", "thon": "VILLAGE_OFFICIAL",
               "nguoi dan": "RESIDENT", "dan": "RESIDENT", "nong dan": "RESIDENT"}
# positions met in the sheet, each checked by eye against the documented list position-levels.txt
POSITION_LEVELS = {"Phó Giám đốc Sở": "PROVINCE_OFFICIAL", "Chuyên viên VPĐP NTM tỉnh": "PROVINCE_OFFICIAL",
                   "Trưởng phòng Nông nghiệp": "DISTRICT_OFFICIAL", "Phó Chủ tịch UBND huyện": "DISTRICT_OFFICIAL",
                   "Chủ tịch UBND xã": "COMMUNE_OFFICIAL", "Cán bộ dân vận xã": "COMMUNE_OFFICIAL",
                   "Công chức Địa chính - Nông nghiệp": "COMMUNE_OFFICIAL", "Trưởng thôn": "VILLAGE_OFFICIAL",
                   "Trưởng bản": "VILLAGE_OFFICIAL", "Bí thư chi bộ thôn": "VILLAGE_OFFICIAL", "Nông dân": "RESIDENT",
                   "Hộ dân": "RESIDENT", "Chủ hộ": "RESIDENT"}
KINDS = ["thị trấn", "thành phố", "tỉnh", "xã", "phường", "huyện"]


def today():
    return (dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=7)).date()


class Units:
    """The office's unit list: the two provinces of today and units.csv."""

    def __init__(self):
        self.u = {"08": {"name": "Tuyên Quang", "kind": "tỉnh", "parent": None, "to": None, "succ": []},
                  "15": {"name": "Lào Cai", "kind": "tỉnh", "parent": None, "to": None, "succ": []}}
        with open(os.path.join(HERE, "units.csv"), encoding="utf-8") as f:
            for r in csv.DictReader(f):
                self.u[r["code"]] = {"name": r["name"], "kind": r["kind"], "parent": r["parent_code"] or None,
                                     "to": dt.date.fromisoformat(r["valid_to"]) if r["valid_to"] else None,
                                     "succ": [s for s in r["successor_codes"].split(";") if s]}

    def in_force(self, code):
        to = self.u[code]["to"]
        return to is None or to >= today()

    def reported(self, code):
        if self.in_force(code):
            return code
        if self.u[code]["succ"]:
            return self.reported(min(self.u[code]["succ"]))
        return self.reported(self.u[code]["parent"])

    def chain(self, code):
        out = []
        while code:
            out.append(code)
            code = self.u[code]["parent"]
        return out

    def level(self, code):
        p = self.u[code]["parent"]
        if p is None:
            return "PROVINCE"
        if self.u[p]["parent"] is None and self.u[code]["kind"] in ("huyện", "thành phố", "quận", "thị xã"):
            return "DISTRICT"
        return "COMMUNE"

    def find(self, cell):
        if isinstance(cell, (int, float)):
            text = str(int(cell))
            for width in (5, 2):
                if text.zfill(width) in self.u:
                    return text.zfill(width)
        text = str(cell).strip()
        if text in self.u:
            return text
        for kind in KINDS:
            if text.lower().startswith(kind + " "):
                name = text[len(kind) + 1:].strip()
                hits = [c for c, u in self.u.items() if u["kind"] == kind and fold(u["name"]) == fold(name)]
                if len(hits) == 1:
                    return hits[0]
        raise ValueError(f"unit not found: {cell!r}")


def national_id(cell):
    if cell is None or cell == "":
        return None
    digits = re.sub(r"\D", "", str(int(cell)) if isinstance(cell, (int, float)) else str(cell))
    return digits.zfill(12) if 9 < len(digits) < 12 else digits


def date_of(cell):
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    d, m, y = re.split(r"[/.-]", str(cell).strip())
    return dt.date(int(y), int(m), int(d))


def load(path=os.path.join(HERE, "out", "sheet.xlsx")):
    """Classes and their roster places from the sheet: {code: class}, with class['places'] = {person: place}."""
    units = Units()
    rows = list(openpyxl.load_workbook(path, data_only=True).active.iter_rows(values_only=True))
    h = next(i for i, r in enumerate(rows[:10]) if "Mã lớp" in r)
    header = list(rows[h])
    col = {name: i for i, name in enumerate(header) if name}
    lines = [dict((name, r[i]) for name, i in col.items()) for r in rows[h + 1:] if any(v not in (None, "") for v in r)]
    classes, refused = {}, []
    for n, r in enumerate(lines, start=h + 2):
        code = r["Mã lớp"]
        if code not in classes:
            mode = MODE_WORDS.get(fold(r["Hình thức"]))
            unit = units.find(r["Mã đơn vị tổ chức"])
            org = fold(r["Cấp tổ chức"])
            classes[code] = {"code": code, "unit": unit, "start": date_of(r["Từ ngày"]), "sessions": int(r["Số buổi"]),
                             "mode": mode, "budget": int(re.sub(r"\D", "", r["Kinh phí (đồng)"] or "0") or 0),
                             "programme": (r["Chương trình"] or "").strip() or None,
                             "organising": {"cap tinh": "PROVINCE", "tinh": "PROVINCE", "cap huyen": "DISTRICT",
                                            "cap xa": "COMMUNE"}.get(org) or units.level(unit),
                             "rows": []}
        c = classes[code]
        if c["mode"] is None:
            refused.append((n, code, "unknown mode " + str(r["Hình thức"])))
            continue
        level = LEVEL_WORDS.get(fold(r["Đối tượng"])) if r["Đối tượng"] else POSITION_LEVELS.get((r["Chức vụ"] or "").strip())
        if level is None:
            refused.append((n, code, "no level: position " + str(r["Chức vụ"])))
            continue
        c["rows"].append({"line": n, "nid": national_id(r["Số CCCD"]), "phone": re.sub(r"\D", "", str(r["Số điện thoại"] or "")),
                          "level": level, "attended": int(r["Số buổi có mặt"] or 0)})
    classes = {k: c for k, c in classes.items() if c["mode"] is not None}
    # who is who: a national ID; a row without one is the one person with its phone, else a person by the phone
    phone_owners = defaultdict(set)
    for c in classes.values():
        for r in c["rows"]:
            if r["nid"] and r["phone"]:
                phone_owners[r["phone"]].add(r["nid"])
    for c in classes.values():
        places = {}
        for r in c["rows"]:
            if r["nid"]:
                person = "id:" + r["nid"]
            elif len(phone_owners[r["phone"]]) == 1:
                person = "id:" + next(iter(phone_owners[r["phone"]]))
            else:
                person = "phone:" + r["phone"]
            if person in places:  # the same person twice: one place, each session once, the first row's level
                places[person]["attended"] = max(places[person]["attended"], r["attended"])
            else:
                places[person] = {"level": r["level"], "attended": r["attended"]}
        c["places"] = places
        c["held"] = c["start"] <= today()
        c["today"] = units.reported(c["unit"])
    return units, classes, refused


def select(units, classes, unit=None, as_recorded=False, year=None, mode=None, organising=None, programme=None, held=True):
    """The classes a filter keeps (before any trainee level)."""
    out = []
    target = None if unit is None else (unit if as_recorded else units.reported(unit))
    for c in classes.values():
        if c["held"] != held:
            continue
        if target is not None:
            if as_recorded:
                if target not in units.chain(c["unit"]):
                    continue
            elif target not in units.chain(c["today"]):
                continue
        if year and c["start"].year != year:
            continue
        if mode and c["mode"] != mode:
            continue
        if organising and c["organising"] != organising:
            continue
        if programme and c["programme"] != programme:
            continue
        out.append(c)
    return out


def figures(chosen, level=None):
    f = dict(classes=0, enrolments=0, sessionAttendances=0, participations=0, uniqueParticipants=0, completions=0, budgetVnd=0)
    persons = set()
    for c in chosen:
        places = {p: v for p, v in c["places"].items() if level is None or v["level"] == level}
        took_part = [p for p, v in places.items() if v["attended"] > 0]
        f["enrolments"] += len(places)
        if level is None or took_part:
            f["classes"] += 1
            f["budgetVnd"] += c["budget"]
        f["participations"] += len(took_part)
        persons.update(took_part)
        f["sessionAttendances"] += sum(v["attended"] for v in places.values())
        f["completions"] += sum(1 for v in places.values() if v["attended"] > 0 and v["attended"] * 100 >= 80 * c["sessions"])
    f["uniqueParticipants"] = len(persons)
    return f


def planned(chosen):
    return dict(classes=len(chosen), enrolments=sum(len(c["places"]) for c in chosen), budgetVnd=sum(c["budget"] for c in chosen))


def cases(path=os.path.join(HERE, "out", "sheet.xlsx")):
    """How many of each case of issue 15 the sheet holds (among the rows counted)."""
    units, classes, refused = load(path)
    raw = list(openpyxl.load_workbook(path).active.iter_rows(min_row=3, values_only=True))
    phones = defaultdict(set)
    levels = defaultdict(set)
    for c in classes.values():
        for r in c["rows"]:
            if r["nid"]:
                phones[r["phone"]].add(r["nid"])
        for p, v in c["places"].items():
            levels[p].add(v["level"])
    modes = defaultdict(int)
    seen = set()
    for r in raw:
        if r[0] not in seen:
            seen.add(r[0])
            text = r[5] or ""
            modes[(text + (" (decomposed Unicode)" if text != unicodedata.normalize("NFC", text) else ""))] += 1
    dissolved = defaultdict(int)
    for c in classes.values():
        if not units.in_force(c["unit"]):
            dissolved[f"{c['unit']} {units.u[c['unit']]['kind']} {units.u[c['unit']]['name']} -> {c['today']}"] += 1
    return {
        "1 household phones shared by two national IDs": sum(1 for v in phones.values() if len(v) > 1),
        "2 persons whose recorded level changes between classes": sum(1 for v in levels.values() if len(v) > 1),
        "2 rows whose level comes from the position (documented list)": sum(1 for r in raw if not r[14]),
        "3 classes per mode as written": dict(modes),
        "4 classes recorded under units dissolved in 2025": dict(dissolved),
        "5 planned classes (first day ahead)": sum(1 for c in classes.values() if not c["held"]),
        "7 same person twice in one class (ID row + phone-only row)": sum(len(c["rows"]) - len(c["places"]) for c in classes.values()),
        "8 classes with a resident on the roster who never came and no resident who took part": sum(
            1 for c in classes.values() if c["held"] and any(v["level"] == "RESIDENT" and v["attended"] == 0 for v in c["places"].values())
            and not any(v["level"] == "RESIDENT" and v["attended"] > 0 for v in c["places"].values())),
        "national IDs as numbers / with dots": (sum(1 for r in raw if isinstance(r[11], int)), sum(1 for r in raw if isinstance(r[11], str) and "." in r[11])),
        "classes whose unit is a number cell / written by name": (
            len({r[0] for r in raw if isinstance(r[2], int)}), len({r[0] for r in raw if isinstance(r[2], str) and " " in r[2]})),
        "refused by the documented rules (rows)": len(refused),
    }


if __name__ == "__main__":
    for k, v in cases().items():
        print(f"- {k}: {v}")
    units, classes, refused = load()
    print("refused rows:", refused)
    held = [c for c in classes.values() if c["held"]]
    print(f"classes stored {len(classes)}, held {len(held)}, places {sum(len(c['places']) for c in classes.values())}, "
          f"marks {sum(v['attended'] for c in classes.values() for v in c['places'].values())}")
    for p in ("08", "15"):
        print(p, figures(select(units, classes, p)), "planned", planned(select(units, classes, p, held=False)))
