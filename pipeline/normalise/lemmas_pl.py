"""Polish word analyses and nominative generation through Morfeusz2 (SGJP)."""
from __future__ import annotations

from functools import lru_cache

from pipeline.lang import load_json
from pipeline.normalise import morph
from pipeline.normalise.agreement import Analysis, match_case
from pipeline.normalise.lemmas_rules import LANG_DIR, ending_readings, tsv_rows, word_list

_NOUN = {"subst", "depr"}
_ADJ = {"adj", "ppas", "pact"}
_GERUND = frozenset({"ger"})
_KINDS = {
    "nazwa_geograficzna": "geo", "człon_nazwy_geograficznej": "geo", "imię": "name",
    "nazwisko": "surname", "nazwa_organizacji": "org", "nazwa_pospolita": "common",
}


class PolishEngine:
    """Engine for `agreement.lemmatise_words` backed by Morfeusz2."""

    has_dictionary = True  # False: every word gets ending-rule readings
    postnominal_adjectives = True

    def analyse(self, word: str) -> tuple[Analysis, ...]:
        return _analyse(word)

    def name_head(self, lemma: str) -> bool:
        """A common noun that heads names of organisations, places and buildings (data:
        name_heads.txt and the heads of org_heads.json)."""
        return lemma in _name_heads()

    def known_place(self, name: str) -> bool:
        """A place of the gazetteer so named (`Stare Miasto`)."""
        from pipeline.normalise.gazetteer import get_gazetteer

        return get_gazetteer().knows(name)

    def bare(self, word: str) -> bool:
        """A word with no Polish case ending (`Corbyn`, `Cummings`, not `Corbyna`)."""
        low = word.lower()
        return not word.isupper() and low[-1:].isalpha() and not low.endswith(_case_endings())

    def guesses(self, word: str) -> tuple[Analysis, ...]:
        """Readings of a word Morfeusz does not know, by its ending (see `ending_readings`)."""
        return () if _analyse(word) else ending_readings(word, "pl")

    def adjective_guesses(self, word: str) -> tuple[Analysis, ...]:
        """Adjective readings of a word Morfeusz does not know, by its ending and a productive
        adjective suffix before it (`keratynowego`: genitive of `keratynowy`)."""
        return () if _analyse(word) else _adjective_guesses(word)

    def gerunds(self, word: str) -> tuple[Analysis, ...]:
        """Verbal-noun readings (`hamowania`: of `hamowanie`), kind `ger`: SGJP files them
        under the verb, so `analyse` leaves them out; a lower-case phrase headed by one
        (`modelowania biznesowego`) inflects like any neuter noun phrase."""
        return _gerunds(word)

    def nominative(self, word: str, a: Analysis, gender: str, number: str) -> str | None:
        if a.ref is None:  # a guess (see `guesses`)
            return match_case(word, a.lemma)
        if a.ref[0] == "compound":  # see `_place_compound`
            _kind, head, h, tail, t = a.ref
            first, last = self.nominative(head, h, h.gender, h.number), self.nominative(tail, t, t.gender, t.number)
            return f"{first}-{last}" if first and last else None
        if a.ref[0] == "adjective":  # see `adjective_guesses`
            _kind, stem, soft = a.ref
            if number == "pl" and gender == "m1":
                return None  # masculine personal plurals change the stem (-owi, -scy)
            hard_end, soft_end = _adjective_nominatives().get("pl" if number == "pl" else gender[:1] or "m", ("", ""))
            return match_case(word, stem + (soft_end if soft else hard_end)) if hard_end else None
        tag, lemma, prefix, suffix = a.ref
        form = _generate(lemma, tag, gender, number)
        if form is None:
            if a.pos == "noun" and a.number == "sg" and "ger" not in a.kinds:  # not the verb
                form = morph.base_lemma(lemma)
            else:
                return None
        model = word[len(prefix): len(word) - len(suffix)]
        return prefix + match_case(model, form) + suffix


@lru_cache(maxsize=100_000)
def _analyse(word: str) -> tuple[Analysis, ...]:
    if word.endswith(",") and word[:-1].isalpha() and not word[:-1].isupper():
        # `Szkoły Leśnej, Łowieckiej i Rybackiej`: adjectives listed in a name agree with
        # its head across the comma; other words end the phrase there as before
        return tuple(a for a in _plain(word[:-1], suffix=",") if a.pos == "adj")
    if "." in word or (word.isupper() and len(word) > 1):
        return ()  # abbreviations and acronyms (Wlk., PZL.23, MAM, DUP) are not inflected
    if "-" in word.strip("-"):
        head, _, tail = word.rpartition("-")
        if not any(c.isalpha() for c in tail):  # `potoku-2`: the word before the number inflects
            return _plain(head, suffix="-" + tail)
        tail_an = _plain(tail, prefix=head + "-")
        head_an = _plain(head, suffix="-" + tail)
        if tail_an and all(t.startswith("adja") for _l, t, _q in morph.pl_analyses(head)):
            return tail_an  # Przemysłowo-Handlowej: only the last part inflects
        return _place_compound(head, tail, tail_an) or tail_an or head_an
    return _plain(word)


@lru_cache(maxsize=100_000)
def _gerunds(word: str) -> tuple[Analysis, ...]:
    if not word.isalpha() or not any(tag.startswith("ger:") for _l, tag, _q in morph.pl_analyses(word)):
        return ()
    return _plain(word, classes=_GERUND)


def _place_compound(head: str, tail: str, tail_an: tuple[Analysis, ...]) -> tuple[Analysis, ...]:
    """Readings of a hyphenated place name both of whose parts are places in one case and
    number (`Kędzierzyna-Koźla`, `Alzacji-Lotaryngii`): both parts inflect, the name takes
    the last part's gender; a first part with several such readings takes the one that makes
    a place the gazetteer knows (`Bielsko-Biała`, not `Bielsk-`), then the one of the last
    part's kind (a plurale tantum beside a plurale tantum), then the larger place.
    Tail readings in other cases follow; () when no case is shared."""
    if "-" in head:
        return ()
    from pipeline.normalise.gazetteer import get_gazetteer

    geo = [a for a in _plain(head) if a.pos == "noun" and "geo" in a.kinds]
    out: list[Analysis] = []
    covered = set()
    for t in tail_an:
        if t.pos != "noun" or "geo" not in t.kinds or t.case == "nom":
            continue  # a nominative stays as written, as the last part's reading leaves it
        heads = [h for h in geo if h.case == t.case and h.number == t.number]
        if not heads:
            continue
        size = get_gazetteer().population
        h = max(heads, key=lambda h: (size(f"{h.lemma}-{t.lemma}"), ("pt" in h.kinds) == ("pt" in t.kinds),
                                      size(h.lemma)))
        t_plain = _plain(tail)[tail_an.index(t)]
        out.append(Analysis(lemma=f"{h.lemma}-{t.lemma}", pos="noun", case=t.case, number=t.number,
                            gender=t.gender, kinds=t.kinds - {"pt"}, ref=("compound", head, h, tail, t_plain)))
        covered.add((t.case, t.number))
    if not out:
        return ()
    return tuple(out) + tuple(t for t in tail_an if (t.case, t.number) not in covered)


def _plain(word: str, prefix: str = "", suffix: str = "", classes: frozenset[str] = frozenset()) -> tuple[Analysis, ...]:
    """Noun and adjective readings; with `classes`, readings of those classes only, as
    nouns of that kind (gerunds)."""
    out = []
    labels = morph.pl_labels(word)
    for lemma, tag, quals in morph.pl_analyses(word):
        parts = tag.split(":")
        cls = parts[0]
        if classes:
            if cls not in classes:
                continue
            pos = "noun"
            quals = tuple(quals) + (cls,)
        elif cls in _NOUN:
            pos = "noun"
        elif cls in _ADJ:
            pos = "adj"
        else:
            continue
        if len(parts) < 4:
            continue
        # a reading SGJP marks as dated or obsolete (`widmach`: of the old `widma`, beside
        # `widmo`) loses to a current one (see `lemmas._prefer`)
        dated = ["dated"] if labels and not _dated_labels().isdisjoint(labels.get((lemma, tag), ())) else []
        kinds = frozenset([_KINDS.get(q, q) for q in quals] + dated
                          + (["pt"] if parts[-1] == "pt" else []) + (["depr"] if cls == "depr" else []))
        out.append(Analysis(lemma=morph.base_lemma(lemma), pos=pos, case=parts[2],
                            number=parts[1], gender=parts[3], kinds=kinds,
                            ref=(tag, lemma, prefix, suffix)))
    return tuple(out)


@lru_cache(maxsize=100_000)
def _generate(lemma: str, tag: str, gender: str, number: str) -> str | None:
    """The form of `lemma` whose tag is `tag` with nominative case (and the head's gender and
    number for adjectives)."""
    parts = tag.split(":")
    parts[2] = "nom"
    if parts[0] in _ADJ:
        parts[1] = number or parts[1]
        parts[3] = gender or parts[3]
    elif number and parts[1] != number:  # a plural noun to the singular (`Słowian`)
        parts[1] = number
    want = ":".join(parts)
    forms = morph.pl_generate(lemma)
    exact = [orth for orth, t in forms if t == want]
    if exact:  # the lemma itself where it fits (`Niemcy`), else `Polacy` before `Polakowie`
        base = morph.base_lemma(lemma)
        return base if base in exact else min(exact, key=lambda f: (len(f), f))
    prefix = ":".join(parts[:3])
    rest = parts[4:]  # the degree of adjectives (`wielki`, not `największy`), aspect and such
    for orth, t in forms:  # gender granularity differs (m1 vs m3): same class, number, case
        tparts = t.split(":")
        if t.startswith(prefix) and (not gender or tparts[3][:1] == gender[:1]) and tparts[4:] == rest:
            return orth
    return None


@lru_cache(maxsize=1)
def _dated_labels() -> frozenset[str]:
    return frozenset(word_list(LANG_DIR / "pl" / "dated_labels.txt"))


@lru_cache(maxsize=1)
def _name_heads() -> frozenset[str]:
    return frozenset(word_list(LANG_DIR / "pl" / "name_heads.txt")) | frozenset(
        (load_json("pl", "org_heads.json") or {}).get("heads", ()))


@lru_cache(maxsize=1)
def _case_endings() -> tuple[str, ...]:
    return word_list(LANG_DIR / "pl" / "case_endings.txt")


@lru_cache(maxsize=1)
def _adjective_endings() -> tuple[tuple[str, tuple[str, ...], str, tuple[str, ...]], ...]:
    return tuple((end, tuple(cases.split(",")), number, tuple(genders.split(",")))
                 for end, cases, number, genders, _a, _b in tsv_rows(LANG_DIR / "pl" / "adjective_endings.tsv"))


@lru_cache(maxsize=1)
def _adjective_nominatives() -> dict[str, tuple[str, str]]:
    return {g: (hard, soft) for g, hard, soft, *_x in tsv_rows(LANG_DIR / "pl" / "adjective_nominatives.tsv")}


@lru_cache(maxsize=1)
def _adjective_stem_endings() -> tuple[str, ...]:
    return word_list(LANG_DIR / "pl" / "adjective_stem_endings.txt")


@lru_cache(maxsize=20_000)
def _adjective_guesses(word: str) -> tuple[Analysis, ...]:
    if not word.isalpha() or word.isupper():
        return ()
    for end, cases, number, genders in _adjective_endings():
        stem = word[: len(word) - len(end)]
        if not word.endswith(end) or len(stem) < 3:
            continue
        soft = end.startswith("i") and end not in ("imi", "ich", "im") or stem.lower().endswith(("k", "g"))
        if not stem.lower().endswith(_adjective_stem_endings()):
            return ()
        hard_m = _adjective_nominatives()["m"][1 if soft else 0]
        return tuple(Analysis(lemma=stem + hard_m, pos="adj", case=c, number=number, gender=g,
                              kinds=frozenset({"guess"}), ref=("adjective", stem, soft))
                     for c in cases for g in genders)
    return ()
