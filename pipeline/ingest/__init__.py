"""Ingest: input files and archives -> one `Article` per article (plus `Problem` rows).

Formats: `.txt` (header block / seed layout), `.html`/`.htm`, `.jsonl`/`.json`, `.csv`,
any of them `.gz`-compressed, and `.zip` archives of them (read in memory, never extracted).
Every input article yields exactly one `Article`, failed ones with status `empty`/`error`;
`Problem` is for what is not an article (refused zip members, bombs, unsupported files).
Nothing here raises for bad input; only `resolve_inputs` raises `InputNotFound`.

Sources: path relative to the input root (`/`-separated), a file given directly: its name;
records: `path#<id>` or `path#<n>` (1-based: jsonl line number, json list element, csv data
row); zip members: `archive.zip#member/path.txt` (and `archive.zip#feed.jsonl#<id>`).
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Iterator

from pipeline.record import Article, Problem

from .dispatch import iter_file, kind_of
from .limits import Limits
from .paths import InputNotFound, resolve_inputs, source_of

__all__ = ["Limits", "InputNotFound", "iter_articles", "iter_file", "resolve_inputs", "id_roots", "kind_of"]


def id_roots(pairs: list[tuple[Path, Path]]) -> dict[tuple[Path, Path], str]:
    """The root name to mix into ids, only for sources that occur under several roots."""
    by_source: dict[str, list[tuple[Path, Path]]] = defaultdict(list)
    for pair in pairs:
        by_source[source_of(*pair)].append(pair)
    out: dict[tuple[Path, Path], str] = {}
    for group in by_source.values():
        if len(group) < 2:
            continue
        names: dict[str, int] = defaultdict(int)
        for pair in group:
            name = pair[1].name or "root"
            names[name] += 1
            out[pair] = name if names[name] == 1 else f"{name}~{names[name]}"
    return out


def iter_articles(inputs: list[Path], limits: Limits = Limits()) -> Iterator[Article | Problem]:
    """Articles and problems of every input, in the deterministic order of `resolve_inputs`."""
    pairs = resolve_inputs(inputs)
    roots = id_roots(pairs)
    for file, root in pairs:
        yield from iter_file(file, root, limits, roots.get((file, root), ""))
