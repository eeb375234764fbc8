"""Name lemmatisation: `lemmatise(text, lang, label)` -> nominative (base) form.

Polish goes through Morfeusz2, Russian through pymorphy3, Belarusian and Ukrainian through
ending rules; all share the head-and-agreement logic of `agreement.py`. Quoted parts
(„Mohylew”, «Гродноинвест») stay as written. Single unknown words of place names
(Mohylewie, Nowopołocku) are resolved by suffix rules checked against the gazetteer.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.lang import LANG_DIR
from pipeline.normalise.agreement import (CASES, Analysis, Engine, genders_agree, lemmatise_words, match_case,
                                          shared_reading, word_indices)
from pipeline.normalise.lemmas_pl import PolishEngine
from pipeline.normalise.lemmas_ru import RussianEngine, gazetteer_place, mans_surname, mens_genitive_a
from pipeline.normalise.lemmas_rules import (RuleEngine, has_rules, tsv_rows, unknown_word_rule,
                                             unknown_word_rules, word_list)
from pipeline.normalise.lemmas_rules import ending_rule_lemmas, unknown_word_ending, unknown_word_kept
from pipeline.normalise.textnorm import fold, is_cyrillic

UNCHANGED_LABELS = frozenset({"DATE", "TIME"})
LATIN_MORPHOLOGY = frozenset({"pl"})  # languages whose Latin-script names the engines inflect
_TOKEN = re.compile(r"[„\"«“‘‚][^„\"«“”»’]*[”\"»“’]|[\s]+|[^\s„\"«“]+|.", re.S)
# a foreign name inflected after an apostrophe (`Farage'a`, `O’Leary’ego`); an English `'s`
# belongs to the name (`Lloyd’s`); an acute accent or a modifier letter typed for the apostrophe
# marks the ending too (`Farage´a`)
_APOSTROPHE = re.compile(r"^([\w'’´ʼ-]+?)['’´ʼ](a|owi|em|u|ego|iego|emu|iem|ie|y|go|m)$")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_INITIAL = re.compile(r"^[A-ZĄĆĘŁŃÓŚŹŻ]\.$")
# an acronym with a case ending, which begins with a vowel (`МИДа`, `PiS-u`; not `СПб`, `PWr`)
_INFLECTED_ACRONYM = re.compile(r"^([A-ZĄĆĘŁŃÓŚŹŻА-ЯЁІЎЄЇ]{2,})-?([aeiouyąęóаеёиоуыэюяіў][a-ząćęłńóśźżа-яёіўєї]{0,2})$")
# an acronym spelt with small letters inside (`PiS-u`, `UOKiK-iem`): the hyphen marks the ending
_MIXED_ACRONYM = re.compile(r"^([A-ZĄĆĘŁŃÓŚŹŻ](?=[^-]*[a-ząćęłńóśźż])(?=[^-]*[a-ząćęłńóśźż][A-ZĄĆĘŁŃÓŚŹŻ])"
                            r"[A-Za-ząćęłńóśźżĄĆĘŁŃÓŚŹŻ]+)-([aeiouyąęó][a-ząćęłńóśźż]{0,2})$")
# endings of an acronym in the plural (`DPS-ów`, `MOPS-ach`); its nominative plural takes -y
_PLURAL_ACRONYM_ENDINGS = frozenset({"ów", "om", "ami", "ach"})
# label -> qualifier kinds preferred when a word has several readings
_PREFERRED_KINDS = {"LOC": ("geo",), "PER": ("name", "surname"), "ORG": ("org", "common"),
                    "": ("common", "geo", "org"), "PRO": ("common", "org"), "EVT": ("common",)}
_DICTIONARY_ENGINES: dict[str, Engine] = {"lat": PolishEngine(), "cyr": RussianEngine()}


@lru_cache(maxsize=None)
def _engine(lang: str, cyrillic: bool) -> Engine:
    """Rule engine where the language has ending rules for this script, else the
    dictionary engine of the script (Morfeusz for Latin, pymorphy for Cyrillic)."""
    if cyrillic and has_rules(lang):
        return RuleEngine(lang)
    return _DICTIONARY_ENGINES["cyr" if cyrillic else "lat"]


class _FilteredEngine:
    """An engine that drops readings the mention's type makes unlikely. Untyped text (no NER
    label): a plural place name, or one spelt as the word itself, that is no place of the
    gazetteer (`Polaki`, `Tatary`, `Radzie`: villages) loses to the word's common reading
    (`Polaków`: the people, `Radzie`: of `rada`) or to a person's name in the singular
    (`Moniuszki`: of `Moniuszko`), and a capitalised
    word that is a capitalised common noun (`Amerykanie`: people) is not read as a
    lower-case one (`amerykan`); with a LOC label such villages stay possible. Names of
    organisations, products and events: a word with other noun readings is not an inflected
    person's name (`Rady`: `rada`, not the surname `Rado`). A lone untyped word (`lone`: the
    whole mention) is a people or a person before a plural town so named (`Turków`, `Nowak`)
    and a people's nominative before a given name's oblique form (`Czesi`)."""

    def __init__(self, engine: Engine, label: str, lone: bool = False):
        self._engine = engine
        self._label = label
        self._lone = lone  # the word is the whole mention

    def __getattr__(self, name: str):
        return getattr(self._engine, name)

    def analyse(self, word: str) -> tuple[Analysis, ...]:
        return _filtered_readings(self._engine, word, self._label, self._lone)


_PERSON_KINDS = frozenset({"name", "surname", "depr"})


@lru_cache(maxsize=100_000)
def _filtered_readings(engine: Engine, word: str, label: str, lone: bool = False) -> tuple[Analysis, ...]:
    readings = tuple(engine.analyse(word))
    if label:  # ORG, PRO, EVT
        kept = tuple(a for a in readings if not (a.pos == "noun" and a.kinds and a.kinds <= _PERSON_KINDS
                                                 and not (a.case == "nom" and a.lemma == word)))
        if any(a.pos == "noun" for a in kept):
            return kept
        # only a person's name in an oblique case (`Copa`: of a surname `Cop`): a word the
        # dictionary does not know as a name of a thing, left to the unknown-word rules
        # (pymorphy ranks its readings by frequency: there a surname is a likely one)
        unranked = not getattr(engine, "ranked_readings", False)
        return () if unranked and readings and all(a.pos == "noun" for a in readings) else readings

    if word.islower() and readings and all(_person_name_reading(a) for a in readings):
        return ()  # a lower-case word is no form of a person's name (`zeni`: not of `Zena`)
    gerunds = getattr(engine, "gerunds", None)
    if gerunds is not None and word.islower():
        # a lower-case verbal noun heads an untyped phrase (`modelowania biznesowego`); in a
        # capitalised name the word's noun readings decide
        readings += gerunds(word)
    as_written = any(a.pos == "noun" and a.case == "nom" and a.number == "sg" and a.lemma == word for a in readings)

    def village(a: Analysis) -> bool:
        # plural villages, villages spelt as the word, and oblique forms of villages beside a
        # name in the nominative as written (`Zielińska`: not of the village `Zielińsk`)
        return a.pos == "noun" and "geo" in a.kinds and ("pt" in a.kinds or a.lemma == word or as_written) \
            and not _in_gazetteer(a.lemma)

    def people(a: Analysis) -> bool:
        # a people (`Turków`: of `Turek`) or a person named as written (`Nowak`)
        return a.pos == "noun" and a.lemma[:1].isupper() and (
            a.number == "pl" and a.gender == "m1" and "common" in a.kinds
            or a.case == "nom" and a.number == "sg" and a.lemma == word and bool(a.kinds & {"common", "name", "surname"}))

    people_cases = {a.case for a in readings if people(a)} if lone else set()

    def town_of_people(a: Analysis) -> bool:
        # a lone word: a plural town named as a people or a person is, in a form of theirs
        # (`Turków`, `Nowak`: not of the towns `Turki`, `Nowaki`); a country keeps its
        # place (`Węgier`); in a longer name the other words decide (`Zielone Świątki`)
        return a.pos == "noun" and "geo" in a.kinds and "pt" in a.kinds and bool(people_cases) \
            and (a.case in people_cases or "nom" in people_cases and a.case == "gen") and not _country(a.lemma)

    nominative_people = lone and any(a.case == "nom" and a.number == "pl" and "common" in a.kinds
                                     for a in readings if people(a))

    def name_beside_people(a: Analysis) -> bool:
        # a lone people's nominative (`Czesi`, `Serbowie`) is not an oblique form of a given
        # name (`Czesia`) or of a village no gazetteer knows (`Serbów`)
        return nominative_people and a.pos == "noun" and a.case != "nom" \
            and (a.kinds <= {"name", "surname"} or a.kinds == {"geo"} and not _in_gazetteer(a.lemma))

    without_villages = tuple(a for a in readings if not village(a) and not town_of_people(a)
                             and not name_beside_people(a))
    kept = without_villages
    if word[:1].isupper() and any(a.pos == "noun" and a.lemma[:1].isupper() and "common" in a.kinds
                                  for a in kept):
        kept = tuple(a for a in kept if not (a.pos == "noun" and a.lemma[:1].islower()))
    if any(a.pos == "noun" and "common" in a.kinds for a in kept):
        return kept
    # no common noun: a person's name still beats a village no gazetteer knows (`Kościuszki`)
    return without_villages if any(a.pos == "noun" and a.kinds & {"name", "surname"} and a.number == "sg"
                                   for a in without_villages) else readings


def _person_name_reading(a: Analysis) -> bool:
    """A noun reading that is only a person's given name or surname (capitalised lemma)."""
    return a.pos == "noun" and a.lemma[:1].isupper() and bool(a.kinds) and a.kinds <= _PERSON_KINDS


def _prefer(label: str, word_is_title: bool, phrase: bool = False):
    """Reading preference; in a phrase of several words a plurale tantum (`Mistrzostwa
    Europy`: championships) counts as singular, not as the plural of another word
    (`mistrzostwo`); a lone word keeps the singular reading (`Gazy`: of `Gaza`). A reading
    the dictionary marks as dated loses to a current one (`systemie`: of `system`, not `systema`).
    Between places the gazetteer ranks alike, one named by a common noun wins (`Podgórza`:
    of `Podgórze`, the foothills, not `Podgórz`)."""
    kinds = _PREFERRED_KINDS.get(label, ())

    def key(a: Analysis) -> tuple:
        if a.number == "pl" and "pt" not in a.kinds:
            kind_hit = "common" in a.kinds  # plurals: ethnonyms (Polacy), not surnames (Polakowie)
        else:
            kind_hit = any(k in a.kinds for k in kinds)
        geo = _gazetteer_rank(a.lemma) if "geo" in a.kinds else (False, 0)
        same_case = a.lemma[:1].isupper() == word_is_title  # last resort: `Polak`, not `polak`
        return ("depr" not in a.kinds, "dated" not in a.kinds, kind_hit, geo,
                "geo" in a.kinds and _common_namesake(a.lemma),
                a.number == "sg" or phrase and "pt" in a.kinds, same_case)

    return key


@lru_cache(maxsize=20_000)
def _common_namesake(lemma: str) -> bool:
    """A place named by a common noun (`Podgórze`: `podgórze`)."""
    from pipeline.normalise import morph

    low = lemma.lower()
    return any(morph.base_lemma(l) == low and "nazwa_pospolita" in q for l, _t, q in morph.pl_analyses(low))


def _gazetteer_rank(form: str) -> tuple[bool, int]:
    """(is the canonical name of a place, population of the largest place so named)."""
    from pipeline.normalise.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    ids = gaz.index.get(fold(form), ())
    return (any(gaz.places.is_primary(i, fold(form)) for i in ids), gaz.population(form))


def _country(form: str) -> bool:
    """A country of the gazetteer is so named (`Węgry`, not the town `Turki`)."""
    from pipeline.normalise.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    return any(gaz.places[i].feature == "country" for i in gaz.index.get(fold(form), ()))


def _in_gazetteer(form: str) -> bool:
    from pipeline.normalise.gazetteer import get_gazetteer

    return get_gazetteer().knows(form)


def tokens(text: str) -> list[str]:
    """Words, whitespace runs and quoted parts (one token each, so they stay untouched)."""
    return _TOKEN.findall(text)


@lru_cache(maxsize=200_000)
def lemmatise(text: str, lang: str, label: str) -> str:
    """Nominative form of a name mention (`Podlaską Fundacją Rozwoju Regionalnego` ->
    `Podlaska Fundacja Rozwoju Regionalnego`). DATE/TIME are returned unchanged."""
    if label in UNCHANGED_LABELS or not text.strip():
        return text
    text = _join_spaced_letters(text)
    if lang not in LATIN_MORPHOLOGY and not is_cyrillic(text):
        # `Tui` in Russian text is no Polish genitive of `Tuja`; people still get one capital
        return "".join(_person_capitals(tokens(text), _engine(lang, False))) if label == "PER" else text
    capitals = _from_capitals(text, lang, label)
    if capitals is not None:
        return capitals
    words = [_acronym_stem(w, plural=bool(label)) for w in tokens(text)]
    cyrillic = is_cyrillic(text)
    engine = _engine(lang, cyrillic)
    abbreviated = _after_abbreviated_head(words, engine, lang)
    if abbreviated is not None:
        return "".join(abbreviated)
    if label in ("", "ORG", "PRO", "EVT") and getattr(engine, "has_dictionary", False):
        engine = _FilteredEngine(engine, label, lone=len(word_indices(words)) == 1)
    lowercase_person = label == "PER" and text[:1].islower()  # `немецких` tagged as people
    if (label in ("", "LOC_ADJ") or lowercase_person) and is_derived_adjective(text, lang, names_too=True):
        return _adjective_lemma(words, engine)
    if not label and (_substantivised_adjective(words, engine) or _feminine_adjective_place(words, engine)):
        return _adjective_lemma(words, engine)
    if not label and (_bare_genitive_plural(words, engine) or _plural_place_as_written(words, engine)):
        return text
    if not label and _has_verb(words):
        return text  # a title with a verb (`Zdobądźcie szczyt`): a sentence, as written
    vocative = _lone_vocative(words, engine) if not label else None
    if vocative is not None:
        return vocative
    vocatives = _vocative_phrase(words, engine) if not label else None
    if vocatives is not None:
        return "".join(vocatives)
    typed = label
    if not label:
        label = _guess_label(words, engine, lang)
        if label == "PER" and isinstance(engine, _FilteredEngine):
            engine = _engine(lang, cyrillic)  # a person's name may be a village's (`Ligocka`)
    if not typed and not label and _foreign_after_surname_form(words, engine):
        return text
    if label == "PER" and (_nominative_ethnonym(words, engine) or _feminine_given_name(words, engine, lang)):
        return text
    if label == "LOC" and typed and _plural_common_place(words, engine):
        return text
    if label == "PER":
        words = _split_double_names(words)
    quoted = _whole_quote(words)
    if quoted:  # «Северного потока — 2»: the name inside the quotes inflects
        inner = lemmatise(quoted[1], lang, label)
        return quoted[0] + inner + quoted[2]
    single = len(word_indices(words)) == 1
    out = lemmatise_words(words, engine, label, _prefer(label, text[:1].isupper(), phrase=not single),
                          singular=not label and single)
    out = [_strip_apostrophe(w) for w in out]
    out = _unknown_words(out, words, lang, label, cyrillic)
    if not label and not cyrillic:
        out = _noun_after_foreign_words(out, words, engine, lang)
    if label == "PER":
        out = _person_capitals(out, engine)
        out = _propagate_endings(out, words)
        out = _shared_genitive_a(out, words, engine)
        out = _lone_surname_genitive(out, words, engine, lang)
        if isinstance(engine, RussianEngine):
            out = mans_surname(out, words, engine)
            out = mens_genitive_a(out, words, engine)
    if not label:
        out = _unknown_head(out, words, engine, lang)
        out = _document_title(out, words, engine, lang)
    if label == "LOC":
        out = _unknown_places(out, words, lang)
        if isinstance(engine, RussianEngine):
            out = gazetteer_place(out, words, engine)
        out = _place_after_foreign_words(out, words, engine, lang)
        out = [w[:1].upper() + w[1:] if w.islower() and _only_place(engine, w) else w for w in out]
    if not typed:
        out = _foreign_city_as_written(out, words, engine, lang)
    return "".join(out)


@lru_cache(maxsize=None)
def _oblique_city_endings(lang: str) -> tuple[str, ...]:
    return word_list(LANG_DIR / lang / "oblique_city_endings.txt")


def _foreign_city_as_written(out: list[str], words: list[str], engine: Engine, lang: str) -> list[str]:
    """An untyped lone capitalised word that spells a GeoNames city or country as written
    (`Quito`, `Maui`) while the lemma the dictionary gave names no place (the genitive of a
    common noun or a surname): the foreign place, whose final vowel is its own and no Polish
    case ending. Only the city list, not the gazetteer, which holds villages spelt like
    oblique forms of Polish words; not a final -a (lang/<xx>/oblique_city_endings.txt: a
    man's genitive, `Augusta`, is likelier than a city) nor a form of a given name (`Ewy`)."""
    alpha = word_indices(words)
    if len(alpha) != 1:
        return out
    i = alpha[0]
    word = words[i]
    if out[i] == word or not word[:1].isupper() or word.lower() not in _city_names() or _place_name(out[i]):
        return out
    if word.lower().endswith(_oblique_city_endings(lang)) or any("name" in a.kinds for a in engine.analyse(word)):
        return out
    res = list(out)
    res[i] = word
    return res


# three or more capital letters standing alone, one space apart (`P K P`); two are as often a
# person's initials written without dots (`J R Smith`)
_SPACED_LETTERS = re.compile(r"(?<!\S)[A-ZĄĆĘŁŃÓŚŹŻА-ЯЁІЎЄЇ](?: [A-ZĄĆĘŁŃÓŚŹŻА-ЯЁІЎЄЇ]){2,}(?!\S)")


def _join_spaced_letters(text: str) -> str:
    """An acronym written letter by letter with spaces (`P K P`, letter-spaced emphasis) is
    the acronym (`PKP`): single capitals in a row name no words of their own."""
    return _SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), text)


def _unknown_head(out: list[str], words: list[str], engine: Engine, lang: str) -> list[str]:
    """An untyped lower-case phrase headed by a word no dictionary knows, with adjectives
    after it (`blogoskopem wirtualnym`): the adjectives show the head's case and gender, so
    the head loses the ending of that case (lang/<xx>/unknown_word_suffixes.tsv) and the
    adjectives go to the nominative with it (`blogoskop wirtualny`)."""
    alpha = word_indices(words)
    if len(alpha) < 2:
        return out
    i = alpha[0]
    head = words[i]
    if out[i] != head or not head.isalpha() or not head.islower() or _known(engine, head):
        return out
    adjectives = [[a for a in engine.analyse(words[j]) if a.pos == "adj" and a.number == "sg"] for j in alpha[1:]]
    if not adjectives[0]:
        return out

    def fits(rule, readings: list[Analysis]) -> list[Analysis]:
        return [a for a in readings if a.case in rule.cases and a.case != "nom" and genders_agree(a.gender, rule.gender)]

    rule = unknown_word_rule(head, lang, lambda r: ("-" in r.labels or "*" in r.labels) and bool(r.cases)
                             and bool(r.gender) and bool(fits(r, adjectives[0])))
    if rule is None:
        return out
    res = list(out)
    res[i] = head[: len(head) - len(rule.end)] + rule.repl
    for j, readings in zip(alpha[1:], adjectives):
        matching = fits(rule, readings)
        form = engine.nominative(words[j], matching[0], rule.gender, "sg") if matching else None
        if not form:
            break
        res[j] = match_case(words[j], form)
    return res


@lru_cache(maxsize=None)
def _document_titles(lang: str) -> dict[str, frozenset[str]]:
    return {row[0]: frozenset(row[1].split(",")) for row in tsv_rows(LANG_DIR / lang / "document_titles.tsv")}


def _document_title(out: list[str], words: list[str], engine: Engine, lang: str) -> list[str]:
    """An untyped lower-case phrase that is a document's title (lang/<xx>/document_titles.tsv:
    `ustawy o ochronie zabytków`, `ustawie z dnia ...`): its lemma opens with the head's
    lemma, in the singular and capitalised, as KPWr writes titles (`Ustawa o ochronie
    zabytków`); the title after the head stays as written."""
    alpha = word_indices(words)
    titles = _document_titles(lang)
    if len(alpha) < 2 or not titles or not words[alpha[0]].islower():
        return out
    first, nxt = words[alpha[0]], words[alpha[1]]
    heads = {a.lemma for a in engine.analyse(first) if a.pos == "noun" and a.lemma in titles}
    head = next((h for h in sorted(heads) if nxt in titles[h] or nxt[:1].isupper()), None)
    if head is None:
        return out
    res = list(out)
    res[alpha[0]] = head[:1].upper() + head[1:]
    return res


def _foreign_after_surname_form(words: list[str], engine: Engine) -> bool:
    """An untyped name whose first word the dictionary reads only as an oblique form of a
    surname (`Jorem`: of `Jor`, `Hacke`: of `Hacka`) and whose other words cannot be
    part of a person's name: a lower-case particle Polish does not have (`an der`), a
    Roman numeral or a genitive plural without an ending (an English plural read as a Polish one). A foreign
    name as written, not an inflected surname; a Polish conjunction or a bracket may join a
    person's name (`Nowaka i Kowala`, `Nowaka (PSL)`)."""
    alpha = word_indices(words)
    if len(alpha) < 2 or not words[alpha[0]][:1].isupper():
        return False
    first = words[alpha[0]]
    readings = engine.analyse(first)
    if not readings or not all(a.pos == "noun" and a.kinds and a.kinds <= _SURNAME_KINDS and
                               not (a.case == "nom" and a.number == "sg") for a in readings):
        return False
    return any(words[i].islower() and not _known(engine, words[i]) and not _other_word_class(words[i]) or
               _ROMAN.match(words[i]) or words[i][:1].isupper() and _zero_genitive_plural(engine, words[i])
               for i in alpha[1:])


_SURNAME_KINDS = frozenset({"surname", "depr"})


def _zero_genitive_plural(engine: Engine, word: str) -> bool:
    """Every reading of the word is a genitive plural without an ending."""
    readings = engine.analyse(word)
    return bool(readings) and all(_endless_genitive_plural(a, word) for a in readings)


def _endless_genitive_plural(a: Analysis, word: str) -> bool:
    """A genitive plural reading that is its lemma less an ending (an English plural read as the
    genitive plural of a Polish-looking `<word>a`)."""
    return a.case == "gen" and a.number == "pl" and a.lemma.lower().startswith(word.lower()) and len(a.lemma) > len(word)


def _noun_after_foreign_words(out: list[str], words: list[str], engine: Engine, lang: str) -> list[str]:
    """An untyped name whose words before the last are foreign (`Brightwood Salonu`, `XT
    Mostem`; see `_foreign_modifier`) puts its head last, as English does: the last word is
    the one Polish inflects (`Brightwood Salon`), where the dictionary reads it only as a noun in
    an oblique case. Not a genitive plural without an ending (`Firm` of `firma`: an English
    word as written), a word with an adjective reading, nor a person's name but with an
    ending only an oblique case has (`Rollerem`)."""
    alpha = word_indices(words)
    if out != words or len(alpha) < 2 or not all(words[i][:1].isupper() for i in alpha):
        return out
    last = alpha[-1]
    word = words[last]
    if not word.isalpha() or word.isupper() or not all(_foreign_modifier(engine, words[i], lang) for i in alpha[:-1]):
        return out
    readings = engine.analyse(word)
    if all(words[i].isupper() for i in alpha[:-1]) and any(a.case == "gen" and a.number == "sg" for a in readings):
        return out  # acronyms alone before a genitive singular: the acronym heads (`MSZ Francji`)
    nouns = [a for a in readings if a.pos == "noun" and a.case in CASES]
    if not nouns or any(a.case == "nom" or a.pos != "noun" or _endless_genitive_plural(a, word) for a in readings):
        return out
    if all(a.kinds & _PERSON_KINDS for a in nouns) and not word.endswith(_oblique_endings(lang)):
        return out  # only a person's name (`Wii`: of `Wija`), and an ending a nominative may have
    a = max(nouns, key=_prefer("", True))
    form = engine.nominative(word, a, a.gender, a.number)
    if not form:
        return out
    res = list(out)
    res[last] = match_case(word, form)
    return res


def _foreign_modifier(engine: Engine, word: str, lang: str) -> bool:
    """A word before a foreign name's head: an acronym (`FC`), or a word the dictionary has
    no reading of in any word class (not a preposition such as `Przy`) that ends in no
    oblique case ending (`Brightwood`, `Tokyo`; not `Kalewie`)."""
    if word.isupper() and word.isalpha() and len(word) > 1:
        return True
    bare = getattr(engine, "bare", None)
    return word.isalpha() and bare is not None and (bare(word) or word.endswith(_nominative_endings(lang))) \
        and not _known(engine, word) and not _other_word_class(word)


@lru_cache(maxsize=None)
def _nominative_endings(lang: str) -> tuple[str, ...]:
    return word_list(LANG_DIR / lang / "foreign_nominative_endings.txt")


def _place_after_foreign_words(out: list[str], words: list[str], engine: Engine, lang: str) -> list[str]:
    """A place name left as written whose first words no dictionary knows (`Sankt
    Petersburga`): the rest inflects on its own where the gazetteer knows the name so
    formed (`Sankt Petersburg`)."""
    alpha = word_indices(words)
    if out != words or len(alpha) < 2 or _in_gazetteer("".join(words)):
        return out
    k = 0
    while k < len(alpha) - 1 and not _known(engine, words[alpha[k]]) and words[alpha[k]][:1].isupper():
        k += 1
    if k == 0:
        return out
    start = alpha[k]
    tail = tokens(lemmatise("".join(words[start:]), lang, "LOC"))
    candidate = words[:start] + tail
    return candidate if _in_gazetteer("".join(candidate)) else out


def _from_capitals(text: str, lang: str, label: str) -> str | None:
    """A mention set in capitals (`TRYBUNAŁU KONSTYTUCYJNEGO`, `OZORKOWA`): the words the
    dictionary knows in ordinary spelling are lemmatised so and keep the writer's capitals;
    acronyms (`IMGW`, `NATO`) stay. A lone word needs five letters (`PISM` is an acronym,
    not `pism`). None when the mention is not in capitals."""
    toks = tokens(text)
    alpha = [w for w in toks if sum(c.isalpha() for c in w) > 1]
    if label == "PER" or not alpha or not all(w.isupper() for w in alpha) or \
            not any(len(w) > 3 for w in alpha):
        return None
    engine = _engine(lang, is_cyrillic(text))
    shortest = 5 if len(alpha) == 1 else 2
    titled = [w[:1] + w[1:].lower() if w in alpha and w.isalpha() and len(w) >= shortest and
              _known(engine, w[:1] + w[1:].lower()) else w for w in toks]
    if titled == toks:
        return None
    out = tokens(lemmatise("".join(titled), lang, label))
    if len(out) != len(toks):
        return None
    return "".join(o.upper() if t != w else o for o, t, w in zip(out, titled, toks))


_DOUBLE_NAME = re.compile(r"^([A-ZĄĆĘŁŃÓŚŹŻА-ЯЁІЎЄЇ][^\W\d_]+)(-)([A-ZĄĆĘŁŃÓŚŹŻА-ЯЁІЎЄЇ][^\W\d_]+)$")
# a lower-case particle joined by hyphens to name parts (`ul-Haqa`, `Arifa-ur-Rehmana`)
_PARTICLE_NAME = re.compile(r"^([A-ZĄĆĘŁŃÓŚŹŻА-ЯЁІЎЄЇ][^\W\d_]+-|)([a-ząćęłńóśźżа-яёіўєї]{1,3})(-)([A-ZĄĆĘŁŃÓŚŹŻА-ЯЁІЎЄЇ][^\W\d_]+)$")
_GLUED_INITIAL = re.compile(r"^((?:[A-ZĄĆĘŁŃÓŚŹŻА-ЯЁІЎЄЇ][^\W\d_]?\.)+)()([A-ZĄĆĘŁŃÓŚŹŻА-ЯЁІЎЄЇ][^\W\d_]+)$")


@lru_cache(maxsize=None)
def _abbreviated_heads(lang: str) -> dict[str, str]:
    return {row[0].lower(): row[1] for row in tsv_rows(LANG_DIR / lang / "abbreviated_heads.tsv")}


def _after_abbreviated_head(words: list[str], engine: Engine, lang: str) -> list[str] | None:
    """`ul. Długiej`, `al. Piłsudskiego`, `woj. lubuskim`: after an abbreviated head noun
    (lang/<xx>/abbreviated_heads.tsv) the adjectives agreeing with that noun go to its
    nominative and the rest stays, as the genitive complement it is. None when the mention
    does not start with such an abbreviation."""
    alpha = word_indices(words)
    noun = _abbreviated_heads(lang).get(words[alpha[0]].lower()) if len(alpha) > 1 else None
    if noun is None:
        return None
    head = next((a for a in engine.analyse(noun) if a.pos == "noun" and a.case == "nom" and a.number == "sg"), None)
    if head is None:
        return None
    out = list(words)
    for i in alpha[1:]:
        fits = [a for a in engine.analyse(words[i]) if a.pos == "adj" and a.number == "sg"
                and genders_agree(a.gender, head.gender)]
        if not fits or any(a.pos == "noun" and not a.kinds & {"geo", "name", "surname"}
                           for a in engine.analyse(words[i])):
            break  # a common noun (`Politechniki`) is a complement; `Brzozowej` also names a village
        form = engine.nominative(words[i], fits[0], head.gender, "sg")
        if form:
            out[i] = match_case(words[i], form)
    return out


def _split_double_names(words: list[str]) -> list[str]:
    """A double name or surname inflects in both parts (`Nowaka-Jeziorańskiego`,
    `Skłodowskiej-Curie`), and a surname glued to initials on its own (`Дж.Ханта`): each
    part is a word of its own in a person name."""
    out: list[str] = []
    for w in words:
        m = _PARTICLE_NAME.match(w)
        if m:  # the capitalised parts inflect, the particle stays
            first = [m.group(1)[:-1], "-"] if m.group(1) else []
            out.extend(first + [m.group(2), m.group(3), m.group(4)])
            continue
        m = _DOUBLE_NAME.match(w) or _GLUED_INITIAL.match(w)
        out.extend([part for part in m.groups() if part] if m else [w])
    return out


def _whole_quote(words: list[str]) -> tuple[str, str, str] | None:
    """(open quote, inner text, close quote) when the mention is one quoted name."""
    if len(words) == 1 and len(words[0]) > 2 and words[0][0] in "„\"«“" and words[0][-1] in "”\"»“":
        return words[0][0], words[0][1:-1], words[0][-1]
    return None


def _person_capitals(out: list[str], engine: Engine) -> list[str]:
    """Person names are written with one capital: `BULATOV` (typographic capitals) ->
    `Bulatov`, `татьяна голикова` -> `Татьяна Голикова` where the dictionary knows the
    lower-case words as names; initials and regnal numbers (II) stay."""
    alpha = [i for i, w in enumerate(out) if w.isalpha()]
    if not alpha:
        return out
    res = list(out)
    lower_names = len(alpha) > 1 and all(out[i].islower() for i in alpha) and all(
        any(a.kinds & {"name", "surname"} for a in engine.analyse(out[i])) for i in alpha)
    for i in alpha:
        w = out[i]
        if len(alpha) > 1 and len(w) > 3 and w.isupper() and not _ROMAN.match(w):  # not PFRR, II
            res[i] = w[:1] + w[1:].lower()
        elif lower_names:
            res[i] = w[:1].upper() + w[1:]
    return res


def _substantivised_adjective(words: list[str], engine: Engine) -> bool:
    """An untyped lone adjective whose noun readings are only the adjective used as a noun
    (`Łódzkiego`: the adjective `łódzki` or the region `Łódzkie`): the adjective, as a
    dictionary lemma; surnames (`Bukowskiego`) are not."""
    alpha = [w for w in words if any(c.isalpha() for c in w)]
    if len(alpha) != 1:
        return False
    readings = engine.analyse(alpha[0])
    adjs = [a for a in readings if a.pos == "adj"]
    nouns = [a for a in readings if a.pos == "noun"]
    # a region named by the adjective (`Lubelskie`) makes the surname of the same spelling
    # (`Lubelski`) the adjective's namesake too; without one, `Bukowskiego` is a surname
    region = any("geo" in a.kinds and a.gender == "n" for a in nouns)
    if not adjs or any(a.kinds & {"surname", "name"} and not region or a.lemma == alpha[0] or
                       ("geo" in a.kinds and a.gender != "n") for a in nouns):
        return False  # nouns as written (`Limanowa`), places (`Alaski` is of `Alaska`)
    stem = adjs[0].lemma.lower()[:-1]
    return len(stem) > 2 and all(a.lemma.lower().startswith(stem) for a in nouns)


def _feminine_adjective_place(words: list[str], engine: Engine) -> bool:
    """An untyped lone adjective in an oblique feminine case (`Bukowej`, `Bukową`) whose
    noun readings are only a village or a surname spelt as its feminine (`Bukowa`): the
    adjective, as a dictionary lemma (`bukowy`); a word that is a common noun too
    (`Wartą`: of `warta`) or a country (`Polską`) keeps its noun."""
    word = _lone_capitalised(words)
    if word is None:
        return False
    readings = engine.analyse(word)
    adjs = [a for a in readings if a.pos == "adj" and a.gender == "f" and a.number == "sg" and a.case != "nom"]
    nouns = [a for a in readings if a.pos == "noun"]
    if not adjs or not nouns or any(a.case == "nom" for a in readings):
        return False
    feminine = adjs[0].lemma[:-1].lower() + "a"
    return adjs[0].lemma[-1:] in ("y", "i") and all(
        a.lemma.lower() == feminine and a.kinds & {"geo", "surname"} and "common" not in a.kinds for a in nouns) \
        and not _country(feminine[:1].upper() + feminine[1:])


def _bare_genitive_plural(words: list[str], engine: Engine) -> bool:
    """An untyped lone capitalised word whose only readings are genitive plurals of words
    that are no plural place name (`Marin`, `Trun`): the genitive plural has no ending, so
    the word is more likely a name as written than an inflected `Marina`."""
    alpha = [w for w in words if any(c.isalpha() for c in w)]
    if len(alpha) != 1 or not alpha[0][:1].isupper():
        return False
    readings = engine.analyse(alpha[0])
    return bool(readings) and all(a.case == "gen" and a.number == "pl" and not a.kinds & {"pt", "geo"}
                                  for a in readings)


def _plural_place_as_written(words: list[str], engine: Engine) -> bool:
    """An untyped lone capitalised word that is itself the nominative of a plural-only place
    the gazetteer knows (`Brzozy`, a village so named): the place as written, not an oblique
    form of a larger town in the singular whose genitive it also spells (`Brzoza`); the
    gazetteer's population would otherwise pick the larger namesake."""
    word = _lone_capitalised(words)
    if word is None or not _in_gazetteer(word):
        return False
    return any(a.pos == "noun" and a.case == "nom" and a.lemma == word and {"geo", "pt"} <= a.kinds
               for a in engine.analyse(word))


def _plural_common_place(words: list[str], engine: Engine) -> bool:
    """A lone capitalised common noun named as a place, in a form that is both its genitive
    singular and its nominative plural (`Wyspy`, `Góry`): a place named by a common noun in
    the plural (the islands, the mountains), as written; a genitive singular would name a
    place whose name is the word itself, which the gazetteer has (`Warszawy`)."""
    word = _lone_capitalised(words)
    if word is None or _in_gazetteer(word):
        return False
    readings = engine.analyse(word)
    common = [a for a in readings if a.pos == "noun" and "common" in a.kinds]
    lemmas = {a.lemma for a in common if a.case == "nom" and a.number == "pl"}
    return bool(lemmas) and any(a.lemma in lemmas and a.case == "gen" and a.number == "sg" for a in common) \
        and not any(_in_gazetteer(a.lemma) for a in readings if a.pos == "noun")


def _lone_capitalised(words: list[str]) -> str | None:
    """The phrase's only word, if it has one word and that word is capitalised."""
    alpha = word_indices(words)
    return words[alpha[0]] if len(alpha) == 1 and words[alpha[0]][:1].isupper() else None


def _lone_vocative(words: list[str], engine: Engine) -> str | None:
    """An untyped lone capitalised word in -e or -u that is the vocative of a common noun
    or a given name (`Chryste`: of `Chrystus`) and otherwise only a surname's form: an
    address or an exclamation, whose lemma is the noun's (capitalised as written); the
    cases of the name plan leave vocatives out, so the surname would win. None otherwise."""
    word = _lone_capitalised(words)
    if word is None or not word.endswith(("e", "u")):
        return None
    nouns = [a for a in engine.analyse(word) if a.pos == "noun"]
    vocatives = {a.lemma for a in nouns if a.case == "voc" and a.number == "sg" and a.kinds & {"common", "name"}}
    others = {a.lemma for a in nouns if a.case != "voc" or not a.kinds & {"common", "name"}}
    if len(vocatives) != 1 or vocatives & others or any(a.kinds & {"common", "name"} for a in nouns
                                                        if a.lemma in others):
        return None
    lemma = next(iter(vocatives))
    return lemma[:1].upper() + lemma[1:]


def _vocative_phrase(words: list[str], engine: Engine) -> list[str] | None:
    """An untyped name of several words, one of which the dictionary reads only as a noun's
    vocative singular and all others as adjectives in the vocative agreeing with it (`Szanowna
    Komisjo`: an address): each word goes to its nominative, the noun to its lemma and the
    adjectives to the noun's gender (`Szanowna Komisja`). The cases of the name plan leave
    vocatives out, so the phrase would otherwise stay as written. A lone word in -o is not
    taken for a vocative: it is as often a foreign name as written (`Mario`, `Paulo`)."""
    alpha = word_indices(words)
    if len(alpha) < 2 or not all(words[i].isalpha() for i in alpha):
        return None
    readings = {i: [a for a in engine.analyse(words[i]) if a.pos in ("noun", "adj")] for i in alpha}
    heads = [i for i in alpha if readings[i] and all(a.case == "voc" and a.number == "sg" and a.pos == "noun"
                                                      for a in readings[i])]
    if len(heads) != 1:
        return None
    head = max(readings[heads[0]], key=lambda a: (bool(a.kinds & {"common", "name"}), a.lemma[:1].islower()))
    res = list(words)
    res[heads[0]] = match_case(words[heads[0]], head.lemma)
    for i in alpha:
        if i == heads[0]:
            continue
        adjs = [a for a in readings[i] if a.pos == "adj" and a.case == "voc" and a.number == "sg"
                and genders_agree(a.gender, head.gender)]
        form = engine.nominative(words[i], adjs[0], head.gender, "sg") if adjs else None
        if not form:
            return None
        res[i] = match_case(words[i], form)
    return res


def _nominative_ethnonym(words: list[str], engine: Engine) -> bool:
    """A lone word typed as a person that is a capitalised common noun in the nominative
    singular as written (`Czeszka`, `Norweżka`: a people's member): the noun, not an
    oblique form of a namesake given name or surname."""
    word = _lone_capitalised(words)
    if word is None:
        return False
    readings = engine.analyse(word)
    nominative = [a for a in readings if a.pos == "noun" and "common" in a.kinds and a.case == "nom"
                  and a.number == "sg" and a.lemma.lower() == word.lower()]
    # a lower-case common noun (`sikora`) only where no given name reads the word otherwise
    return any(a.lemma == word for a in nominative) or \
        bool(nominative) and not any("name" in a.kinds for a in readings)


@lru_cache(maxsize=None)
def _feminine_given_name_endings(lang: str) -> tuple[str, ...]:
    return word_list(LANG_DIR / lang / "feminine_given_name_endings.txt")


def _feminine_given_name(words: list[str], engine: Engine, lang: str) -> bool:
    """A lone word that is a woman's given name in the nominative as written with an ending
    of lang/<xx>/feminine_given_name_endings.txt (`Karolina`): her name, not the genitive of
    the rarer man's name it also spells (`Karolin`)."""
    word = _lone_capitalised(words)
    if word is None or not word.lower().endswith(_feminine_given_name_endings(lang)):
        return False
    return any("name" in a.kinds and a.case == "nom" and a.gender == "f" and a.lemma == word
               for a in engine.analyse(word))


def _only_place(engine: Engine, word: str) -> bool:
    """Every noun reading of the word is a place name (`россия`, written in lower case)."""
    nouns = [a for a in engine.analyse(word) if a.pos == "noun"]
    return bool(nouns) and all("geo" in a.kinds for a in nouns)


def _lone_surname_genitive(out: list[str], words: list[str], engine: Engine, lang: str) -> list[str]:
    """A lone unknown surname in -a after a consonant (`Sorosa`, `Junckera`, `Меллона`) is
    a masculine genitive; first names in -a come with a surname (`Theresa May`), and women's
    surname endings (lang/<xx>/feminine_surname_endings.txt: -ska, -owa, -ова) keep it;
    particles before it do not count (`van Dijka`)."""
    alpha = [i for i, w in enumerate(words) if w.isalpha() and w not in _name_particles(lang)]
    if len(alpha) != 1:
        return out
    i = alpha[0]
    w = words[i]
    if out[i] == w and w[:1].isupper() and w[-1:] in ("a", "а") and len(w) > 4 and \
            w[-2].lower() not in "aeiouyąęócаеёиоуыэюяц" and not _known(engine, w) and \
            not w.lower().endswith(_feminine_surname_endings(lang)):
        out = list(out)
        out[i] = w[:-1]
    return out


@lru_cache(maxsize=None)
def _feminine_surname_endings(lang: str) -> tuple[str, ...]:
    return word_list(LANG_DIR / lang / "feminine_surname_endings.txt")


@lru_cache(maxsize=None)
def _oblique_endings(lang: str) -> tuple[str, ...]:
    return word_list(LANG_DIR / lang / "oblique_endings.txt")


def _shared_genitive_a(out: list[str], words: list[str], engine: Engine) -> list[str]:
    """`Noela Gallaghera`, `Craiga Gordona`: when every word of a person name ends in -a
    after a consonant, the name is a masculine genitive and unknown words lose the -a
    (`Theresa May` keeps it: `May` does not end in -a), nor where a known word has no
    genitive reading (`Helena`: a woman's nominative)."""
    alpha = [i for i, w in enumerate(words) if w.isalpha()]
    if len(alpha) < 2 or not all(words[i].endswith("a") and len(words[i]) > 3 and
                                 words[i][-2].lower() not in "aeiouyąęóc" for i in alpha):
        return out
    if any(engine.analyse(words[i]) and not any(a.case == "gen" for a in engine.analyse(words[i])) for i in alpha):
        return out
    res = list(out)
    for i in alpha:
        if res[i] == words[i] and not engine.analyse(words[i]):
            res[i] = words[i][:-1]
    return res


def _propagate_endings(out: list[str], words: list[str]) -> list[str]:
    """In a person name, an unknown word with the ending another word lost loses it too
    (`Imrana Khana` -> `Khan` lost `a`, so `Imran`)."""
    removed = set()
    for o, w in zip(out, words):
        if o != w and w.startswith(o) and 0 < len(w) - len(o) <= 3:
            removed.add(w[len(o):])
    if not removed:
        return out
    res = list(out)
    for i, (o, w) in enumerate(zip(out, words)):
        if o == w and w[:1].isupper() and w.isalpha():
            for end in sorted(removed, key=len, reverse=True):
                if w.endswith(end) and len(w) - len(end) >= 3 and w[-len(end) - 1].lower() not in "aeiouyąęó":
                    res[i] = w[: -len(end)]
                    break
    return res


def _adjective_lemma(words: list[str], engine: Engine) -> str:
    """Dictionary form of a derived adjective, lower case (`Polskim` -> `polski`)."""
    out = []
    for w in words:
        adjs = [a for a in engine.analyse(w) if a.pos == "adj"] if any(c.isalpha() for c in w) else []
        if adjs:
            form = engine.nominative(w, adjs[0], "m1" if adjs[0].gender.startswith("m") else "m", "sg")
            out.append((form or adjs[0].lemma).lower())
        else:
            out.append(w)
    return "".join(out)


# kinds of a word that, before another name word, names a person as a given name does: a
# byname (`Chrystus`: SGJP's `przydomek`) or a pen name (`pseudonim`); alone it is as often
# something else (a title, a family)
_BYNAME_KINDS = frozenset({"przydomek", "pseudonim"})


def _guess_label(words: list[str], engine: Engine, lang: str = "pl") -> str:
    """Untyped input (PolEval): a capitalised phrase whose first word is a given name (in
    the singular; or a byname before another word, see `_BYNAME_KINDS`) is a person name,
    one whose first word is a place name is a place;
    anything else goes through the generic head-and-agreement rules. An initial before a
    capitalised word (`J. Kowalskiego`) also makes a person name, and so do words no
    dictionary knows whose endings agree in one case (`Torbena Nielsena`)."""
    alpha = [w for w in words if any(c.isalpha() for c in w) and not w.endswith(".")
             and not _whole_quote([w])]
    if _particle_surname(alpha, engine, lang) or _given_name_with_particles(alpha, engine, lang):
        return "PER"
    if not alpha or not all(w[:1].isupper() for w in alpha):
        return ""
    if _INITIAL.match(words[0]) and len(alpha) == 1:
        return "PER"
    if any(_APOSTROPHE.match(w) for w in alpha):  # only foreign names of people inflect so
        return "PER"
    if _same_case_unknowns(alpha, engine):
        return "PER"
    readings = [a for a in engine.analyse(alpha[0]) if a.number == "sg"]
    if any("name" in a.kinds or len(alpha) > 1 and a.kinds & _BYNAME_KINDS for a in readings):
        return "PER"
    if any("geo" in a.kinds for a in readings):
        return "LOC"
    return ""


@lru_cache(maxsize=None)
def _name_particles(lang: str) -> frozenset[str]:
    return frozenset(word_list(LANG_DIR / lang / "name_particles.txt"))


def _particle_surname(alpha: list[str], engine: Engine, lang: str) -> bool:
    """`von Trappa`, `van der Veena`: nobiliary particles (lang/<xx>/name_particles.txt)
    before capitalised words, the first of which is in an oblique case (a surname of the
    dictionary, or an unknown word with an oblique ending): a person's surname."""
    particles = _name_particles(lang)
    k = 0
    while k < len(alpha) and alpha[k] in particles:
        k += 1
    if k == 0 or k == len(alpha) or not all(w[:1].isupper() and w.isalpha() for w in alpha[k:]):
        return False
    first = alpha[k]
    if _known(engine, first):
        readings = engine.analyse(first)
        return any("surname" in a.kinds and a.case != "nom" for a in readings) and \
            not any(a.case == "nom" and a.lemma == first for a in readings)
    guess = getattr(engine, "guesses", None)
    return guess is not None and any(a.case != "nom" for a in guess(first))


def _given_name_with_particles(alpha: list[str], engine: Engine, lang: str) -> bool:
    """`Ludwika von Brandta`, `Omara al-Rashida`: a given name of the dictionary (or an
    unknown word in the surname's oblique case) first, then
    capitalised words and name particles (lang/<xx>/name_particles.txt, alone or joined by a
    hyphen): a person name, though not every word is capitalised."""
    particles = _name_particles(lang)
    if len(alpha) < 2 or not alpha[0][:1].isupper():
        return False
    joined = [_PARTICLE_NAME.match(w) for w in alpha[1:]]
    if not any(w in particles or m and m.group(2) in particles for w, m in zip(alpha[1:], joined)):
        return False
    if not all(w[:1].isupper() or w in particles or m and m.group(2) in particles
               for w, m in zip(alpha[1:], joined)):
        return False
    if any("name" in a.kinds and a.number == "sg" for a in engine.analyse(alpha[0])):
        return True
    # a first word no dictionary knows, in an oblique case the surname shares (`Omariego
    # al-Haqiego`)
    guess = getattr(engine, "guesses", None)
    k = next(k for k, (w, m) in enumerate(zip(alpha[1:], joined), 1) if w in particles or m and m.group(2) in particles)
    surname = joined[k - 1].group(4) if joined[k - 1] else \
        next((w for w in alpha[k + 1:] if w[:1].isupper()), "")
    if guess is None or _known(engine, alpha[0]) or not surname:
        return False
    cases = {a.case for a in guess(alpha[0])} - {"nom"}
    readings = [a for a in engine.analyse(surname) if a.kinds & {"name", "surname"}] or guess(surname)
    return bool(cases & {a.case for a in readings})


def _same_case_unknowns(alpha: list[str], engine: Engine) -> bool:
    """Some word is unknown, and every word is a given name or surname of the dictionary or
    unknown with an ending (see `guesses`), all agreeing in one case: `Tima Kisnera`,
    `Torbena Nielsena`."""
    guess = getattr(engine, "guesses", None)
    if guess is None or len(alpha) < 2:
        return False
    all_known = all(_known(engine, w) for w in alpha)
    readings = []
    for w in alpha:
        if _known(engine, w):
            rs = [a for a in engine.analyse(w) if a.number == "sg" and a.kinds & {"name", "surname"}]
        else:
            rs = list(guess(w))
        if not rs:
            return False
        readings.append(rs)
    shared = shared_reading(readings)
    # known words alone only in an oblique case of names and surnames (`Willa Wrighta`);
    # see also the given-name test of `_guess_label`
    return shared is not None and not (all_known and (_common_case(readings) in ("nom", None) or any(
        "geo" in a.kinds for w in alpha for a in engine.analyse(w))))  # `Zalesiu Górnym`: a place


def _common_case(readings: list[list[Analysis]]) -> str | None:
    """The first case every word has a reading in (any gender), None if none."""
    common = None
    for rs in readings:
        cases = {a.case for a in rs}
        common = cases if common is None else common & cases
    return min(common, key=lambda c: CASES.index(c) if c in CASES else 9) if common else None


def _known(engine: Engine, word: str) -> bool:
    """The engine's dictionary knows the word (pymorphy's guesses do not count)."""
    knows = getattr(engine, "knows", None)
    return knows(word) if knows is not None else bool(engine.analyse(word))


# mention types whose lone unknown words follow the NKJP endings table where no rule strips an
# ending: untyped and organisations (`Skytransy`); a lone place (SlavicNER pl dev -2) or person
# name (0) is as often a foreign nominative
_NKJP_ENDING_LABELS = frozenset({"", "ORG"})
# ... and whose words stay as written where a rule would strip an ending but most NKJP words so
# ending keep it: products (SlavicNER pl dev +4, test 0); untyped words lose on test (dev +2,
# test -1), organisations, places and persons gain nothing
_NKJP_KEEP_LABELS = frozenset({"PRO"})


def _unknown_words(out: list[str], words: list[str], lang: str, label: str, cyrillic: bool) -> list[str]:
    """Words no dictionary knows, inflected like Polish nouns (`Gazpromu`, `Pfizerem`,
    `Theresy`): strip the ending by the rules of the language (Latin script: Polish)."""
    rules = unknown_word_rules(lang)
    if not rules or cyrillic != is_cyrillic("".join(r.end for r in rules) or "a"):
        return out  # Latin names inside Russian text are not inflected the Polish way
    engine = _engine(lang, cyrillic)
    if label in ("ORG", "PRO", "EVT") and not cyrillic and getattr(engine, "has_dictionary", False):
        engine = _FilteredEngine(engine, label)  # a surname's oblique form is no known word here
    res = list(out)
    alpha = word_indices(words)
    candidates = set(range(len(words)))
    lone_a = False  # whether the ending -a alone may not be stripped
    oblique_only = False  # whether only endings of an oblique case may be stripped
    if label != "PER" and len(alpha) > 1:
        # in longer names unknown words are often genitive complements (Imeretii), but a
        # foreign name inflects at its last word before codes and a town (`Drifterem XL-2`,
        # `Partizanem Belgrad`), and one of a known type at its end (`Financial Timesa`,
        # `Nord Streamu 2`); untyped ones are as often foreign nominatives (`East Pilbara`);
        # the word that inflects is no code itself (`Volterem RX-3 GTS`: not `RX-3`)
        foreign = [k for k in range(len(alpha)) if all(words[i].isupper() or not _known(engine, words[i])
                                                       for i in alpha[:k])]
        last = max((k for k in foreign if k < len(alpha) - 1 and not _invariant(words[alpha[k]]) and
                    all(_invariant(words[i]) for i in alpha[k + 1:])), default=None)
        if last is None and label and len(foreign) == len(alpha):
            last = len(alpha) - 1
        if last is None and not label:
            # untyped: an unknown word with an ending only an oblique case has is inflected
            # wherever it stands (`Kyosho Lazerem`, `Internet Explorerem`)
            # (`Kyosho Lazerem`, `Internet Explorerem`); not in a title with a verb (`Kochajcie
            # Gwendę`) nor after a preposition (`o Faludżę`), where it is an object
            verb = any(not _known(engine, words[i]) and _other_word_class(words[i]) for i in alpha)
            candidates = {i for k, i in enumerate(alpha) if words[i].isalpha() and not _known(engine, words[i])
                          and words[i].endswith(_oblique_endings(lang)) and not verb
                          and not (k and words[alpha[k - 1]].islower())}
            oblique_only = bool(candidates)
        if last is None and not oblique_only:
            return out
        if last is not None:
            candidates = {alpha[last]}
        # before codes and towns a bare -a is as often the name's own (`Ultima SC`)
        lone_a = not (label and last == len(alpha) - 1)
    bare = getattr(engine, "bare", None)
    bare_words = {i for i, w in enumerate(words) if w.isalpha() and bare is not None and bare(w)
                  and not _known(engine, w)}
    # a name shown to be a nominative keeps its unknown words, save for endings only an
    # oblique case has (`Andrew Wigmorem`: the given name was left uninflected)
    sure_only = oblique_only or label == "PER" and _nominative_name(out, words, engine, bare_words)
    # an untyped name with a number (a model, a version: `Trexola 12`) is as often left
    # uninflected: only endings an oblique case alone has are stripped (`Trexolem 12`)
    sure_only = sure_only or not label and len(alpha) == 1 and any(c.isdigit() for c in "".join(words))
    for i, w in enumerate(words):
        if i not in candidates or res[i] != w or not w.isalpha() or _known(engine, w):
            continue
        if not w[:1].isupper() and not cyrillic:
            continue
        # another word with no ending (`Cummings`): the name is a nominative or a woman's
        # name, so only endings that give a feminine -a stay possible (`Theresy May`)
        feminine_only = label == "PER" and bool(bare_words - {i})
        rule = unknown_word_rule(w, lang, lambda r: ((label or "-") in r.labels or "*" in r.labels) and (
            r.end in _oblique_endings(lang) or r.repl == r.end if sure_only else not (
                feminine_only and not r.repl.endswith("a") and r.repl != r.end)) and not (lone_a and r.end == "a"))
        if rule is not None:
            res[i] = w[: len(w) - len(rule.end)] + rule.repl
        if res[i] == w and label in _NKJP_ENDING_LABELS and len(alpha) == 1 and not w.isupper() and not sure_only:
            # no rule strips an ending: how NKJP's unknown words so ending inflect (`Tézy`)
            res[i] = unknown_word_ending(w, lang) or w
        elif label in _NKJP_KEEP_LABELS and len(alpha) == 1 and not w.isupper() and unknown_word_kept(w, lang):
            res[i] = w  # a product's own ending (`-ura`: most NKJP words so ending keep it)
        if len(alpha) == 1:
            res[i] = _lone_foreign_word(w, res[i], label, lang)
    return res


def _lone_foreign_word(word: str, lemma: str, label: str, lang: str) -> str:
    """The lemma of a lone word no dictionary knows, checked against lists of foreign names:
    a town or country as written keeps its vowel (untyped or a place, see `_place_as_written`);
    untyped, so does a word spelt the Czech or Slovak way (`_feminine_a_spelling`)."""
    if label in ("", "LOC") and lemma != word and _place_as_written(word, lemma):
        return word
    if label:
        return lemma
    if lemma == word[:-1] and word.endswith("a") and _feminine_a_spelling(word, lang):
        return word
    return lemma


def _place_as_written(word: str, lemma: str) -> bool:
    """A lone untyped or place word no dictionary knows that names a town or country as written
    (the gazetteer, or a GeoNames city: `Huelva`, `Oulu`) while the lemma an ending rule
    gives does not: a foreign place's own vowel, not a Polish case ending."""
    return _place_name(word) and not _place_name(lemma)


@lru_cache(maxsize=None)
def _feminine_a_letters(lang: str) -> frozenset[str]:
    return frozenset("".join(word_list(LANG_DIR / lang / "feminine_a_letters.txt")))


def _feminine_a_spelling(word: str, lang: str) -> bool:
    """The word is spelt with a letter of Czech, Slovak or South Slavic orthography that
    Polish lacks (lang/<xx>/feminine_a_letters.txt: `č`, `ž`, `ř` ...): a name written as in
    its own language, whose -a there is a feminine's own ending, not a Polish genitive's."""
    return bool(_feminine_a_letters(lang) & set(word.lower()))


def _place_name(word: str) -> bool:
    return _in_gazetteer(word) or word.lower() in _city_names()


@lru_cache(maxsize=1)
def _city_names() -> frozenset[str]:
    """Lower-cased one-word Latin names of GeoNames cities (pop. >= 15k) and countries."""
    from pipeline.annotate.city_names import city_names

    return frozenset(city_names()["latin"])


_VERB_TAGS = ("fin", "impt", "praet", "bedzie", "inf", "imps", "pcon", "pant", "winien")


def _has_verb(words: list[str]) -> bool:
    """Some lower-case word is only ever a verb form (finite, imperative, past, infinitive);
    capitalised words are more often names (`Stano`)."""
    from pipeline.normalise import morph

    for w in words:
        if not w.isalpha() or not w.islower():
            continue
        tags = [tag.split(":", 1)[0] for _l, tag, _q in morph.pl_analyses(w)]
        if tags and all(t in _VERB_TAGS for t in tags):
            return True
    return False


def _other_word_class(word: str) -> bool:
    """The Polish dictionary knows the word, though not as a noun or adjective (a verb)."""
    if not word.isalpha():
        return False
    from pipeline.normalise import morph

    return any(not tag.startswith("ign") for _l, tag, _q in morph.pl_analyses(word))


def _invariant(word: str) -> bool:
    """A word that does not inflect after a name: a code or acronym (`XL-2`, `RTR`) or a
    town's name as written (`Belgrad`)."""
    return word.isupper() or any(c.isdigit() for c in word) or _in_gazetteer(word)


def _nominative_name(out: list[str], words: list[str], engine: Engine, bare_words: set[int]) -> bool:
    """A person name shown to be a nominative: its first word has no case ending (`Fawad
    Chaudry`: a man's given name) or a dictionary word was left in the nominative (`Anna
    Soubry`), so its unknown words keep their endings."""
    alpha = [i for i, w in enumerate(words) if w.isalpha()]
    if len(alpha) < 2:
        return False
    if alpha[0] in bare_words:
        return True
    return any(out[i] == words[i] and _known(engine, words[i]) and
               any(a.case == "nom" and a.lemma == words[i] for a in engine.analyse(words[i]))
               for i in alpha)


def _acronym_stem(word: str, plural: bool = False) -> str:
    """`МИДа` -> `МИД`, `PiS-u` -> `PiS`: an acronym with a case ending is the acronym. With
    `plural` (a typed mention keeps its number) a plural ending gives the nominative plural
    (`DPS-ów` -> `DPS-y`); untyped, the singular, as a dictionary lemma."""
    m = _INFLECTED_ACRONYM.match(word) or _MIXED_ACRONYM.match(word)
    if not m:
        return word
    if plural and "-" in word and m.group(2) in _PLURAL_ACRONYM_ENDINGS:
        return m.group(1) + "-y"
    return m.group(1)


def _strip_apostrophe(word: str) -> str:
    """Foreign names inflected with an apostrophe: `Farage'a` -> `Farage`."""
    m = _APOSTROPHE.match(word)
    return m.group(1) if m else word


def _unknown_places(out: list[str], words: list[str], lang: str) -> list[str]:
    """A place word left unchanged and not itself in the gazetteer: the first suffix-rule
    candidate that is (Mohylewie -> Mohylew, Наваполацку -> Наваполацк)."""
    from pipeline.normalise.gazetteer import get_gazetteer

    alpha = word_indices(words)
    if len(alpha) != 1:
        return out
    i = alpha[0]
    engine = _engine(lang, is_cyrillic(words[i]))
    known = getattr(engine, "has_dictionary", True) and engine.analyse(words[i])
    if out[i] != words[i] or _in_gazetteer(words[i]) or known:
        return out  # only words no dictionary knows (`City` is not an inflected `Cita`)
    form = get_gazetteer().known_form(words[i], lang)
    if form is not None:
        out = list(out)
        out[i] = form
    return out


def is_derived_adjective(text: str, lang: str, names_too: bool = False) -> bool:
    """`białoruskich`, `белорусских`, `Białoruskie`: an adjective derived from a place name,
    not a place. Words that are themselves gazetteer names (`Podlasie`) are places."""
    from pipeline.normalise.regions import adjective_stem

    words = [w for w in tokens(text) if any(c.isalpha() for c in w)]
    if len(words) != 1 or _in_gazetteer(words[0]) or not (adjective_stem(words[0]) or _personal_plural(words[0], lang)):
        return False  # derived adjectives carry -sk-/-ck-/-zk- (białoruski, белорусский)
    engine = _engine(lang, is_cyrillic(text))
    readings = engine.analyse(words[0])
    if words[0][:1].islower():
        # a noun the dictionary knows is none, whatever its ending (`псковичам`)
        return not (readings and getattr(engine, "has_dictionary", False) and
                    not any(a.pos == "adj" for a in readings))
    adj = any(a.pos == "adj" for a in readings)
    proper = {"geo", "org", "name"} if names_too else {"geo", "org"}
    proper_noun = any(a.pos == "noun" and (a.kinds & proper or  # `Sikorski` is a surname
                                          ("surname" in a.kinds and a.case == "nom" and a.number == "sg"))
                      for a in readings)  # not the plural of a surname (`Polscy`, `Polskie`)
    return adj and not proper_noun and not (names_too and _mans_surname(readings))


PERSONAL_PLURAL = ("scy", "ccy")  # polski -> polscy, niemiecki -> niemieccy


def _personal_plural(word: str, lang: str) -> bool:
    """`Polscy`, `Gruzińscy` (a headline's "Polscy doradcy"): the masculine personal plural of
    a derived adjective turns -sk-/-ck- into -sc-/-cc-, so the stem test misses it."""
    return lang == "pl" and word.lower().endswith(PERSONAL_PLURAL)


def _mans_surname(readings) -> bool:
    """A capitalised man's surname in an oblique case (`Sokolnickiego`) whose adjective
    names no place or thing the dictionary knows as a noun (unlike `Polskiego`: the
    language, or `Lubelskiego`: the region): the surname, not the adjective."""
    nouns = [a for a in readings if a.pos == "noun"]
    return any("surname" in a.kinds and a.gender == "m1" and a.number == "sg" and a.case != "nom"
               for a in nouns) and not any(a.kinds & {"geo", "common"} for a in nouns)


@lru_cache(maxsize=50_000)
def lemma_candidates(word: str, lang: str) -> frozenset[str]:
    """Every lemma one word could have by the lemmatiser's own means, whichever it chooses:
    the word as written, the lemmas and same-number nominatives of its dictionary readings,
    and what each ending rule for unknown words and the NKJP endings table give
    (`Obamy`: `Obama`, `Obam`, ...). Lets a document's other mentions pick among them
    (`lemmas_context.py`) without inventing forms the lemmatiser never weighed."""
    out = {word}
    if not word.isalpha() or lang not in LATIN_MORPHOLOGY and not is_cyrillic(word):
        return frozenset(out)
    engine = _engine(lang, is_cyrillic(word))
    for a in engine.analyse(word):
        out.add(match_case(word, a.lemma))
        nominative = engine.nominative(word, a, a.gender, a.number)
        if nominative:
            out.add(match_case(word, nominative))
    out.update(ending_rule_lemmas(word, lang))
    ending = unknown_word_ending(word, lang)
    if ending:
        out.add(ending)
    return frozenset(out)


def plural_of_common_noun(lemma: str, lang: str) -> bool:
    """A lemma the lemmatiser left in the plural of a common noun (`Polacy`, `Brytyjczycy`):
    a people or a group, which a singular written elsewhere (`Polak`) does not name."""
    if lang not in LATIN_MORPHOLOGY or is_cyrillic(lemma):
        return False
    return any(a.case == "nom" and a.number == "pl" and "common" in a.kinds and "pt" not in a.kinds
               for a in _engine(lang, False).analyse(lemma))


def given_name_nominative(word: str, lang: str) -> bool:
    """The dictionary reads the word as a given name in the nominative singular (`Anna`,
    `Piotr`): a name it opens is a person's full name."""
    if lang not in LATIN_MORPHOLOGY or is_cyrillic(word):
        return False
    return any(a.case == "nom" and a.number == "sg" and "name" in a.kinds for a in _engine(lang, False).analyse(word))
