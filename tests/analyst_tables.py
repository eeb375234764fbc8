"""A small hand-made set of output tables (own invented content) for the analyst tests.

Why: the analyst layer is tested on its own, independent of what the extraction stages find;
the sample-archive tests (`sample_out`) cover the real run.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.ingest.ids import article_id
from pipeline.tables.schema import FLOAT, INTEGER, TABLES
from pipeline.tables.write import write_tables

TEXT_A = "Seminarium w Grodnie odbyło się 5 maja 2020 r. Podpisano memorandum."
TEXT_B = "В Бресте 12 октября 2019 года прошёл круглый стол."
A1, A2 = article_id("a.txt"), article_id("feed.jsonl#2")  # the ids ingest gives these sources


def rows() -> dict[str, list[dict]]:
    return {
        "articles": [
            {"article_id": A1, "source": "a.txt", "title": "Seminarium w Grodnie", "published": "2020-05-06",
             "language": "pl", "languages": "pl | ru", "n_chars": len(TEXT_A), "status": "ok"},
            {"article_id": A2, "source": "feed.jsonl#2", "title": "Круглый стол", "published": "2019-10",
             "language": "ru", "languages": "ru", "n_chars": len(TEXT_B), "status": "ok"},
            {"article_id": "A3", "source": "bad.txt", "language": "und", "status": "error", "error": "binary"},
        ],
        "places": [
            {"place_id": "P627904", "name": "Grodno", "name_en": "Grodno", "geonames_id": 627904,
             "country_code": "BY", "lat": 53.68, "lon": 23.83, "feature": "city", "aliases": "Grodno | Grodnie", "n_mentions": 1},
            {"place_id": "P629634", "name": "Brześć", "name_en": "Brest", "geonames_id": 629634,
             "country_code": "BY", "lat": 52.10, "lon": 23.70, "feature": "city", "aliases": "Бресте | Brześć", "n_mentions": 1},
        ],
        "organisations": [
            {"org_id": "O1", "name": "Fundacja Współpracy Polesia", "country_code": "PL", "n_mentions": 2},
            {"org_id": "O2", "name": "Брестский областной исполнительный комитет", "country_code": "BY", "n_mentions": 1},
            {"org_id": "O3", "name": "=HYPERLINK(\"x\")", "n_mentions": 1},
        ],
        "events": [
            {"event_id": f"{A1}-e001", "article_id": A1, "event_type": "seminar", "date_start": "2020-05-05",
             "date_end": "2020-05-05", "date_inferred": "false", "place_id": "P627904", "place_name": "Grodno",
             "country_code": "BY", "organisers": "Fundacja Współpracy Polesia | Nieznana Organizacja",
             "participants": "Брестский областной исполнительный комитет", "status": "held",
             "start": 0, "end": TEXT_A.index(" Podpisano"), "confidence": 0.8},
            {"event_id": f"{A2}-e001", "article_id": A2, "event_type": "meeting", "date_start": "2019-10",
             "date_end": "2019-10", "date_inferred": "true", "place_id": "P629634", "place_name": "Brześć",
             "country_code": "BY", "organisers": "Брестский областной исполнительный комитет", "status": "held",
             "start": 0, "end": len(TEXT_B), "confidence": 0.6},
        ],
        "agreements": [
            {"agreement_id": f"{A1}-a001", "article_id": A1, "agreement_type": "memorandum", "title": "memorandum",
             "date": "2020-05-05", "place_id": "P627904", "place_name": "Grodno", "country_code": "BY",
             "parties": "Fundacja Współpracy Polesia | Брестский областной исполнительный комитет | Grodno",
             "party_ids": "O1 | O2 | P627904", "status": "signed", "event_id": f"{A1}-e001",
             "start": TEXT_A.index("Podpisano"), "end": len(TEXT_A), "confidence": 0.7, "date_inferred": "false"},
        ],
        "errors": [{"source": "bad.txt", "stage": "ingest", "error": "binary"}],
    }


def _frame(name: str, records: list[dict]) -> pd.DataFrame:
    """Typed like the tables stage types them: nullable ints/floats, strings elsewhere."""
    df = pd.DataFrame(records, columns=TABLES[name])
    for col in df.columns:
        if col in INTEGER:
            df[col] = pd.to_numeric(df[col]).astype("Int64")
        elif col in FLOAT:
            df[col] = pd.to_numeric(df[col]).astype("Float64")
        else:
            df[col] = df[col].astype("string")
    return df


def tables() -> dict[str, pd.DataFrame]:
    r = rows()
    return {name: _frame(name, r.get(name, [])) for name in TABLES}


def texts() -> dict[str, str]:
    return {A1: TEXT_A, A2: TEXT_B}


def write(out: Path) -> Path:
    """The tables as a run would write them (CSV + Parquet), texts.parquet for A2 only; a.txt under raw/."""
    texts_df = pd.DataFrame({"article_id": [A2], "text": [TEXT_B]}).astype("string")
    write_tables(tables(), out, {"csv", "parquet"}, extra_parquet={"texts": texts_df})
    (out / "raw").mkdir(exist_ok=True)
    (out / "raw" / "a.txt").write_text(TEXT_A, encoding="utf-8")
    return out
