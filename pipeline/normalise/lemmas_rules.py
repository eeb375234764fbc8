"""Ending-rule analyses for languages without a morphological dictionary here (Belarusian,
Ukrainian): data in lang/<xx>/lemma_rules.tsv and adj_nominative.tsv. Every candidate reading
is offered to the agreement logic, which keeps the one where adjectives and head agree
(`Гродзенскага абласнога выканаўчага камітэта` -> `Гродзенскі абласны выканаўчы камітэт`)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Callable, NamedTuple

from pipeline.lang import LANG_DIR, data_lines
from pipeline.normalise.agreement import Analysis

_SOFT_STEM = tuple("кгхьй")


def tsv_rows(path: Path) -> list[list[str]]:
    """Rows of a language data table (tab-separated, `#` comments), six columns each."""
    return [(line.split("\t") + [""] * 6)[:6] for line in data_lines(path)]


@lru_cache(maxsize=None)
def _rules(lang: str) -> tuple[list[list[str]], dict[str, tuple[str, str]]]:
    rules = sorted(tsv_rows(LANG_DIR / lang / "lemma_rules.tsv"), key=lambda r: -len(r[0]))
    adj_nom = {r[0]: (r[1], r[2]) for r in tsv_rows(LANG_DIR / lang / "adj_nominative.tsv")}
    return rules, adj_nom


def has_rules(lang: str) -> bool:
    return bool(_rules(lang)[0])


class RuleEngine:
    """Engine for `agreement.lemmatise_words` from ending tables."""

    has_dictionary = False  # False: every word gets ending-rule readings
    postnominal_adjectives = False

    def __init__(self, lang: str):
        self.lang = lang

    def analyse(self, word: str) -> tuple[Analysis, ...]:
        return _analyse(word, self.lang)

    def nominative(self, word: str, a: Analysis, gender: str, number: str) -> str | None:
        stem, nom_end = a.ref
        if a.pos == "adj":
            _rules_, adj_nom = _rules(self.lang)
            key = "pl" if number == "pl" else (gender or "m")
            hard, soft = adj_nom.get(key, ("", ""))
            return stem + (soft if stem.lower().endswith(_SOFT_STEM) else hard)
        return stem + nom_end


@lru_cache(maxsize=50_000)
def _analyse(word: str, lang: str) -> tuple[Analysis, ...]:
    rules, _adj = _rules(lang)
    low = word.lower()
    out = []
    oblique_adj = False
    for end, pos, case, number, gender, nom_end in rules:
        if not low.endswith(end) or len(word) - len(end) < 3:
            continue
        stem = word[: len(word) - len(end)]
        if pos == "adj" and case != "nom":
            oblique_adj = True
        elif pos == "noun" and oblique_adj:
            continue  # `Гродзенскага` is an adjective, not a noun in -а
        out.append(Analysis(lemma=stem + nom_end, pos=pos, case=case, number=number,
                            gender=gender, ref=(stem, nom_end)))
    if not oblique_adj:  # any other word may be a nominative noun as it stands
        for gender in ("m", "f", "n"):
            out.append(Analysis(lemma=word, pos="noun", case="nom", number="sg", gender=gender,
                                ref=(word, "")))
    return tuple(out)


def word_list(path: Path) -> tuple[str, ...]:
    """The lines of a language data list (`#` comments and blank lines skipped)."""
    return tuple(row[0] for row in tsv_rows(path))


_VOWELS = "aeiouyąęócаеёиоуыэюяіїєўáàâãäåéèêëíìîïóòôõöúùûüýÿ"  # foreign vowels too (`María`)
_NASAL_ENDINGS = ("ą", "ę")  # endings no foreign name has of its own (`Alitalią`, `Rebeccę`)


class UnknownWordRule(NamedTuple):
    """A row of lang/<xx>/unknown_word_suffixes.tsv."""

    end: str
    repl: str
    labels: frozenset[str]
    cases: tuple[str, ...]  # the cases a person-name word with this ending is read in
    gender: str


@lru_cache(maxsize=None)
def unknown_word_rules(lang: str) -> tuple[UnknownWordRule, ...]:
    """Ending rules for words no dictionary knows (`Gazpromu`, `Brennana`), in file order."""
    rows = []
    for end, repl, labels, cases, gender, _x in tsv_rows(LANG_DIR / lang / "unknown_word_suffixes.tsv"):
        rows.append(UnknownWordRule(end, repl, frozenset(labels.split(",")),
                                    tuple(c for c in cases.split(",") if c), gender))
    return tuple(rows)


def unknown_word_rule(word: str, lang: str,
                      accept: Callable[[UnknownWordRule], bool]) -> UnknownWordRule | None:
    """The first accepted rule whose ending the word has; an ending counts only after a
    consonant (`-a` of `Analytica` is no ending), unless the replacement keeps its letter or
    the ending is a nasal vowel."""
    return next(_matching_rules(word, lang, accept), None)


def _matching_rules(word: str, lang: str, accept: Callable[[UnknownWordRule], bool]):
    for rule in unknown_word_rules(lang):
        if not word.endswith(rule.end) or len(word) - len(rule.end) < 2 or not accept(rule):
            continue
        stem = word[: len(word) - len(rule.end)]
        if rule.end and stem[-1].lower() in _VOWELS and not rule.repl.startswith(rule.end[:1]) \
                and rule.end not in _NASAL_ENDINGS:
            continue
        yield rule


def ending_rule_lemmas(word: str, lang: str) -> tuple[str, ...]:
    """What every ending rule the word has would make of it, for any mention type, in file
    order: the lemmas the rules for unknown words weigh (`Obamy`: `Obama`, ...)."""
    return tuple(word[: len(word) - len(rule.end)] + rule.repl for rule in _matching_rules(word, lang, lambda r: True))


# the evidence an NKJP ending needs before it overrides the hand-written rules: this many words,
# this share of them taking the one edit; or, where at most this share of them is its own
# lemma, the commonest edit whatever its share (`-anie`: `-an` or `-ana`, never `-anie`)
ENDING_MIN_WORDS = 3
ENDING_MIN_SHARE = 0.8
ENDING_MAX_KEPT = 0.0


@lru_cache(maxsize=None)
def _unknown_word_endings(lang: str) -> dict[str, tuple[int, str, int, int, int]]:
    """ending -> (cut, added, words with that edit, words, words kept) from
    lang/<xx>/unknown_word_endings.tsv (generated from NKJP-1M by
    scripts/build_unknown_word_endings.py)."""
    return {r[0]: (int(r[1]), r[2], int(r[3]), int(r[4]), int(r[5] or 0))
            for r in tsv_rows(LANG_DIR / lang / "unknown_word_endings.tsv")}


def unknown_word_ending(word: str, lang: str) -> str | None:
    """The lemma of a word no dictionary knows by how the NKJP words with its longest counted
    ending inflect (`Tézy` -> `Téza`, as most words in `-zy`; `Valdemura` stays, as most
    in `-ura` do), or None where those words disagree (then the hand-written rules decide)."""
    table = _unknown_word_endings(lang)
    low = word.lower()
    for n in range(min(len(word) - 1, 5), 0, -1):
        row = table.get(low[-n:])
        if row is None or row[3] < ENDING_MIN_WORDS:
            continue
        cut, add, best, total, kept = row
        if best < ENDING_MIN_SHARE * total and kept > ENDING_MAX_KEPT * total or not 0 <= cut < len(word) - 1:
            return None
        return word[: len(word) - cut] + add
    return None


def unknown_word_kept(word: str, lang: str) -> bool:
    """Most NKJP words with the word's longest counted ending are their own lemma (`-ura`):
    the ending is the word's own, whatever a rule would strip."""
    table = _unknown_word_endings(lang)
    low = word.lower()
    for n in range(min(len(word) - 1, 5), 0, -1):
        row = table.get(low[-n:])
        if row is not None and row[3] >= ENDING_MIN_WORDS:
            cut, add, best, total, _kept = row
            return cut == 0 and not add and best >= ENDING_MIN_SHARE * total
    return False


def ending_readings(word: str, lang: str, ref: object = None) -> tuple[Analysis, ...]:
    """Person-name readings of a capitalised word no dictionary knows, by the rules of
    lang/<xx>/unknown_word_suffixes.tsv for its ending, every matching one up to the first
    person-name rule without cases (`Kelly`: none): `Nomejki` is the genitive of a man's
    `Nomejko` or of a woman's `Nomejka`, and the other words of the name tell which."""
    if not word[:1].isupper() or not word.isalpha() or word.isupper():
        return ()
    out: list[Analysis] = []
    for rule in _matching_rules(word, lang, lambda r: bool(r.cases) or "PER" in r.labels):
        if not rule.cases:
            break
        lemma = word[: len(word) - len(rule.end)] + rule.repl
        out.extend(Analysis(lemma=lemma, pos="noun", case=c, number="sg", gender=rule.gender,
                            kinds=frozenset({"guess"}), ref=ref) for c in rule.cases)
    return tuple(out)
