"""Articles as plain JSON-able dicts and back (cache entries, Dask partitions).

JSON, not pickle: a cache folder or a partition file can never execute code when read.
"""
from __future__ import annotations

import dataclasses
from functools import lru_cache
from typing import Any

from pipeline.record import (Agreement, Article, Event, Mention, Organisation, Place, Segment,
                             Sentence)

_LISTS = {"segments": Segment, "sentences": Sentence, "mentions": Mention, "events": Event,
          "agreements": Agreement}
_DICTS = {"places": Place, "organisations": Organisation}


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


@lru_cache(maxsize=None)
def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _shallow(obj: Any) -> dict[str, Any]:
    """A record's fields as a dict. Unlike `dataclasses.asdict` (a deep copy, ~3x slower than the
    JSON encoding itself), nested lists are shared with the record: read the result, don't change it."""
    return {name: getattr(obj, name) for name in _names(type(obj))}


def article_to_dict(article: Article) -> dict[str, Any]:
    data = _shallow(article)
    for name in _LISTS:
        data[name] = [_shallow(x) for x in getattr(article, name)]
    for name in _DICTS:
        data[name] = {k: _shallow(v) for k, v in getattr(article, name).items()}
    data["languages"] = list(article.languages)
    data["meta"] = _jsonable({k: v for k, v in article.meta.items() if k != "traceback"})
    for m in data["mentions"]:
        m["attrs"] = _jsonable(m["attrs"])
    return data


def article_from_dict(data: dict[str, Any]) -> Article:
    data = dict(data)
    for name, cls in _LISTS.items():
        data[name] = [cls(**item) for item in data.get(name, [])]
    for name, cls in _DICTS.items():
        data[name] = {k: cls(**v) for k, v in data.get(name, {}).items()}
    return Article(**data)
