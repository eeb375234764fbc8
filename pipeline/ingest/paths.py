"""Turning the command line's inputs into a sorted list of (file, root) pairs."""
from __future__ import annotations

import os
from pathlib import Path


class InputNotFound(Exception):
    """An input path given on the command line does not exist (the CLI exits non-zero)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def is_hidden(name: str) -> bool:
    """Dot-files and dot-folders (.git, .DS_Store, ._resource forks) are never articles."""
    return name.startswith(".")


def printable(name: str) -> str:
    """A file name as valid Unicode: undecodable bytes (surrogate escapes) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def source_of(file: Path, root: Path) -> str:
    """The file's path relative to its input root, `/`-separated; its name if given directly."""
    if file == root:
        return printable(file.name)
    try:
        return printable(file.relative_to(root).as_posix())
    except ValueError:
        return printable(file.name)


def _walk(folder: Path) -> list[Path]:
    """Every non-hidden non-directory entry below `folder`; directory symlinks not followed."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not is_hidden(d))
        found.extend(Path(dirpath) / f for f in filenames if not is_hidden(f))
    return found


_ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".txt.gz", ".html.gz", ".htm.gz")


def _stem(name: str, suffixes: tuple[str, ...]) -> str:
    low = name.lower()
    for suffix in suffixes:
        if low.endswith(suffix):
            return name[: -len(suffix)]
    return ""


def drop_sidecars(files: list[Path]) -> list[Path]:
    """Leave out `x.json` where an article file `x.txt`/`x.html`(`.gz`) sits in the same folder.

    Such a JSON is that article's metadata or annotation (scrapers and the seeds keep one
    beside each article), not an article of its own. Only applies inside folders: a `.json`
    given directly on the command line is always read.
    """
    stems = {(f.parent, _stem(f.name, _ARTICLE_SUFFIXES)) for f in files} - {(f.parent, "") for f in files}
    return [
        f for f in files
        if not (f.name.lower().endswith(".json") and (f.parent, f.name[: -len(".json")]) in stems)
    ]


def resolve_inputs(inputs: list[Path]) -> list[tuple[Path, Path]]:
    """(file, root) pairs in a deterministic order: by root as given, then relative path.

    A file given directly has its parent folder as root (its source is its name). The same
    (file, root) pair given twice is listed once. Raises `InputNotFound` for a missing path.
    """
    pairs: list[tuple[Path, Path]] = []
    seen: set[tuple[str, str]] = set()
    for raw in inputs:
        path = Path(raw)
        if not path.exists() and not path.is_symlink():
            raise InputNotFound(f"input not found: {path}")
        if path.is_dir():
            files = sorted(drop_sidecars(_walk(path)), key=lambda f: f.relative_to(path).as_posix())
            candidates = [(f, path) for f in files]
        else:
            candidates = [(path, path.parent)]
        for file, root in candidates:
            key = (str(file), str(root))
            if key not in seen:
                seen.add(key)
                pairs.append((file, root))
    return pairs
