"""Articles as plain JSON-able dicts and back (cache entries, Dask partitions).

JSON, not pickle: a cache folder or a partition file can never execute code when read.
"""
from __future__ import annotations

import dataclasses
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


def article_to_dict(article: Article) -> dict[str, Any]:
    data = dataclasses.asdict(article)
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
