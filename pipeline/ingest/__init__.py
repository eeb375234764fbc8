"""Ingest: input files and archives -> one `Article` per article (plus `Problem` rows).

Formats: `.txt` (header block / seed layout), `.html`/`.htm`, `.jsonl`/`.json`, `.csv`,
any of them `.gz`-compressed, and `.zip` archives of them (read in memory, never extracted).
Files without an extension are read as `.txt`. Every input article yields exactly one
`Article`, failed ones with status `empty`/`error` and a short reason; `Problem` rows are
for what is not an article: refused zip members (`..`, absolute path, symlink), refused or
broken archives (bombs, too many entries, too deep), unsupported file types, non-regular
files, a compressed feed cut off after some records. Nothing here raises for bad input;
only `resolve_inputs` (and so `iter_articles`) raises `InputNotFound` for a missing path.

Decisions:
- source: path relative to the input root, `/`-separated; a file given directly: its name.
  Records: `path#<id>` where the record has a usable id (string/int, no `#`, unique in the
  file), else `path#<n>`, n 1-based: the line number in `.jsonl`, the element number in a
  `.json` list, the data-row number in `.csv` (header not counted). Zip members:
  `archive.zip#member/path.txt`, records in them `archive.zip#feed.jsonl#<id>`; a repeated
  member name gets `~2`, `~3`.
- article_id: `a` + 15 hex of sha1(source); the input root's folder name joins the hash only
  for a source that occurs under two roots.
- text: `.txt` = the whole decoded file (header included, CRLF kept, UTF-8 BOM stripped, so
  offsets index the text without U+FEFF); HTML = extracted article text, paragraphs split by
  a blank line; records = their `text` field. `body_start` > 0 only for `.txt` with a header
  block or the seed layout.
- A `x.json` beside an article file `x.txt`/`x.html` in a folder is that article's sidecar
  (metadata/annotation, as in the seeds), not an article: it is not listed.
- Limits: see `Limits`. An article file over `max_file_bytes` is refused from its size (never
  read); `.jsonl` feeds are streamed line by line (a line over `max_file_bytes` fails alone),
  a `.jsonl.gz` may decompress to `max_archive_total`.
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
