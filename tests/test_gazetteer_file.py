"""The gazetteer's on-disk layout (scripts/build_gazetteer.py writes it, gazetteer.load reads it)."""
from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

import pytest

from pipeline.normalise import gazetteer

ROOT = Path(__file__).resolve().parents[1]


def _builder():
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _data() -> dict:
    rows = [
        ["geo:1", "Brzostek", "Brzostek", 1, "PL", 49.9, 21.4, "city", 2700, ["brzostek"]],
        ["geo:2", "Brzostowo", "Brzostowo", 2, "PL", 53.5, 22.3, "city", 0, ["brzostowo"]],
        ["loc:powiat testowy", "powiat testowy", "", None, "PL", None, None, "region", 0, ["powiat testowy"]],
    ]
    index = {"brzostek": [0], "brzostek gorny": [1], "brzostowo": [1, 0], "powiat testowy": [2]}
    return {"source": "test", "columns": ["key"], "places": rows, "index": dict(sorted(index.items()))}


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "gaz.txt.gz"
    path.write_bytes(gzip.compress("\n".join(_builder().lines(data)).encode("utf-8")))
    return path


def test_written_file_reads_back_rows_index_and_keys(tmp_path):
    data = _data()
    gaz = gazetteer.load(_write(tmp_path, data))
    assert len(gaz.places) == 3
    assert [gaz.places.row(i) for i in range(3)] == data["places"]
    for alias, ids in data["index"].items():
        assert gaz.index.get(alias) == tuple(ids)
    assert gaz.places[1].name == "Brzostowo" and gaz.places.is_primary(1, "brzostowo")
    assert gaz.key_index == {"geo:1": 0, "geo:2": 1, "loc:powiat testowy": 2}
    assert gaz.get("geo:2").population == 0


@pytest.mark.parametrize("alias", ["brzost", "brzostek g", "brzostowo2", "a", "zzz", "brzostek\t"])
def test_index_misses_prefixes_and_neighbours(tmp_path, alias):
    gaz = gazetteer.load(_write(tmp_path, _data()))
    assert gaz.index.get(alias) is None
    assert gaz.index.get(alias, ()) == ()


def test_builder_rejects_aliases_that_would_break_the_sorted_lines():
    data = _data()
    data["index"]["bad\talias"] = [0]
    with pytest.raises(ValueError):
        _builder().lines(data)


def test_shipped_file_answers_like_a_dict_of_its_lines():
    gaz = gazetteer.get_gazetteer()
    lines = gaz.index.lines
    assert lines == sorted(lines)
    for line in lines[:: max(1, len(lines) // 500)]:
        alias, _, ids = line.partition("\t")
        assert gaz.index.get(alias) == tuple(int(i) for i in ids.split())
