"""Head-and-agreement lemmatisation of multi-word names, independent of the language.

A language engine turns each word into `Analysis` candidates and can generate a word's
nominative; this module decides which words change: the head noun and the adjectives
agreeing with it go to the nominative, genitive complements and everything after the first
non-agreeing word stay (`Fundacją Rozwoju Regionalnego` -> `Fundacja Rozwoju Regionalnego`).
Person names are different: every name word in the phrase's case is inflected on its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Protocol, Sequence

CASES = ("nom", "gen", "dat", "acc", "inst", "loc")  # vocatives are too rare in news to risk
_ROMAN = re.compile(r"^[IVXLC]+$")
CONJUNCTIONS = frozenset({"i", "oraz", "и", "і", "та", "й"})
_NAME_KINDS = frozenset({"geo", "name", "surname", "org"})


@dataclass(frozen=True)
class Analysis:
    """One reading of a word, in engine-neutral terms."""

    lemma: str
    pos: str  # noun, adj, other
    case: str  # one of CASES, or '' when uninflected
    number: str = ""  # sg, pl
    gender: str = ""  # m1, m2, m3, m, f, n (engine's own granularity)
    kinds: frozenset[str] = field(default_factory=frozenset)  # geo, name, surname, org, common
    ref: Any = None  # engine data needed to generate forms


class Engine(Protocol):
    # False where adjectives normally precede their noun (Russian): an adjective after the
    # head that agrees with a following noun belongs to that noun (`управления Люблинского
    # воеводства`), not to the head.
    postnominal_adjectives: bool

    def analyse(self, word: str) -> Sequence[Analysis]: ...

    def nominative(self, word: str, a: Analysis, gender: str, number: str) -> str | None: ...


def word_indices(words: Sequence[str]) -> list[int]:
    """Indices of the tokens that are words (have a letter), not spaces, digits or punctuation."""
    return [i for i, w in enumerate(words) if any(c.isalpha() for c in w)]


def genders_agree(adj_gender: str, head_gender: str) -> bool:
    if not adj_gender or not head_gender:
        return True
    if adj_gender == head_gender:
        return True
    return adj_gender[0] == head_gender[0] == "m" and (len(adj_gender) == 1 or len(head_gender) == 1)


def _pick(cands: Sequence[Analysis], prefer: Callable[[Analysis], tuple]) -> Analysis | None:
    return max(cands, key=prefer) if cands else None


def lemmatise_words(words: list[str], engine: Engine, label: str,
                    prefer: Callable[[Analysis], tuple], singular: bool = False) -> list[str]:
    """Nominative of a name given as a list of tokens (non-words pass through unchanged).
    `singular`: a word that is only ever a plural common noun goes to the singular, as a
    dictionary lemma does (`Słowian` -> `Słowianin`); names (`Szadurscy`), nouns with a
    singular reading (`Wyspy`) and pluralia tantum (`Niemcy`) keep their number."""
    analyses = [list(engine.analyse(w)) if any(c.isalpha() for c in w) else [] for w in words]
    if label == "PER":
        return _person(words, analyses, engine, prefer)
    adjective = getattr(engine, "adjective_guesses", None)
    if adjective is not None and sum(1 for a in analyses if a) > 0 and len(
            [w for w in words if any(c.isalpha() for c in w)]) > 1:
        # adjectives no dictionary knows agree with a known noun (`induktora keratynowego`);
        # a lone unknown word is more often a name (`Tabeńskiego`)
        analyses = [a or list(adjective(w)) for w, a in zip(words, analyses)]
    plan = _best_plan(words, analyses, prefer, engine)
    mixed = _mixed_case_name(words, analyses, engine, prefer, plan)
    if mixed is not None:
        return mixed
    if plan is None:
        return _adjectives_only(words, analyses, engine, prefer, lower=not label)
    head = max(i for i, (pos, _g, _n) in plan.changes.items() if pos == "noun")
    nouns = [a for a in analyses[head] if a.pos == "noun"]
    # a nominative plural goes to the singular only when it cannot be a name (`Majowie`,
    # `Apostołowie` may be a family or a group); an oblique one when its chosen reading is
    # a common noun (`Polaków`, though `Polak` is a surname too)
    to_sg = singular and plan.head is not None and plan.head.number == "pl" and \
        not ("pt" in plan.head.kinds or plan.head.kinds & _NAME_KINDS) and \
        not any(a.number == "sg" for a in nouns) and \
        (plan.case != "nom" or not any("pt" in a.kinds or a.kinds & _NAME_KINDS for a in nouns))
    if plan.case == "nom" and not to_sg:
        titled = _title_before_oblique_name(words, analyses, engine, prefer, head)
        if titled is not None:
            return titled
    if plan.case == "nom" and not to_sg or _foreign_phrase(words, analyses, head, engine, plan.case):
        return list(words)
    out = list(words)
    start = _name_after_title(words, analyses, head)
    if start is not None and all(i in plan.changes for i in range(head, start)
                                 if any(c.isalpha() for c in words[i])):
        # `prezydenta Lecha Kaczyńskiego`, `posła Nowaka`, `prokuratora krajowego Jana
        # Kowalskiego`: a title and a person name in its case
        guess = getattr(engine, "guesses", None)
        first = analyses[start] or (list(guess(words[start])) if guess else [])
        if any(a.case == plan.case and (a.kinds & {"name", "surname", "guess"}) for a in first):
            out[start:] = _person(words[start:], analyses[start:], engine, prefer, force_case=plan.case)
    for i, (pos, gender, number) in plan.changes.items():
        fits = [a for a in analyses[i] if a.case == plan.case and a.pos == pos
                and a.number == number and (genders_agree(a.gender, gender) if pos == "adj"
                                            else a.gender == gender)]
        a = _pick(fits, prefer)
        if a is None:
            continue
        form = engine.nominative(words[i], a, gender, "sg" if to_sg else number)
        if form:
            out[i] = match_case(words[i], form)
    return out


def _mixed_case_name(words: list[str], analyses: list[list[Analysis]], engine: Engine,
                     prefer: Callable[[Analysis], tuple], plan: _Plan | None) -> list[str] | None:
    """`Wielką Brytania`, `Wielka Brytanią`: adjectives before a final noun that agree with it
    in gender and number but not in case, one of the words a nominative: a slip of the
    writer, not a phrase of two parts (a prenominal adjective always agrees with its noun),
    so every word goes to the nominative. In a capitalised name the noun may stand before
    adjectives too (`Unia Celną`). None where the words agree or do not fit so."""
    idx = word_indices(words)
    if not getattr(engine, "has_dictionary", False):
        return None  # ending rules read too many words as adjectives to judge a slip
    if len(idx) < 2 or len(idx) != len(words) - sum(1 for w in words if w.isspace()) or \
            (plan is not None and plan.coverage >= len(idx)):
        return None
    # an adjective after its noun counts only in a capitalised name (`korpus mandaryńskiego`
    # is a noun and a genitive)
    heads = idx[::-1] if all(words[i][:1].isupper() for i in idx) else idx[-1:]
    for head, noun in ((h, a) for h in heads for a in sorted(
            (a for a in analyses[h] if a.pos == "noun" and a.number == "sg"), key=prefer, reverse=True)):
        adjs = [j for j in idx if j != head]
        fits = [[a for a in analyses[j] if a.pos == "adj" and a.number == noun.number and a.case
                 and genders_agree(a.gender, noun.gender)] for j in adjs]
        if not all(fits) or not (noun.case == "nom" or any(a.case == "nom" for f in fits for a in f)) or \
                any(a.pos == "noun" and a.case == "nom" for j in adjs for a in analyses[j]):
            # a first word that may be a noun (`Powierzchnia Polski`) heads a phrase of its own
            continue
        out = list(words)
        for j, f in zip(adjs, fits):
            form = engine.nominative(words[j], _pick(f, prefer), noun.gender, noun.number)
            if not form:
                return None
            out[j] = match_case(words[j], form)
        form = words[head] if noun.case == "nom" else engine.nominative(words[head], noun, noun.gender, noun.number)
        if not form:
            return None
        out[head] = match_case(words[head], form)
        return out
    return None


def _personal(readings: list[Analysis]) -> bool:
    """A noun that can name a person (Polish masculine personal gender: `premier`,
    `minister`), so a person name after it may be in apposition, not an owner's genitive;
    engines without that gender (Russian) never say so."""
    return any(a.pos == "noun" and a.gender == "m1" for a in readings)


def _name_after_title(words: list[str], analyses: list[list[Analysis]], head: int) -> int | None:
    """Where the capitalised words that end the phrase begin, when the head is a lower-case
    personal noun before them (a title: `premiera`, `posła`); a thing's owner stays a
    genitive (`pomnika Jana Kochanowskiego`), so other heads give None. A lower-case word
    no dictionary knows between capitalised ones is a particle of the name (`hrabiego
    Ottona von Reuss`)."""
    alpha = word_indices(words)
    k = len(alpha)
    while k > 0 and (words[alpha[k - 1]][:1].isupper() or k < len(alpha) and k > 1 and
                     not analyses[alpha[k - 1]] and words[alpha[k - 2]][:1].isupper()):
        k -= 1
    if not _personal(analyses[head]) or not words[head][:1].islower() or k == len(alpha) or alpha[k] <= head:
        return None
    return alpha[k]


def _title_before_oblique_name(words: list[str], analyses: list[list[Analysis]], engine: Engine,
                               prefer: Callable[[Analysis], tuple], head: int) -> list[str] | None:
    """`minister Zyty Gilowskiej`, `premiera Donalda Tuska`: a title (see `_name_after_title`)
    read as a nominative before a person name whose given name has no nominative reading.
    The name is in an oblique case, and so is the title where it has a reading in that case
    (`premiera`: genitive of `premier`); otherwise the title does not inflect (`minister`
    before a woman's name). None when the phrase is not such a title and name."""
    start = _name_after_title(words, analyses, head)
    if start is None:
        return None
    cases = {a.case for a in analyses[start] if "name" in a.kinds and a.number == "sg"}
    if not cases or "nom" in cases:
        return None
    tail = _person(words[start:], analyses[start:], engine, prefer)
    if tail == words[start:]:
        return None
    out = words[:start] + tail
    title = _pick([a for a in analyses[head] if a.pos == "noun" and a.case in cases and a.number == "sg"], prefer)
    form = engine.nominative(words[head], title, title.gender, "sg") if title else None
    if form:
        out[head] = match_case(words[head], form)
    return out


def _foreign_phrase(words: list[str], analyses: list[list[Analysis]], head: int, engine: Engine,
                    case: str) -> bool:
    """`New York`, `West Midlands`, `Big Brother`: a first word read as an ending-less oblique
    form (genitive plural of `Newa`) followed by words no dictionary knows, or with no case
    ending and no reading in that case (`York`: a Polish genitive would have inflected it
    too; `Mistrzostw Szkół` is two genitives), is a foreign name in the nominative; an inflected head keeps its ending (`Uniwersytetu
    Harvard`)."""
    bare = getattr(engine, "bare", None)
    alpha = word_indices(words)
    if bare is None or len(alpha) < 2 or head != alpha[0] or not words[head][:1].isupper():
        return False
    # a genitive plural without an ending (`Farm`: of `farma`) is as ending-less as a bare word
    zero_genitive = bool(analyses[head]) and all(a.case == "gen" and a.number == "pl" and len(a.lemma) > len(words[head])
                                                 for a in analyses[head])
    if not (bare(words[head]) or zero_genitive):
        return False
    for i in alpha[1:]:  # within the run of capitalised words
        if not words[i][:1].isupper():
            return False
        if not words[i].isupper() and (not analyses[i] or bare(words[i]) and not any(
                a.case == case for a in analyses[i])):  # acronyms (RP) do not count
            return True
        if zero_genitive and analyses[i] and not words[i].isupper() and all(a.lemma.lower() == words[i].lower()
                                                                           for a in analyses[i]):
            return True  # an indeclinable word (`Delhi`, or a common noun capitalised: `Jersey`)
            # shows no genitive either
    return False


@dataclass
class _Plan:
    case: str
    coverage: int
    priority: int
    changes: dict[int, tuple[str, str, str]]  # token index -> (pos, gender, number)
    head_pref: tuple = ()
    head: Analysis | None = None
    firm: int = 0  # coverage less the adjectives after the head that may belong to the next noun
    named: bool = False  # the head reading is a noun that heads names (`klub`, `rondo`)
    place: bool = False  # the changed words make, in the nominative, a place the engine knows

    def rank(self) -> tuple:
        # an adjective that agrees with the following noun too proves no head reading: it
        # must not make a rare homonym of another gender win (`Korpus Współczesnej
        # Angielszczyzny`: the masculine `korpus`, not an indeclinable feminine surname)
        return (self.firm, -(self.priority >= len(CASES)), self.place, self.head_pref, self.named, self.coverage,
                -self.priority)


def _best_plan(words: list[str], analyses: list[list[Analysis]],
               prefer: Callable[[Analysis], tuple], engine: Engine) -> _Plan | None:
    """The reading that explains the most leading words as [adjectives] head [adjectives]
    in one case, singular and nominative preferred on ties (`Ministerstwa Spraw` is a
    genitive singular, `Linie Lotnicze` a nominative plural)."""
    idx = [i for i, w in enumerate(words) if any(c.isalpha() for c in w)
           and not (not analyses[i] and (w.endswith(".") or _ROMAN.match(w)))]  # gen., Wlk., II
    lead = 0
    while lead + 1 < len(idx) and not analyses[idx[lead]] and words[idx[lead]].isupper() and len(words[idx[lead]]) > 1:
        lead += 1
    if lead and not any(a.case == "gen" for a in analyses[idx[lead]]):
        # acronyms before a word in an oblique case no genitive complement has (`KS Koronę`)
        # are a club's or a firm's prefix, the word the head; before a genitive they are
        # the head themselves (`MSZ Francji`)
        idx = idx[lead:]
    best: _Plan | None = None
    name_head = getattr(engine, "name_head", None)
    for ci, case in enumerate(CASES):
        for k, i in enumerate(idx):
            for a in analyses[i]:
                if a.case != case or a.pos != "noun" or "guess" in a.kinds:
                    continue
                if not all(_has_adj(analyses[j], case, a.gender, a.number) for j in idx[:k]):
                    continue
                changes = {j: ("adj", a.gender, a.number) for j in idx[:k]}
                changes[i] = ("noun", a.gender, a.number)
                _extend(changes, idx[k + 1:], words, analyses, case, a.gender, a.number,
                        getattr(engine, "postnominal_adjectives", True),
                        lambda j, m: _known_pair(words, analyses, engine, j, m)
                        or _known_rest(words, engine, i, a))
                plural = a.number == "pl" and "pt" not in a.kinds  # Chiny, Niemcy: pluralia tantum
                priority = ci + (len(CASES) if plural else 0)
                plan = _Plan(case, len(changes), priority, changes, prefer(a), a,
                             len(changes) - _shared_adjectives(changes, i, idx, analyses),
                             name_head is not None and name_head(a.lemma))
                if "geo" in a.kinds and len(changes) > 1 and (best is None or plan.firm >= best.firm):
                    plan.place = _known_phrase(words, analyses, engine, changes, case)
                if best is None or plan.rank() > best.rank():
                    best = plan
            if not any(b.pos == "adj" and b.case == case for b in analyses[i]):
                break
    return best


def _shared_adjectives(changes: dict[int, tuple[str, str, str]], head: int, idx: list[int],
                       analyses: list[list[Analysis]]) -> int:
    """How many adjectives the plan puts after its head that agree with the word after them
    as well (`Klubu Międzynarodowej Prasy`): they may modify that noun, not the head."""
    following = dict(zip(idx, idx[1:]))
    return sum(1 for j, (pos, _g, _n) in changes.items() if j > head and pos == "adj" and j in following
               and _adj_heads_next(analyses[j], analyses[following[j]]))


def _adj_heads_next(adj: list[Analysis], nxt: list[Analysis]) -> bool:
    """The adjective agrees with the following noun in some case."""
    return any(a.pos == "adj" and b.pos == "noun" and a.case == b.case and a.number == b.number
               and genders_agree(a.gender, b.gender) for a in adj for b in nxt)


def _has_adj(cands: list[Analysis], case: str, gender: str, number: str) -> bool:
    return any(b.case == case and b.pos == "adj" and b.number == number
               and genders_agree(b.gender, gender) for b in cands)


def _known_phrase(words: list[str], analyses: list[list[Analysis]], engine: Engine,
                  changes: dict[int, tuple[str, str, str]], case: str) -> bool:
    """The words a plan changes, from its first to its last, make in the nominative a place
    the engine knows (`Ostrowie Wielkopolskim`: `Ostrów Wielkopolski`, not `Ostrowo
    Wielkopolskie`), which decides between place readings of the head."""
    known = getattr(engine, "known_place", None)
    if known is None:
        return False
    out = []
    for i in range(min(changes), max(changes) + 1):
        if i not in changes:
            out.append(words[i])
            continue
        pos, gender, number = changes[i]
        fits = [a for a in analyses[i] if a.case == case and a.pos == pos and a.number == number and (
            genders_agree(a.gender, gender) if pos == "adj" else a.gender == gender)]
        form = engine.nominative(words[i], fits[0], gender, number) if fits else None
        if not form:
            return False
        out.append(form)
    return known("".join(out))


def _known_rest(words: list[str], engine: Engine, head: int, a: Analysis) -> bool:
    """The head in the nominative and the words after it as written make a place the engine
    knows (`Republiki Południowej Afryki`: `Republika Południowej Afryki`)."""
    known = getattr(engine, "known_place", None)
    form = engine.nominative(words[head], a, a.gender, a.number) if known is not None else None
    return bool(form) and known(match_case(words[head], form) + "".join(words[head + 1:]).rstrip())


def _known_pair(words: list[str], analyses: list[list[Analysis]], engine: Engine, j: int, m: int) -> bool:
    """The adjective at `j` and the noun at `m` after it make, in the nominative, a place
    name the engine knows (`Starego Miasta`: `Stare Miasto`), so the adjective is the
    noun's, not the head's."""
    known = getattr(engine, "known_place", None)
    if known is None:
        return False
    for b in analyses[m]:
        if b.pos != "noun" or b.case == "nom":
            continue
        for a in analyses[j]:
            if a.pos == "adj" and a.case == b.case and a.number == b.number and genders_agree(a.gender, b.gender):
                adj = engine.nominative(words[j], a, b.gender, b.number)
                noun = engine.nominative(words[m], b, b.gender, b.number)
                if adj and noun and known(f"{adj} {noun}"):
                    return True
    return False


def _extend(changes, rest, words, analyses, case, gender, number, postnominal=True,
            known_pair: Callable[[int, int], bool] | None = None) -> None:
    """Agreeing adjectives after the head, a coordinated one among them, and a coordinated
    noun (`Prawa i Sprawiedliwości`)."""
    n = 0
    adjectives = 0
    while n < len(rest):
        j = rest[n]
        if _has_adj(analyses[j], case, gender, number):
            # an adjective that agrees with the next noun belongs to it: at once where
            # adjectives precede nouns (ru), from the second one on where they follow the
            # head (pl: `Klubu Poselskiego | Polskiego Stronnictwa`, but `Urzędu
            # Marszałkowskiego Województwa`), or at once where the two make a place name
            # (`Rynku | Starego Miasta`)
            if n + 1 < len(rest) and _adj_heads_next(analyses[j], analyses[rest[n + 1]]) and (
                    not postnominal or adjectives >= 1 or known_pair is not None and known_pair(j, rest[n + 1])):
                return
            adjectives += 1

            changes[j] = ("adj", gender, number)
        elif words[j].lower() in CONJUNCTIONS and n + 1 < len(rest) and adjectives and \
                _has_adj(analyses[rest[n + 1]], case, gender, number):
            changes[rest[n + 1]] = ("adj", gender, number)  # `Kliniki Chirurgicznej i Okulistycznej`
            n += 1
        elif words[j].lower() in CONJUNCTIONS and n + 1 < len(rest):
            # a singular, or a plural beside a plural head (`Lasy i Pola`); in an oblique
            # case a plural beside a singular head too (`Partii i Związkowców`), where no
            # such reading fits
            nxt = [a for a in analyses[rest[n + 1]] if a.case == case and a.pos == "noun"
                   and (a.number in ("sg", number) or case != "nom")]
            if not nxt:
                return
            nxt.sort(key=lambda a: a.number not in ("sg", number))
            gender, number = nxt[0].gender, nxt[0].number
            changes[rest[n + 1]] = ("noun", gender, number)
            n += 1
        elif case in _APPOSITION_CASES and words[j][:1].isupper() and not any(a.case == "gen" for a in analyses[j]) \
                and not any(a.pos == "adj" and a.case == case for a in analyses[max(k for k, c in changes.items() if k < j and c[0] == "noun")]):
            # a capitalised noun in the head's dative, instrumental or locative, which no
            # genitive complement has, is in apposition (`Dzienniku Gazecie Prawnej`); not
            # after a head that may be an adjective (`Polskim Radiu`)
            nxt = [a for a in analyses[j] if a.case == case and a.pos == "noun"]
            if not nxt or any(a.pos == "adj" for a in analyses[j]):
                return  # `Powstaniu Warszawskim`: an adjective agreeing in another gender
            gender, number = nxt[0].gender, nxt[0].number  # `Sokolnikach Lesie`: a village's part
            changes[j] = ("noun", gender, number)
            adjectives = 0
        else:
            return
        n += 1


_APPOSITION_CASES = frozenset({"dat", "inst", "loc"})


def _adjectives_only(words, analyses, engine, prefer, lower: bool = True) -> list[str]:
    """No noun: a lone adjective (`kanadyjskim`) goes to its dictionary form."""
    out = list(words)
    alpha = word_indices(words)
    if not alpha or any(a.case == "nom" for a in analyses[alpha[0]]):
        return out
    for i in alpha:
        adjs = [a for a in analyses[i] if a.pos == "adj" and a.case]
        if not adjs:
            break
        a = _pick(adjs, prefer)
        form = engine.nominative(words[i], a, "m", "sg") if a else None
        if form:
            # derived adjectives: dictionary form (`Polskim` -> `polski`); names keep capitals
            out[i] = form.lower() if lower else match_case(words[i], form)
    return out


_KIND_WEIGHT = {"name": 2.0, "surname": 1.5, "geo": 0.3, "org": 0.3}


def _weight(a: Analysis, rank: int, ranked: bool = False) -> float:
    """How much a reading supports its case in a person name: given names most, plurals
    and common nouns least; earlier (more probable) readings win ties."""
    w = max((_KIND_WEIGHT.get(k, 0.5) for k in a.kinds), default=0.5)
    if a.number == "pl" and a.kinds & {"name", "surname"} or "pt" in a.kinds:
        # plural given names/surnames are rare, plural ethnonyms (Polaków) are not; a
        # plurale tantum place (`Dominice`) is no person's name (`Dominic Grieve`)
        w *= 0.1
    if a.gender[:1] == "m":
        w += 0.15  # news name men more often than women: `Józefa` -> `Józef`
    return w - (0.06 * rank if ranked else 0.0)  # pymorphy orders readings by probability


def _person(words, analyses, engine, prefer, force_case: str = "") -> list[str]:
    """The (case, gender) reading best supported by the name words; each capitalised word
    with a reading in it goes to the nominative on its own (`Jana Pawła II` -> `Jan Paweł II`).
    Unknown words support the nominative (foreign names are usually left uninflected), most of
    all those that end in no case ending (a feminine name may still be oblique: `Angeli Merkel`)."""
    alpha = word_indices(words)
    # words after a particle inside the name (`Ludwika von Trenkel`) are often left
    # uninflected: as written they say nothing of the case (an ending still does)
    particle = next((i for k, i in enumerate(alpha) if k and words[i][:1].islower()
                     and words[alpha[k - 1]][:1].isupper()), len(words))
    if any(words[i][:1].isupper() for i in alpha):  # particles (van der, ibn) stay
        alpha = [i for i in alpha if words[i][:1].isupper()]
    guess = getattr(engine, "guesses", None)
    guesses = {i: list(guess(words[i])) for i in alpha if guess is not None}
    endings_lead = not any(analyses[i] for i in alpha)
    if endings_lead:  # every word unknown: they lead only when all endings say one oblique case
        # an unknown word in -e that no ending rule reads is indeclinable (`Brekke`): it
        # neither joins nor breaks the case the others (two at least) agree in
        cased = [i for i in alpha if guesses.get(i) or not words[i].endswith("e")]
        shared = shared_reading([masculine_too(guesses.get(i, ())) for i in cased]) \
            if len(cased) > 1 else None
        if shared is None or shared[0] == "nom":
            return list(words)
        force_case = shared[0]  # `Ołeksija Hryhorenkę`
    scores: dict[tuple[str, str], float] = {}
    bare = getattr(engine, "bare", None)
    bare_words = {i for i in alpha if not analyses[i] and bare is not None and bare(words[i])}
    given = any("name" in a.kinds and a.number == "sg" for i in alpha for a in analyses[i])
    for case in CASES:
        for g in ("m", "f", "n"):
            total = guessed = 0.0
            for i in alpha:
                late = i > particle
                if i in bare_words:  # `Cummings`: no case ending, so no masculine oblique case
                    # (`Jeremy Corbyn` is no genitive of `Jerema Corbyn`: that is `Corbyna`)
                    total += 0.0 if late else 1.0 if case == "nom" else (0.5 if g == "f" else -2.0)
                    continue
                if not analyses[i] and "." not in words[i] and not words[i].isupper() and not late and \
                        (guesses.get(i) or not words[i].endswith("e") or not given):
                    # may be an uninflected nominative; initials (В.В.) and regnal numbers
                    # (`Pawła II`) show no case, nor does a surname in -e no ending rule
                    # reads after a given name of the dictionary (`Vette`: indeclinable)
                    total += 0.2 if case == "nom" else 0.0
                ranked = getattr(engine, "ranked_readings", False)
                ws = [_weight(a, r, ranked and "guess" not in a.kinds)
                      for r, a in enumerate(analyses[i] + guesses.get(i, []))
                      if a.case == case and a.pos in ("noun", "adj") and _fits_gender(a, g)
                      and not (late and a.lemma.lower() == words[i].lower())]
                if analyses[i]:
                    total += max(ws, default=0.0)
                else:
                    guessed += max(ws, default=0.0)
            # endings of unknown words only confirm a reading the known words support
            # (`Richarda Greya`), they never lead (`Dario Mazzola` is a nominative)
            total += guessed if total > 0 or endings_lead else 0.0
            scores[(case, g)] = total + (0.1 if case == "nom" and total > 0 else 0.0)
    if force_case:
        scores = {k: v for k, v in scores.items() if k[0] == force_case}
    (case, gender), best = max(scores.items(), key=lambda kv: (kv[1], kv[0][0] == "nom"))
    if case == "nom" or best <= 0:
        return list(words)
    chosen = {}
    for i in alpha:
        fits = [a for a in analyses[i] + guesses.get(i, []) if a.case == case and a.pos in ("noun", "adj")
                and _fits_gender(a, gender)]
        # on a tie, a reading whose ending is a case ending (`Jandy`: genitive of `Janda`)
        # before an indeclinable one (the surname `Jandy`), a given name first in the name
        # (`Freda`: `Fred`, not the surname `Fredo`), then a lemma the dictionary knows as a
        # given name and a surname before one known as a given name only (`Jacka`: `Jacek`)
        if not fits and analyses[i]:
            # a given name of the other gender in the same case (`Jana Marii`: a man's second
            # name `Maria`) still inflects
            fits = [a for a in analyses[i] if a.case == case and a.pos == "noun" and "name" in a.kinds
                    and a.number == "sg"]
        a = max(fits, key=lambda r: (prefer(r), r.lemma != words[i], i == alpha[0] and "name" in r.kinds,
                                     len(r.kinds)), default=None)
        if a is not None:
            chosen[i] = a
    # one person is singular: a word read only as a plural beside singular ones is a name
    # as written (`Николь Авант`, not the plural of `Аванта`); a family stays plural
    singular = any(a.number == "sg" and a.lemma != words[i] for i, a in chosen.items())
    out = list(words)
    for i, a in chosen.items():
        if singular and a.number == "pl":
            continue
        form = engine.nominative(words[i], a, a.gender, a.number)
        if form:
            out[i] = match_case(words[i], form)
    return out


def _fits_gender(a: Analysis, gender: str) -> bool:
    """A reading fits a person of `gender`; a guessed feminine-declension word in -a fits a
    man too (`Szkraboty`: of the surname `Szkrabota`, which a man bears as well), where the
    known words of the name say he is one."""
    own = a.gender[:1] or gender
    return own == gender or gender == "m" and own == "f" and "guess" in a.kinds and a.lemma.endswith("a")


def masculine_too(guesses: Sequence[Analysis]) -> list[Analysis]:
    """Guessed readings of a name word, with a man's reading beside each feminine oblique one
    of a lemma in -a (`Drabuty`: a man's surname `Drabuta` declines like a woman's)."""
    out = list(guesses)
    return out + [replace(a, gender="m") for a in out if a.gender == "f" and a.case != "nom" and a.lemma.endswith("a")]


def shared_reading(readings: list[list[Analysis]]) -> tuple[str, str] | None:
    """A (case, gender) every word has a reading in, an empty gender fitting any (`Gulda`
    may be a man or a woman); None when the words have no case in common."""
    common: set[tuple[str, str]] | None = None
    for rs in readings:
        keys = {(a.case, g) for a in rs for g in ((a.gender[:1],) if a.gender else ("m", "f", "n"))}
        common = keys if common is None else common & keys
        if not common:
            return None
    return min(common, key=lambda k: (CASES.index(k[0]) if k[0] in CASES else 9, k[1])) if common else None


def match_case(model: str, form: str) -> str:
    """Give `form` the capitalisation pattern of `model` (ALLCAPS, Title or lower); where
    both spell the same letters, `model`'s own spelling is kept (`O’Лири`, `iPhone`, `ё`)."""
    form = _text_spelling(model, form)
    if len(model) > 1 and model.isupper():
        return form.upper()
    k = _common_prefix(model, form)
    if k:
        return model[:k] + form[k:]
    if model[:1].isupper():
        return form[:1].upper() + form[1:]
    if model[:1].islower():
        return form[:1].lower() + form[1:]
    return form


def _common_prefix(a: str, b: str) -> int:
    k = 0
    while k < min(len(a), len(b)) and _letter(a[k]) == _letter(b[k]):
        k += 1
    return k


def _text_spelling(model: str, form: str) -> str:
    """A dictionary lemma spelt with `x` where the text writes the Polish `ks` (`Linuksa`:
    lemma `Linux`) takes the text's spelling (`Linuks`), as the text's letters are kept
    elsewhere."""
    if "x" not in form.lower() or "x" in model.lower() or "ks" not in model.lower():
        return form
    respelt = form.replace("x", "ks").replace("X", "Ks")
    return respelt if _common_prefix(model, respelt) > _common_prefix(model, form) else form


def _letter(ch: str) -> str:
    return "е" if ch in "ёЁ" else ch.lower()
