"""Writing tables: atomic replacement and spreadsheet-safe CSV cells."""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline.tables.write import OutputError, write_tables


def test_formula_cells_are_neutralised_in_csv_and_raw_in_parquet(tmp_path):
    df = pd.DataFrame({
        "title": ["=HYPERLINK(\"http://x\")", "+48 22", "-minus", "@SUM(A1)", "\tTab", "Mińsk – Могилев"],
        "lat": [-12.5, 1.0, 2.0, 3.0, 4.0, 5.0],
    }).astype({"title": "string"})
    write_tables({"places": df}, tmp_path, {"csv", "parquet"})
    back = pd.read_csv(tmp_path / "places.csv", dtype={"title": str}, keep_default_na=False)
    assert list(back["title"][:5]) == ["'=HYPERLINK(\"http://x\")", "'+48 22", "'-minus", "'@SUM(A1)", "'\tTab"]
    assert back["title"][5] == "Mińsk – Могилев"
    assert back["lat"][0] == -12.5
    raw = pd.read_parquet(tmp_path / "places.parquet")
    assert raw["title"][0] == "=HYPERLINK(\"http://x\")"


def test_failed_write_leaves_previous_tables(tmp_path, monkeypatch):
    import pipeline.tables.write as w
    (tmp_path / "events.csv").write_text("old,complete\n1,2\n")
    real = w.csv_bytes

    def failing(df):
        if "boom" in df.columns:
            raise OSError(28, "No space left on device")
        return real(df)

    monkeypatch.setattr(w, "csv_bytes", failing)
    with pytest.raises(OutputError):
        write_tables({"articles": pd.DataFrame({"a": ["1"]}), "events": pd.DataFrame({"boom": ["x"]})},
                     tmp_path, {"csv"})
    assert (tmp_path / "events.csv").read_text() == "old,complete\n1,2\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"]
