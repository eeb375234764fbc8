"""Russian word analyses and nominative generation through pymorphy3."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from pipeline.lang import LANG_DIR
from pipeline.normalise import morph
from pipeline.normalise.agreement import Analysis, match_case
from pipeline.normalise.lemmas_rules import ending_readings, word_list

_CASE = {"nomn": "nom", "gent": "gen", "gen2": "gen", "datv": "dat", "accs": "acc",
         "ablt": "inst", "loct": "loc", "loc2": "loc", "voct": "voc"}
_GENDER = {"masc": "m", "femn": "f", "neut": "n"}
_KINDS = {"Geox": "geo", "Name": "name", "Surn": "surname", "Patr": "surname", "Orgn": "org",
          "Pltm": "pt"}  # pluralia tantum (Нидерланды) keep their number
MIN_SCORE = 0.0
_PERSON_KINDS = frozenset({"name", "surname"})


class RussianEngine:
    """Engine for `agreement.lemmatise_words` backed by pymorphy3."""

    has_dictionary = True  # False: every word gets ending-rule readings
    postnominal_adjectives = False
    ranked_readings = True  # pymorphy lists the most probable reading first

    def analyse(self, word: str) -> tuple[Analysis, ...]:
        return _analyse(word)

    def knows(self, word: str) -> bool:
        """pymorphy has the word in its dictionary (not just a guess)."""
        return any(p.is_known for p in morph.ru_parses(word))

    def guesses(self, word: str) -> tuple[Analysis, ...]:
        """Person-name readings beside pymorphy's: of a word pymorphy does not know (it
        only guesses), by its ending (`Скрипаля`: genitive of `Скрипаль`; see
        `ending_readings`); of a known one, a surname the dictionary reads only as a
        plural (`_plural_word_as_surname`); of both, a man's surname declining as a
        feminine noun (`_mans_feminine_declension`)."""
        base = _plural_word_as_surname(word) if self.knows(word) else \
            ending_readings(word, "ru", ref=(None, "", ""))
        return tuple(base) + _mans_feminine_declension(word, tuple(base))

    def nominative(self, word: str, a: Analysis, gender: str, number: str) -> str | None:
        parse, prefix, suffix = a.ref
        if parse is None:  # synthetic reading of an unknown name (see _guessed_names)
            return prefix + match_case(word[len(prefix): len(word) - len(suffix)], a.lemma) + suffix
        want = {"nomn"}
        if number == "pl":
            want.add("plur")
        elif number == "sg":
            want.add("sing")
        if a.pos == "adj" and number == "sg" and gender in ("m", "f", "n"):
            want.add({"m": "masc", "f": "femn", "n": "neut"}[gender])
        text = _closest_form(parse, want, word) or _closest_form(parse, {"nomn"}, word)
        if text is None:
            return None
        if "ё" not in word.lower():
            text = text.replace("ё", "е")
        return prefix + _match_parts(word[len(prefix): len(word) - len(suffix)], text) + suffix


def _closest_form(parse, want: set[str], word: str) -> str | None:
    """The parse's form with the grammemes `want`. A superlative's lexeme is its positive
    adjective's, which holds several superlatives (`Высшей`: of `высокий`, whose first
    nominative superlative is `высочайшая`): of those, the one sharing the longest
    beginning with `word` (`Высшая`)."""
    degree = {g for g in ("Supr", "Cmp2") if g in parse.tag}
    forms = [f.word for f in parse.lexeme if want | degree <= f.tag.grammemes] if degree else []
    if not forms:
        form = parse.inflect(want)
        return form.word if form else None
    low = word.lower()
    return max(forms, key=lambda f: _shared_start(f, low))


def _shared_start(a: str, b: str) -> int:
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return k


@lru_cache(maxsize=100_000)
def _analyse(word: str) -> tuple[Analysis, ...]:
    if "." in word or (word.isupper() and len(word) > 1) or _mixed_acronym(word):
        return ()  # initials, abbreviations and acronyms (Т.Мэй, им., МИД) are not inflected
    prefix, word, suffix = _inflecting_part(word)
    if _function_word(word):
        return ()
    feminine = _feminine_ia(word, prefix, suffix)
    if feminine:
        return feminine
    out = [a for p in morph.ru_parses(word) for a in _reading(p, word, prefix, suffix)]
    out = _without_yj_doublets(out)
    out = _adjectival_surnames(out)
    out = _consonant_stem_locative(out, word)
    out = _indeclinable_i(out, word, prefix, suffix)
    out = _indeclinable_o(out, word, prefix, suffix)
    out = _womens_indeclinable_surnames(out, word)
    if word[:1].isupper() and not any(p.is_known for p in morph.ru_parses(word)):
        out = _guessed_names(word, prefix, suffix) + _plurale_tantum_genitive(word, prefix, suffix) + out
    return tuple(out)


def _inflecting_part(word: str) -> tuple[str, str, str]:
    """(prefix, the part that inflects, suffix) of a word: the last part of a hyphenated
    word (`Усть-Илимске`), the part before a hyphenated preposition (`Ростова-на-Дону`) or a
    number (`потока-2`); a hyphenated word the dictionary has whole inflects whole."""
    joined = _prepositional_tail(word)
    if _known_compound(word):
        return "", word, ""  # `Улан-Баторе`: the dictionary has the hyphenated name as one word
    if joined:
        return "", word[: len(word) - len(joined)], joined
    if "-" in word.strip("-"):
        head, _, tail = word.rpartition("-")
        if any(c.isalpha() for c in tail):
            return head + "-", tail, ""
        return "", head, "-" + tail
    return "", word, ""


def _reading(p, word: str, prefix: str, suffix: str) -> list[Analysis]:
    """The engine-neutral reading of one pymorphy parse: nouns and adjectives (participles
    too) in a case; none for other parses."""
    tag = p.tag
    pos = "noun" if tag.POS == "NOUN" else "adj" if tag.POS in ("ADJF", "PRTF") else ""
    case = _CASE.get(tag.case or "", "")
    if not pos or not case:
        return []
    if pos == "adj" and case == "acc" and "anim" in tag:
        return []  # animate accusative = genitive form; names of institutions are inanimate
    number = {"sing": "sg", "plur": "pl"}.get(tag.number or "", "")
    if _guessed_zero_plural(p, word, case, number):
        return []
    gender = "" if "Fixd" in tag else _GENDER.get(tag.gender or "", "")  # indeclinable: any
    return [Analysis(lemma=p.normal_form, pos=pos, case=case, number=number, gender=gender,
                     kinds=_reading_kinds(p, pos, word, prefix), ref=(p, prefix, suffix))]


def _reading_kinds(p, pos: str, word: str, prefix: str) -> frozenset[str]:
    """pymorphy's own kinds of a parse, and `org` for an organisation head's lemma, `geo`
    for a guessed lemma the gazetteer knows as a place (see `_gazetteer_place`)."""
    kinds = frozenset(v for k, v in _KINDS.items() if k in p.tag)
    if pos == "noun" and p.normal_form in _org_heads():
        kinds |= {"org"}  # `Банка развития`: of `банк`, which names organisations
    if (not p.is_known or prefix) and "geo" not in kinds and word[:1].isupper() and \
            _gazetteer_place(prefix + p.normal_form):
        kinds |= {"geo"}
    return kinds


@lru_cache(maxsize=1)
def _org_heads() -> frozenset[str]:
    """Nouns that head organisations' names (lang/ru/org_heads.json): a reading with such a
    lemma names an organisation, which an ORG mention prefers (`Банка`: of `банк`, not the
    nominative of `банка`, a jar)."""
    import json

    return frozenset(json.loads((LANG_DIR / "ru" / "org_heads.json").read_text(encoding="utf-8"))["heads"])


@lru_cache(maxsize=1)
def _masculine_surname_endings() -> tuple[str, ...]:
    return word_list(LANG_DIR / "ru" / "masculine_surname_endings.txt")


_FEMININE_DECLENSION = ("а", "я")


def _mans_feminine_declension(word: str, guessed: tuple[Analysis, ...] = ()) -> tuple[Analysis, ...]:
    """`Брыды`, `Брыде`: a man's surname in -а/-я declines as a feminine noun, so each
    oblique singular reading of a feminine -а/-я noun is a man's surname reading too, for
    the given name beside it to decide (`Казимежа Брыды` -> `Казимеж Брыда`); not in a case
    where the word reads as a man's noun already, in the dictionary or by the ending rules
    (`guessed`; `Расселе`: of `Рассел`)."""
    if not word[:1].isupper():
        return ()
    readings = _analyse(word)
    mans = {a.case for a in readings + guessed if a.pos == "noun" and a.gender == "m" and a.number == "sg"}
    return tuple(replace(a, gender="m", kinds=frozenset({"guess", "surname"}))
                 for a in readings if a.pos == "noun" and a.gender == "f" and a.number == "sg"
                 and a.case not in ("nom", "") and a.case not in mans and a.lemma.endswith(_FEMININE_DECLENSION))


def _plural_word_as_surname(word: str) -> tuple[Analysis, ...]:
    """`Садовников`: a capitalised word the dictionary reads only as a plural, with
    the ending of a man's surname (lang/ru/masculine_surname_endings.txt) or as a genitive
    plural without ending, is, in a person's name, a surname in the nominative (one person
    is no plural; `Ламп` is no genitive of `лампа` then)."""
    readings = _analyse(word)
    if not word[:1].isupper() or not readings or any(a.number != "pl" for a in readings):
        return ()
    if word.lower().endswith(_masculine_surname_endings()):
        gender = "m"
    elif all(a.case == "gen" and len(a.lemma) > len(word) for a in readings):
        gender = ""  # `Ламп`: a genitive plural without ending (of `лампа`) is no person's
    else:
        return ()
    return (Analysis(lemma=word, pos="noun", case="nom", number="sg", gender=gender,
                     kinds=frozenset({"surname"}), ref=(None, "", "")),)


def _known_compound(word: str) -> bool:
    """The dictionary knows the hyphenated word as a whole (`Улан-Баторе`, `Йошкар-Оле`), so
    it inflects as pymorphy says, not by its last part alone."""
    return "-" in word.strip("-") and any(p.is_known and "-" in p.normal_form for p in morph.ru_parses(word))


def _match_parts(model: str, form: str) -> str:
    """`match_case` part by part for a hyphenated word (`Улан-Баторе` gives
    `улан-батор` the capitals `Улан-Батор`)."""
    parts, forms = model.split("-"), form.split("-")
    if len(parts) < 2 or len(parts) != len(forms):
        return match_case(model, form)
    return "-".join(match_case(p, f) for p, f in zip(parts, forms))


@lru_cache(maxsize=1)
def _hyphen_prepositions() -> frozenset[str]:
    return frozenset(word_list(LANG_DIR / "ru" / "hyphen_prepositions.txt"))


def _guessed_zero_plural(parse, word: str, case: str, number: str) -> bool:
    """`Стройвакс`: pymorphy guesses a word it does not know to be the genitive plural
    without ending of a longer lemma (`стройвакса`); an unknown name ends in a consonant
    far more often as a nominative of its own, so the guess is dropped (a known word keeps
    such readings: `Татр`, of `Татры`)."""
    return not parse.is_known and number == "pl" and case in ("gen", "acc") and len(parse.normal_form) > len(word)


def _mixed_acronym(word: str) -> bool:
    """`СПбГТУ`: an acronym with a small letter inside (a word's second letter, `б` of
    `Петербург`) has more capitals than small letters; a name glued from words
    (`ТехноПромСтрой`) has fewer, and inflects."""
    upper = sum(c.isupper() for c in word)
    return upper >= 3 and upper > sum(c.islower() for c in word)


def _prepositional_tail(word: str) -> str:
    """`-на-Дону` of `Ростова-на-Дону`: the hyphenated prepositional phrase that ends a
    place name (lang/ru/hyphen_prepositions.txt); its noun is in the case the preposition
    governs whatever the case of the name, so it keeps its form. '' when there is none."""
    parts = word.split("-")
    preps = _hyphen_prepositions()
    k = next((k for k in range(1, len(parts) - 1) if parts[k] in preps), 0)
    return "-" + "-".join(parts[k:]) if k and parts[0] else ""


def _consonant_stem_locative(readings: list[Analysis], word: str) -> list[Analysis]:
    """`Вайбере`: for a word it does not know, pymorphy guesses the locative of a
    consonant stem (`вайбер`) and the dative or locative of an -а stem (`вайбера`) alike;
    names of places, firms and products borrowed into Russian mostly end in a consonant, so
    the -а readings go where the consonant one exists (a woman's name keeps hers)."""
    low = word.lower().replace("ё", "е")
    if not low.endswith("е") or any(a.ref[0] is not None and a.ref[0].is_known for a in readings):
        return readings
    stem = low[:-1]
    if not any(a.case == "loc" and a.gender == "m" and _yo(a.lemma) == stem for a in readings):
        return readings
    return [a for a in readings if not (_yo(a.lemma) == stem + "а" and a.case in ("dat", "loc")
                                        and not a.kinds & _PERSON_KINDS)]


def _yo(text: str) -> str:
    return text.replace("ё", "е")


_SOFT_LEMMA_ENDINGS = ("ь", "я")


def _indeclinable_i(readings: list[Analysis], word: str, prefix: str, suffix: str) -> list[Analysis]:
    """`Тревизи`: a word pymorphy does not know ending in -и after a consonant is far more
    often an indeclinable foreign name than an oblique form of a soft-stem noun (`тревизь`,
    `тревизя`), which is all pymorphy can guess; those guesses go, the word's reading as
    written stays (it is offered as a guess: see `_guessed_names`)."""
    low = word.lower()
    if len(low) < 4 or not low.endswith("и") or low[-2] in _VOWELS or \
            any(a.ref[0] is not None and a.ref[0].is_known for a in readings):
        return readings
    soft = {low[:-1] + end for end in _SOFT_LEMMA_ENDINGS}
    kept = [a for a in readings if a.lemma not in soft]
    if len(kept) == len(readings):
        return readings
    return kept or [Analysis(lemma=low, pos="noun", case=c, number="sg", gender="", kinds=frozenset(),
                             ref=(None, prefix, suffix)) for c in ("nom", "gen", "dat", "acc", "inst", "loc")]


_ADJECTIVE_LEMMA_ENDINGS = ("ский", "цкий", "ской", "цкой")


def _adjectival_surnames(readings: list[Analysis]) -> list[Analysis]:
    """`Вороновском`: pymorphy may know a word in -ский only as a surname (a noun), though
    it declines as an adjective and, made from a place's name (`Вороново`), is one before a
    noun (`Вороновском районе`); such a surname reading gets an adjective twin, so it can
    agree with the noun after it. A surname made from no place stays a noun, a genitive
    after its head (`музея Достоевского`)."""
    twins = [replace(a, pos="adj", kinds=frozenset()) for a in readings
             if a.pos == "noun" and "surname" in a.kinds and a.lemma.endswith(_ADJECTIVE_LEMMA_ENDINGS)
             and _place_adjective(a.lemma)]
    if not twins or any(a.pos == "adj" for a in readings):
        return readings
    return readings + twins


@lru_cache(maxsize=1)
def _adjective_place_endings() -> tuple[str, ...]:
    return tuple("" if e == "-" else e for e in word_list(LANG_DIR / "ru" / "adjective_place_endings.txt"))


@lru_cache(maxsize=10_000)
def _place_adjective(lemma: str) -> bool:
    """The adjective (`вороновский`) is made from a place the gazetteer knows (`Вороново`):
    its stem with one of lang/ru/adjective_place_endings.txt."""
    from pipeline.normalise.gazetteer import get_gazetteer

    stem = lemma[:-4].capitalize()
    gaz = get_gazetteer()
    return len(stem) > 2 and any(gaz.knows(stem + end) for end in _adjective_place_endings())


@lru_cache(maxsize=1)
def _indeclinable_surname_endings() -> tuple[str, ...]:
    return word_list(LANG_DIR / "ru" / "indeclinable_surname_endings.txt")


def _indeclinable_o(readings: list[Analysis], word: str, prefix: str, suffix: str) -> list[Analysis]:
    """`Костюшко`: a capitalised word pymorphy does not know with the ending of a surname
    that does not decline (lang/ru/indeclinable_surname_endings.txt: -ко) is no neuter noun
    (nominative and accusative only, as pymorphy guesses): it reads in every case, as
    written, so the given name beside it decides the case (`Тадеуша Костюшко`)."""
    low = word.lower()
    if not word[:1].isupper() or len(low) < 4 or not low.endswith(_indeclinable_surname_endings()) or \
            any(a.ref[0] is not None and a.ref[0].is_known for a in readings):
        return readings
    guessed = [a for a in readings if a.ref[0] is not None and a.lemma == low and a.gender == "n"]
    if not guessed:
        return readings
    kept = [a for a in readings if a not in guessed]
    return kept + [Analysis(lemma=low, pos="noun", case=c, number="sg", gender="", kinds=frozenset(),
                            ref=(None, prefix, suffix)) for c in ("nom", "gen", "dat", "acc", "inst", "loc")]


def _womens_indeclinable_surnames(readings: list[Analysis], word: str) -> list[Analysis]:
    """`Шевчук`: a surname ending in a consonant declines for a man (`Шевчука`) and not
    for a woman, so where the dictionary has the word both as a man's declining surname and
    as an indeclinable one (no gender), the indeclinable readings are a woman's
    (`Александра Шевчук`: a woman in the nominative, not a man's genitive)."""
    low = word.lower()
    mans = any(a.pos == "noun" and "surname" in a.kinds and a.gender == "m" and a.case == "nom"
               and a.lemma == low for a in readings)
    if not mans or low[-1:] in _VOWELS:
        return readings
    return [replace(a, gender="f") if a.pos == "noun" and "surname" in a.kinds and not a.gender
            and a.lemma == low else a for a in readings]


_VOWELS = "аеёиоуыэюя"


def _gazetteer_place(lemma: str) -> bool:
    """`Чемале`: pymorphy only guesses at a word it does not know (`чемаль`, `чемала`), and
    the last part of a hyphenated name is often a common word (`Усть-...`); a lemma
    that, with the name's first part, the gazetteer knows as a place (`Чемал`) is a place
    name's reading, which a LOC mention prefers."""
    from pipeline.normalise.gazetteer import get_gazetteer

    return get_gazetteer().knows(lemma[:1].upper() + lemma[1:])


_FUNCTION_POS = frozenset({"PREP", "CONJ"})


def _function_word(word: str) -> bool:
    """`в`, `и`, `по`: a lower-case word whose likeliest reading is a preposition or a
    conjunction is one; its rare noun readings (the letter `в`, an abbreviation) would let
    an adjective before it agree with it (`Института Польского в Минске`). Particles keep
    their readings: the likeliest of `правда` is one, yet it heads `Лесная правда`."""
    parses = morph.ru_parses(word)
    return word.islower() and bool(parses) and parses[0].tag.POS in _FUNCTION_POS


def _without_yj_doublets(readings: list[Analysis]) -> list[Analysis]:
    """`Окружного`: the dictionary has the adjective twice, as the standard `окружной` and
    the older `окружный`, with equal scores; the -ой lemma is kept (`Окружной суд`)."""
    lemmas = {a.lemma for a in readings if a.pos == "adj"}
    return [a for a in readings if not (a.pos == "adj" and a.lemma.endswith("ый")
                                        and a.lemma[:-2] + "ой" in lemmas)]


_IA_CASES = {"ия": ("nom",), "ии": ("gen", "dat", "loc"), "ию": ("acc",), "ией": ("inst",)}


def _feminine_ia(word: str, prefix: str, suffix: str) -> tuple[Analysis, ...]:
    """`Асии`, `Асию` -> `Асия`: pymorphy reads rare -ия names as the masculine -ий name
    (`асий`) with no frequency behind it (all readings equally likely). Where every reading
    is such a masculine name, read the word as a feminine -ия name instead; a form with a
    single reading (`Асию`: only the dative of `асий`) is judged by its -ия form (`Асия`).
    Common names like `Юрий` have frequency-ranked readings (`Юрия`) and keep them."""
    low = word.lower()
    end = next((e for e in _IA_CASES if low.endswith(e)), "")
    if not end or not word[:1].isupper():
        return ()
    parses = morph.ru_parses(word)
    stem = word[: len(word) - len(end)]
    rare = _rare_masculine_ij(parses) or (
        len(parses) == 1 and _masculine_ij(parses[0]) and _rare_masculine_ij(morph.ru_parses(stem + "ия")))
    if not rare:
        return ()
    return tuple(Analysis(lemma=stem + "ия", pos="noun", case=c, number="sg", gender="f",
                          kinds=frozenset({"name"}), ref=(None, prefix, suffix))
                 for c in _IA_CASES[end])


def _masculine_ij(parse) -> bool:
    return "Name" in parse.tag and parse.tag.gender == "masc" and parse.normal_form.endswith("ий")


def _rare_masculine_ij(parses) -> bool:
    """Two or more readings, all of a masculine -ий name, all equally likely."""
    return len(parses) >= 2 and all(_masculine_ij(p) for p in parses) and \
        len({round(p.score, 3) for p in parses}) == 1


_PLURAL_ENDINGS = ("ы", "и")


def _plurale_tantum_genitive(word: str, prefix: str, suffix: str) -> list[Analysis]:
    """The genitive of a plurale tantum often has no ending (`Татр`, of `Татры`), and the
    dictionary may lack it while it knows the nominative (a mountain range's name); an
    unknown word that, with the nominative plural's ending, is a known plurale tantum reads
    as its genitive plural."""
    out = []
    for end in _PLURAL_ENDINGS:
        for p in morph.ru_parses(word + end):
            if p.is_known and "Pltm" in p.tag and p.tag.case == "nomn":
                out.append(Analysis(lemma=p.normal_form, pos="noun", case="gen", number="pl", gender="",
                                    kinds=frozenset({"pt"} | ({"geo"} if "Geox" in p.tag else set())),
                                    ref=(p, prefix, suffix)))
                break
    return out


def _guessed_names(word: str, prefix: str, suffix: str) -> list[Analysis]:
    """For a capitalised word the dictionary does not know, the word itself as a possible
    nominative besides pymorphy's guesses (`Гренелл` is not a genitive plural). Only person
    names use it (kind `guess`): for other names pymorphy's guess is the better bet."""
    kinds = {"guess", "surname"} if _indeclinable_e(word) else {"guess"}
    return [Analysis(lemma=word, pos="noun", case="nom", number="sg", gender="",
                     kinds=frozenset(kinds), ref=(None, prefix, suffix))]


def _indeclinable_e(word: str) -> bool:
    """`Гёте`, `Бартеле`: an unknown name ending in -е after a single consonant is as often
    an indeclinable foreign name as a locative or dative, and in a person's name the
    nominative is the likelier; so its reading as written weighs as a surname's. After a
    doubled consonant the -е is a case ending of a foreign stem (`Расселе`: of `Рассел`)."""
    low = word.lower()
    return len(low) > 3 and low.endswith("е") and low[-2] not in _VOWELS + "ь" and low[-2] != low[-3]


def mans_surname(out: list[str], words: list[str], engine: RussianEngine) -> list[str]:
    """`Олег Смирнова` -> `Олег Смирнов`: after a given name that is only a man's, in the
    nominative, a surname read as a woman's nominative is the man's surname in an oblique
    case (the writer declined only the surname), so it goes to the man's nominative."""
    alpha = [i for i, w in enumerate(words) if w.isalpha()]
    if len(alpha) != 2 or not all(words[i][:1].isupper() for i in alpha):
        return out
    first, last = alpha
    given = [a for a in engine.analyse(words[first]) if a.number == "sg"]
    if not given or not all(a.case == "nom" and a.gender == "m" and "name" in a.kinds for a in given):
        return out
    readings = engine.analyse(words[last])
    if out[last] != words[last] or not any(a.case == "nom" and a.gender == "f" and "surname" in a.kinds
                                           for a in readings):
        return out
    mans = [a for a in readings if a.case in ("gen", "acc") and a.gender == "m" and "surname" in a.kinds
            and a.number == "sg"]
    form = engine.nominative(words[last], mans[0], "m", "sg") if mans else None
    if not form:
        return out
    res = list(out)
    res[last] = match_case(words[last], form)
    return res


def gazetteer_place(out: list[str], words: list[str], engine: RussianEngine) -> list[str]:
    """A one-word place ending in a vowel whose lemma the gazetteer does not know
    (`Сморгони`, `Кельце` -> `Келец`), where pymorphy only guessed at the word or knows it
    with neither a place nor a nominative reading: the word itself if the gazetteer knows
    it (an indeclinable name), else the first form of the place suffix rules it knows
    (lang/ru/place_suffixes.tsv: `Сморгонь`)."""
    from pipeline.normalise.gazetteer import get_gazetteer

    alpha = [i for i, w in enumerate(words) if any(c.isalpha() for c in w)]
    if len(alpha) != 1:
        return out
    i = alpha[0]
    word = words[i]
    gaz = get_gazetteer()
    if not word[:1].isupper() or gaz.knows(out[i]) or word[-1:].lower() not in _VOWELS + "ь" or \
            engine.knows(word) and any("geo" in a.kinds or a.case == "nom" for a in engine.analyse(word)):
        return out  # a word ending in a consonant (`Кунд`) is a nominative
    readings = [a for a in engine.analyse(word) if a.ref[0] is not None]
    if readings and all(a.number == "pl" for a in readings) and any(a.case in ("dat", "inst", "loc") for a in readings):
        return out  # a plural by its ending (-ями, -ах) keeps its number
    form = word if gaz.knows(word) else gaz.known_form(word, "ru")
    if form is None:
        return out
    res = list(out)
    res[i] = form
    return res


def mens_genitive_a(out: list[str], words: list[str], engine: RussianEngine) -> list[str]:
    """`Найджела Додса`: a name left as written whose every word ends in -а after a
    consonant, none with a woman's surname ending, and each with a man's genitive reading
    (in the dictionary or by its ending) is a man's name in the genitive, not a woman's
    nominative: each word goes to that reading's nominative."""
    alpha = [i for i, w in enumerate(words) if any(c.isalpha() for c in w)]
    if len(alpha) < 2 or out != words:
        return out
    res = list(out)
    for i in alpha:
        word = words[i]
        low = word.lower()
        if not word[:1].isupper() or not low.endswith("а") or len(low) < 4 or low[-2] in _VOWELS or \
                low.endswith(_feminine_surname_endings()):
            return out
        mans = [a for a in tuple(engine.analyse(word)) + engine.guesses(word)
                if a.case == "gen" and a.gender == "m" and a.number == "sg" and a.pos == "noun"
                and len(a.lemma) < len(word)]
        form = engine.nominative(word, mans[0], "m", "sg") if mans else None
        if not form:
            return out
        res[i] = match_case(word, form)
    return res


@lru_cache(maxsize=1)
def _feminine_surname_endings() -> tuple[str, ...]:
    return word_list(LANG_DIR / "ru" / "feminine_surname_endings.txt")

