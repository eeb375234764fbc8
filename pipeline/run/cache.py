"""Per-article result cache: incremental and resumable runs.

An entry is keyed by the article's content (source, text, metadata) and the pipeline's
version (a hash of the package's code, data and model files), so a re-run over an archive
processes only new or changed articles, and any change to the pipeline invalidates all.
Each entry is written atomically as soon as its article is done: a run killed midway resumes
where it stopped.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from pipeline.paths import pl_ner_model_dir
from pipeline.record import Article
from pipeline.run.serialize import article_from_dict, article_to_dict

PACKAGE_DIR = Path(__file__).resolve().parents[1]
_HASHED_SUFFIXES = {".py", ".json", ".tsv", ".cfg", ".gz", ".txt", ".bin", ".spacy", ""}


def _hash_files(digest, folder: Path) -> None:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix in _HASHED_SUFFIXES:
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """A hash of every code, data and model file of the package, and of the Polish NER model
    when $PIPELINE_PL_NER_MODEL puts one outside it (its results must not pass for the shipped one's)."""
    digest = hashlib.sha1()
    _hash_files(digest, PACKAGE_DIR)
    model = pl_ner_model_dir().resolve()
    if not model.is_relative_to(PACKAGE_DIR.resolve()) and model.is_dir():
        digest.update(b"pl_ner:")
        _hash_files(digest, model)
    return digest.hexdigest()[:16]


def content_key(article: Article) -> str:
    digest = hashlib.sha1()
    for part in (pipeline_version(), article.article_id, article.source, article.url, article.title,
                 article.published, str(article.body_start), article.status, article.error,
                 json.dumps(article.meta, sort_keys=True, default=str), article.text):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


class ArticleCache:
    def __init__(self, folder: Path):
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json.gz"

    def has(self, key: str) -> bool:
        """An entry is stored (without reading it; `get` may still find it damaged)."""
        return self._path(key).exists()

    def get(self, key: str) -> Article | None:
        path = self._path(key)
        try:
            with gzip.open(path, "rt", encoding="utf-8", errors="surrogatepass") as fh:
                return article_from_dict(json.load(fh))
        except (OSError, ValueError, TypeError, EOFError):
            return None  # absent or damaged: process again

    def put(self, key: str, article: Article) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0) as fh:
                fh.write(json.dumps(article_to_dict(article), ensure_ascii=False).encode("utf-8", "surrogatepass"))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
