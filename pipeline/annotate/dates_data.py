"""Date vocabulary of one language: `pipeline/lang/<xx>/dates.json` merged with its fallbacks.

A segment labelled `ru` may really be Belarusian (the languages share most date words), so each
language's file names `fallback` languages whose vocabulary is added to its own. Languages
without a file (en, und, ...) get an empty vocabulary: the grammar then reads numeric dates only.

Keys of dates.json (word lists are matched case-insensitively, multi-word entries with any
whitespace): `months` / `weekdays` / `ordinals` / `part_words` map a value to its forms in all
cases ("10": ["październik", "października", ...]; ordinal -1 = the last; part_words: months
per part, kwartał -> 3); `month_abbr` (only read before a dot and a year); `fold_diacritics`
(letter pairs: month forms are also matched without diacritics, for comments);
`relative_days` / `relative_years` (word -> offset); `modifiers` (prev/next/this ->
adjective forms) and `weekday_modifiers` (used before weekdays only); `units` (week/month/
year nouns after a modifier); `count_units`, `count_words`, `ago` ("trzy dni temu");
`year_markers` ("r.", "года"), `years_markers` (after a year range), `year_words` ("w roku
2019"), `this_year_markers` ("br."), `prev_year_markers` ("ub. roku"); `range_from`,
`range_to`, `range_and`, `range_or` (range and list links); `preps` (before a month or weekday
alone), `period_preps`, `month_qualifiers` ("początku", "середине"); `time_prefixes_strong`
(make any hour a time: "godz.") and `time_prefixes` (weak: "o", "в"); `street_prefixes`;
`future_cues` (word starts that make a sentence an announcement); `day_suffixes` ("-го"),
`year_suffixes` ("2019-м году"),
`ordinal_suffixes` ("2-й"), `decade_words`, `decade_suffixes`; `fallback` (languages whose
vocabulary is added).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pipeline.lang import load_json

FILENAME = "dates.json"


@dataclass(frozen=True)
class DateVocab:
    """Word -> value maps (keys lower-cased) and word lists the grammar is compiled from."""

    months: dict[str, int] = field(default_factory=dict)
    month_abbr: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    relative_days: dict[str, int] = field(default_factory=dict)
    relative_years: dict[str, int] = field(default_factory=dict)
    modifiers: dict[str, str] = field(default_factory=dict)  # word -> prev/next/this
    weekday_modifiers: dict[str, str] = field(default_factory=dict)  # extra ones before weekdays only ("ostatni")
    units: dict[str, str] = field(default_factory=dict)  # word -> week/month/year
    part_words: dict[str, int] = field(default_factory=dict)  # kwartał -> 3, półrocze -> 6 (months)
    count_units: dict[str, str] = field(default_factory=dict)  # word -> day/week/month/year
    count_words: dict[str, int] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    day_ordinals: dict[str, int] = field(default_factory=dict)  # "piętnastego", "двадцать третьего" (day of month)
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def words(self, name: str) -> tuple[str, ...]:
        return self.lists.get(name, ())


_LIST_KEYS = ("ago", "year_markers", "years_markers", "year_words", "this_year_markers", "prev_year_markers", "range_from",
              "range_to", "range_and", "preps", "period_preps", "month_qualifiers", "time_prefixes",
              "time_prefixes_strong", "street_prefixes", "future_cues", "ordinal_suffixes", "day_suffixes",
              "range_or", "decade_words", "decade_suffixes", "year_suffixes")


def _fold_table(spec: str) -> dict[int, str]:
    """'ąa ćc' -> str.translate table mapping each letter to its plain form."""
    return {ord(pair[0]): pair[1] for pair in spec.split() if len(pair) == 2}


def _invert(groups: dict[str, list[str]], fold: dict[int, str], cast=int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, forms in groups.items():
        for form in forms:
            for variant in {form.lower(), form.lower().translate(fold)} if fold else {form.lower()}:
                out.setdefault(variant, cast(key))
    return out


def _merge(target: dict, extra: dict) -> None:
    for k, v in extra.items():
        target.setdefault(k, v)


@lru_cache(maxsize=None)
def vocab(lang: str) -> DateVocab:
    """The merged vocabulary of `lang` (its own entries first, then its fallbacks')."""
    own = load_json(lang, FILENAME)
    if own is None:
        return DateVocab()
    sources = [own] + [d for d in (load_json(code, FILENAME) for code in own.get("fallback", [])) if d]
    maps: dict[str, dict] = {k: {} for k in ("months", "month_abbr", "weekdays", "relative_days", "relative_years",
                                               "modifiers", "weekday_modifiers", "units", "part_words", "count_units",
                                               "count_words", "ordinals", "day_ordinals")}
    lists: dict[str, list[str]] = {k: [] for k in _LIST_KEYS}
    for data in sources:
        fold = _fold_table(data.get("fold_diacritics", ""))
        _merge(maps["months"], _invert(data.get("months", {}), fold))
        _merge(maps["month_abbr"], _invert(data.get("month_abbr", {}), fold))
        _merge(maps["weekdays"], _invert(data.get("weekdays", {}), {}))
        _merge(maps["ordinals"], _invert(data.get("ordinals", {}), {}))
        _merge(maps["day_ordinals"], _invert(data.get("day_ordinals", {}), {}))
        _merge(maps["modifiers"], _invert(data.get("modifiers", {}), {}, str))
        _merge(maps["weekday_modifiers"], _invert(data.get("weekday_modifiers", {}), {}, str))
        _merge(maps["units"], _invert(data.get("units", {}), {}, str))
        _merge(maps["part_words"], _invert(data.get("part_words", {}), {}))
        _merge(maps["count_units"], _invert(data.get("count_units", {}), {}, str))
        for key in ("relative_days", "relative_years", "count_words"):
            _merge(maps[key], {k.lower(): v for k, v in data.get(key, {}).items()})
        for key in _LIST_KEYS:
            lists[key].extend(w for w in data.get(key, []) if w not in lists[key])
    return DateVocab(**maps, lists={k: tuple(v) for k, v in lists.items()})
