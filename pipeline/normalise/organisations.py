"""Organisations: one record per organisation in an article, then across the run.

Within an article, ORG mentions are grouped when they share a lemma, when one is an acronym
defined by or matching the initials of the other (PFRR, UwB, СЭЗ), when a Cyrillic name
stands in parentheses right after a Latin one, or when their cross-script signatures agree
(`strefa ekonomiczna` = `экономическая зона` through lang/pl/org_heads.tsv, place names and
place adjectives through the gazetteer, other words through transliteration).
`merge_organisations` then maps the per-article keys of the whole run onto shared keys.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from pipeline.lang import LANG_DIR, data_lines
from pipeline.normalise.regions import adjective_entry, adjective_stem
from pipeline.normalise.textnorm import fold, is_cyrillic
from pipeline.normalise.translit import to_polish
from pipeline.record import Mention, Organisation

FUNCTION_WORDS = frozenset(
    "w we i oraz z ze do na im im. imienia przy pod dla of the and for in at "
    "в во и при имени им им. им у ў і імя для та з по".split())
_QUOTED = re.compile(r"[„\"«“]([^„\"«“”»]+)[”\"»“]")
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.U)
MIN_SIGNATURE = 2
SIGNATURE_MATCH = 0.75


@lru_cache(maxsize=1)
def head_lexicon() -> list[tuple[str, str]]:
    """(folded stem, concepts) pairs, longest stems first; a compound (`облисполком`) may
    stand for several concepts."""
    pairs = []
    path = LANG_DIR / "pl" / "org_heads.tsv"
    for line in data_lines(path):
        concept, _, stems = line.partition("\t")
        pairs += [(fold(s), concept) for s in stems.split(",") if s]
    return sorted(pairs, key=lambda p: -len(p[0]))


def is_acronym(text: str) -> bool:
    """`PFRR`, `UwB`, `СЭЗ`, `WSE „Grodnoinvest”`: a short word with several capitals."""
    core = _QUOTED.sub("", text).strip()
    if not core or " " in core or len(core) > 8:
        return False
    caps = sum(c.isupper() for c in core)
    return caps >= 2 and caps * 2 >= len([c for c in core if c.isalpha()])


def acronym_core(text: str) -> str:
    return _QUOTED.sub("", text).strip()


def quoted_part(text: str, raw: bool = False) -> str:
    """The quoted name inside a name (`Grodnoinvest`), folded unless `raw`."""
    m = _QUOTED.search(text)
    if not m:
        return ""
    return m.group(1) if raw else fold(m.group(1))


def initials(name: str) -> str:
    """Initials of a name's words outside quotes: `Uniwersytet w Białymstoku` -> `UwB`."""
    words = _WORD.findall(_QUOTED.sub(" ", name))
    out = []
    for w in words:
        for part in w.split("-"):
            if part:
                out.append(part[0])
    return "".join(out)


def acronym_matches(acr: str, name: str) -> bool:
    """The acronym equals the name's initials (case-insensitively, with or without the
    lower-case function words), and quoted parts agree where both have one."""
    core = fold(acronym_core(acr)).replace(" ", "")
    if len(core) < 2:
        return False
    words = name.split()
    while len(words) > 1 and words[-1].isupper() and len(words[-1]) <= 4:
        words = words[:-1]  # `Ministerstwo Spraw Zagranicznych RP` ~ MSZ
    name = " ".join(words)
    full = fold(initials(name))
    content = fold("".join(w[0] for w in _WORD.findall(_QUOTED.sub(" ", name))
                           if w.lower() not in FUNCTION_WORDS))
    if core not in (full, content):
        return False
    qa, qn = quoted_part(acr), quoted_part(name)
    return not qa or not qn or qa == qn or signature(quoted_part(acr, True)) == signature(quoted_part(name, True))


@lru_cache(maxsize=50_000)
def _word_concept(word: str) -> str:
    """Concept(s) of one word, space-separated where a compound stands for several."""
    f = fold(word)
    for stem, concept in head_lexicon():
        if f.startswith(stem):
            return concept
    if adjective_stem(word):
        hit = adjective_entry(word)
        if hit:
            return "adj:" + fold(hit[0])
    from pipeline.normalise.gazetteer import get_gazetteer

    place = get_gazetteer().link(word, None, "ru" if is_cyrillic(word) else "pl")
    if place is not None and word[:1].isupper():
        return place.key
    latin = to_polish(word)[0] if is_cyrillic(word) else word
    if adjective_stem(latin):
        return "adj:" + fold(adjective_stem(latin)).replace("dsk", "dzk")
    return fold(latin)[:5]


@lru_cache(maxsize=50_000)
def signature(name: str) -> tuple[str, ...]:
    """Sorted script-independent concepts of a name's content words."""
    words = [w for w in _WORD.findall(name) if w.lower() not in FUNCTION_WORDS]
    return tuple(sorted(c for w in words for c in _word_concept(w).split(" ")))


def signatures_match(a: str, b: str) -> bool:
    sa, sb = Counter(signature(a)), Counter(signature(b))
    if sum(sa.values()) < MIN_SIGNATURE or sum(sb.values()) < MIN_SIGNATURE:
        return False
    inter = sum((sa & sb).values())
    union = sum((sa | sb).values())
    return inter / union >= SIGNATURE_MATCH


@lru_cache(maxsize=1)
def descriptors() -> frozenset[str]:
    """Lower-case words opening an ORG mention that are not part of the name
    (lang/<xx>/org_descriptors.txt: `делегация`, `delegacja`, `пресс-служба`)."""
    words = set()
    for path in sorted(LANG_DIR.glob("*/org_descriptors.txt")):
        words |= {line.strip().casefold() for line in data_lines(path)}
    return frozenset(words)


@lru_cache(maxsize=1)
def common_terms() -> frozenset[str]:
    """Capitalised abbreviations that name no body (`B2B`, `IT`): lang/xx/common_terms.txt,
    and any language's own list of that name."""
    words = set()
    for path in sorted(LANG_DIR.glob("*/common_terms.txt")):
        words |= set(data_lines(path))
    return frozenset(words)


def name_part(text: str) -> str:
    """`делегация польского Фонда образовательного сотрудничества` -> `Фонда образовательного
    сотрудничества`: drop the lower-case words before the capitalised name when one of them
    is a descriptor (`деревообрабатывающего предприятия ОАО «...»` -> `ОАО «...»`)."""
    words = text.split(" ")
    if words and words[0].casefold() in descriptors() and words[0][:1].isupper():
        words[0] = words[0].casefold()
    for k in range(1, len(words)):
        if words[k][:1].isupper() or words[k][:1] in "„\"«“":
            lead = [w.casefold() for w in words[:k]]  # the first may be sentence-initial
            if all(w[:1].islower() for w in words[1:k]) and descriptors() & set(lead):
                return " ".join(words[k:])
            return text
    return text


@lru_cache(maxsize=None)
def alphabet(lang: str) -> frozenset[str]:
    """Letters of a language (lang/<xx>/letters.json), empty where unknown."""
    from pipeline.lang import load_json

    data = load_json(lang, "letters.json") or {}
    return frozenset(data.get("alphabet", ""))


def written_in(name: str, lang: str) -> bool:
    """All letters of `name` belong to `lang`'s alphabet (`Брэсцкі` is Belarusian,
    `Брестский` is not)."""
    letters = {c for c in name.lower() if c.isalpha()}
    abc = alphabet(lang)
    return bool(abc) and letters <= abc


@lru_cache(maxsize=1)
def event_heads() -> frozenset[str]:
    """Single-word event triggers of every language (lang/<xx>/events.json, owned by
    extract): an ORG mention whose name starts with one (`Forum Gospodarcze Pogranicza`)
    names an event, not an organisation."""
    import json

    heads = set()
    for path in sorted(LANG_DIR.glob("*/events.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        triggers = data.get("event_triggers", {})
        for _type, words in (triggers.items() if isinstance(triggers, dict) else triggers):
            heads |= {fold(w) for w in words if " " not in w}
    return frozenset(heads)


_ORDINAL = re.compile(r"^(?:[IVXLC]+|\d{1,3}\.?)$")


def _adjective(word: str) -> bool:
    """An adjective in the dictionary of the word's script (the last part of a hyphenated
    compound: `Polsko-Ukraińskie`)."""
    from pipeline.normalise.morph import pl_analyses, ru_parses

    last = word.rsplit("-", 1)[-1]
    if is_cyrillic(last):
        parses = ru_parses(last)
        return bool(parses) and parses[0].tag.POS == "ADJF"
    return any(tag.startswith("adj:") for _lemma, tag, _q in pl_analyses(last))


def is_event_name(name: str, adjectives: int = 2) -> bool:
    """The name's head, after at most `adjectives` capitalised adjectives, is an event noun:
    `Forum Gospodarcze Pogranicza`, `Transgraniczne Forum Samorządowe`."""
    words = name.split(" ")
    if len(words) > 1 and _ORDINAL.match(words[0]):
        words = words[1:]  # `II Forum Gospodarcze`, `5. Kongres`: an edition's number
    i = 0
    while i < min(adjectives, len(words) - 1) and words[i][:1].isupper() and _adjective(words[i]):
        i += 1
    return bool(words[i]) and words[i][:1].isupper() and fold(words[i]) in event_heads()


def org_key(name: str) -> str:
    return "org:" + fold(name)


# -- within one article --------------------------------------------------------------

class _Groups:
    """Union-find over mention indices."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


_PAREN_GAP = re.compile(r"^\s*\(\s*(?:[^\W\d_]{2,5}\.\s*)?$")


def _parenthesised_after(text: str, m: Mention, other: Mention) -> bool:
    """`other` stands in parentheses right after `m`, possibly after a language label:
    `Instytut Badań Regionalnych (Институт региональных исследований)`, `(ang. ...)`."""
    return other.start >= m.end and bool(_PAREN_GAP.match(text[m.end: other.start]))


def _defined_acronym(text: str, m: Mention) -> str:
    """`Podlaska Fundacja Rozwoju Regionalnego (PFRR)`: the acronym after the name."""
    match = re.match(r"\s*\(\s*([^\s(),;]{2,10})\s*\)", text[m.end: m.end + 16])
    if match and is_acronym(match.group(1)):
        return match.group(1)
    return ""


def link_article_orgs(text: str, mentions: list[Mention], main_lang: str) -> dict[str, Organisation]:
    """Group the article's ORG mentions (lemmas already set), set their `entity_key`, and
    return the article's organisations by key."""
    n = len(mentions)
    if not n:
        return {}
    groups = _Groups(n)
    defined: dict[int, str] = {}
    for i, m in enumerate(mentions):
        acr = _defined_acronym(text, m)
        if acr:
            defined[i] = acr
    translations = set()  # mentions standing in parentheses after another name
    for i, a in enumerate(mentions):
        for j in range(i + 1, n):
            b = mentions[j]
            first, second = (i, j) if a.start <= b.start else (j, i)
            if _parenthesised_after(text, mentions[first], mentions[second]):
                translations.add(second)
            if _same_org(text, a, b, defined.get(i, ""), defined.get(j, "")):
                groups.union(i, j)
    _attach_short_forms(mentions, groups)
    members: dict[int, list[int]] = {}
    for i in range(n):
        members.setdefault(groups.find(i), []).append(i)
    out: dict[str, Organisation] = {}
    for idx in members.values():
        _complete_partial_name(text, mentions, idx, defined, main_lang)
        if all(is_acronym(mentions[i].text) for i in idx):
            expansion = _expansion_in_text(text, acronym_core(mentions[idx[0]].text), main_lang)
            if expansion:
                for i in idx:
                    defined.setdefault(i, acronym_core(mentions[i].text))
                    mentions[i].attrs["expansion"] = expansion
        org = _organisation([mentions[i] for i in idx], [defined.get(i, "") for i in idx], main_lang,
                            [i in translations for i in idx])
        if org.key in out:
            _absorb(out[org.key], org)
        else:
            out[org.key] = org
        for i in idx:
            mentions[i].entity_key = org.key
    return out


def _attach_short_forms(mentions: list[Mention], groups: _Groups) -> None:
    """A one-concept mention (`Університэт`, `Fundacja`) refers to the only other group of
    the article whose name has that concept."""
    sigs = [signature(m.lemma or m.text) for m in mentions]
    for i, sig in enumerate(sigs):
        if len(sig) != 1 or ":" in sig[0] or is_acronym(mentions[i].text):
            continue
        owners = {groups.find(j) for j, other in enumerate(sigs)
                  if j != i and len(other) > 1 and sig[0] in other}
        if len(owners) == 1:
            groups.union(i, owners.pop())


def _same_org(text: str, a: Mention, b: Mention, acr_a: str, acr_b: str) -> bool:
    la, lb = a.lemma or a.text, b.lemma or b.text
    if fold(la) == fold(lb) or fold(a.text) == fold(b.text):
        return True
    if acr_a and fold(acr_a) in (fold(b.text), fold(lb)):
        return True
    if acr_b and fold(acr_b) in (fold(a.text), fold(la)):
        return True
    if is_acronym(b.text) and not is_acronym(a.text) and acronym_matches(b.text, la):
        return True
    if is_acronym(a.text) and not is_acronym(b.text) and acronym_matches(a.text, lb):
        return True
    if is_acronym(a.text) and is_acronym(b.text):
        return _acronyms_agree(a.text, b.text)
    first, second = (a, b) if a.start <= b.start else (b, a)
    if _parenthesised_after(text, first, second):
        return True
    if _contains_words(la, lb):
        return True
    return signatures_match(la, lb)


def _acronyms_agree(a: str, b: str) -> bool:
    """Same acronym (and no conflicting quoted names), or, across scripts, acronyms of the
    same length with the same quoted name (`WSE „Brześć”` = `СЭЗ «Брест»`)."""
    qa, qb = quoted_part(a), quoted_part(b)
    if fold(acronym_core(a)) == fold(acronym_core(b)):
        return qa == qb or not qa or not qb
    if is_cyrillic(acronym_core(a)) == is_cyrillic(acronym_core(b)) or not qa or not qb:
        return False
    same_length = len(fold(acronym_core(a))) == len(fold(acronym_core(b)))
    return same_length and (qa == qb or signature(quoted_part(a, True)) == signature(quoted_part(b, True)))


def _contains_words(a: str, b: str) -> bool:
    """One name contains the other as whole words, the shorter having >= 2 words: in a row
    (`Fundacja Rozwoju Wsi` in `Lubelska Fundacja Rozwoju Wsi`), or from the longer's first word
    to its last with words left out (`Izba Gagauzji` for `Izba Handlowo-Przemysłowa Gagauzji`)."""
    fa, fb = fold(a).split(), fold(b).split()
    short, long_ = (fa, fb) if len(fa) <= len(fb) else (fb, fa)
    if len(short) < 2 or len(short) == len(long_):
        return False
    if any(long_[k:k + len(short)] == short for k in range(len(long_) - len(short) + 1)):
        return True
    rest = iter(long_[1:-1])
    return short[0] == long_[0] and short[-1] == long_[-1] and all(w in rest for w in short[1:-1])


def _complete_partial_name(text: str, mentions: list[Mention], idx: list[int],
                           defined: dict[int, str], lang: str) -> None:
    """`Fundacja Rozwoju Regionalnego` found by the NER in `Podlaska Fundacja Rozwoju
    Regionalnego (PFRR)`: the acronym's full expansion in the text replaces the partial
    name as the group's fullest form."""
    acrs = [defined[i] for i in idx if defined.get(i)]
    full = [i for i in idx if not is_acronym(mentions[i].text)]
    if not acrs or not full or any(acronym_matches(acrs[0], mentions[i].lemma or mentions[i].text)
                                   for i in full):
        return
    expansion = _expansion_in_text(text, acrs[0], lang)
    if expansion and any(_contains_words(expansion, mentions[i].lemma or mentions[i].text) for i in full):
        for i in full:
            mentions[i].attrs["expansion"] = expansion


def _expansion_in_text(text: str, acronym: str, lang: str) -> str:
    """`Uniwersytet w Białymstoku (UwB)` where the NER found only `UwB`: the words before
    `(UwB)` whose initials spell the acronym, as a nominative name."""
    from pipeline.normalise.lemmas import lemmatise

    for m in re.finditer(r"\(\s*" + re.escape(acronym) + r"\s*\)", text):
        before = text[max(0, m.start() - 200): m.start()].split()
        for n in range(2, min(len(before), 10) + 1):
            words = before[-n:]
            if not words[0][:1].isupper():
                continue
            cand = " ".join(words)
            if acronym_matches(acronym, cand):
                return lemmatise(cand, lang, "ORG")
    return ""


def _organisation(ms: list[Mention], defined: list[str], main_lang: str,
                  translated: list[bool] | None = None) -> Organisation:
    """Canonical name: the longest full (non-acronym) lemma in the article's main language
    (its script, not a translation given in parentheses)."""
    translated = translated or [False] * len(ms)
    is_translation = {id(m): t for m, t in zip(ms, translated)}
    full = [m for m in ms if not is_acronym(m.text)]
    expansions = [m.attrs["expansion"] for m in ms if m.attrs.get("expansion")]
    if expansions and (not full or all(not is_acronym(m.text) and m.attrs.get("expansion") for m in full)):
        name = expansions[0]
        acronyms = [acronym_core(m.text) for m in ms if is_acronym(m.text)] + [d for d in defined if d]
        aliases = [a for a in dict.fromkeys([x for m in ms for x in (m.lemma, m.text)] + acronyms)
                   if a and a != name]
        return Organisation(key=org_key(name), name=name, acronym=acronyms[0] if acronyms else "",
                            aliases=aliases, country_code=country_of(name))
    main_cyr = main_lang in _cyrillic_langs()
    pool = [m for m in full if is_cyrillic(m.lemma or m.text) == main_cyr] or full or ms
    best = max(pool, key=lambda m: (written_in(m.lemma or m.text, main_lang),
                                    m.language == main_lang, not is_translation[id(m)],
                                    len((m.lemma or m.text).split()), len(m.lemma or m.text),
                                    -m.start))
    name = best.lemma or best.text
    acronyms = [acronym_core(m.text) for m in ms if is_acronym(m.text)] + [d for d in defined if d]
    acronym = acronyms[0] if acronyms else ""
    aliases: list[str] = []
    for m in sorted(ms, key=lambda m: m.start):
        for form in (m.lemma, m.text):
            if form and form != name and form not in aliases:
                aliases.append(form)
    for a in acronyms:
        if a not in aliases:
            aliases.append(a)
    return Organisation(key=org_key(name), name=name, acronym=acronym, aliases=aliases,
                        country_code=country_of(name))


def country_of(name: str) -> str:
    """Country of the first place or place adjective in a name (`Гродненский облисполком`
    -> BY, `Uniwersytet w Białymstoku` -> PL), else ''. An adjective is read as written
    (`Nowogródzki`, BY, is not `Nowogrodzki`, RU, whose folded concepts are one)."""
    from pipeline.normalise.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    for word in _WORD.findall(name):
        if word.lower() in FUNCTION_WORDS:
            continue
        concept = _word_concept(word)
        if concept.startswith("geo:"):
            place = gaz.get(concept)
            if place is not None and place.country_code:
                return place.country_code
        elif concept.startswith("adj:"):
            hit = adjective_entry(word)
            if hit and hit[1]:
                return hit[1]
    return ""


def _absorb(into: Organisation, other: Organisation) -> None:
    for a in [other.name] + other.aliases:
        if a != into.name and a not in into.aliases:
            into.aliases.append(a)
    into.acronym = into.acronym or other.acronym


@lru_cache(maxsize=1)
def _cyrillic_langs() -> frozenset[str]:
    return frozenset({"ru", "be", "uk", "bg", "sr", "mk"})


# -- across the run --------------------------------------------------------------------

def _initial_variants(name: str) -> set[str]:
    """Folded initials of a name with and without function words and trailing acronyms."""
    words = name.split()
    while len(words) > 1 and words[-1].isupper() and len(words[-1]) <= 4:
        words = words[:-1]
    core = _QUOTED.sub(" ", " ".join(words))
    full = fold(initials(core)).replace(" ", "")
    content = fold("".join(w[0] for w in _WORD.findall(core) if w.lower() not in FUNCTION_WORDS))
    return {full, content}


def _merge_by_acronym(keys: list[str], by_key: dict, groups: _Groups) -> None:
    """Across articles, an acronym joins the one organisation it abbreviates: `UwB` alone ->
    `Uniwersytet w Białymstoku`; `Fundacja Rozwoju Regionalnego` (PFRR) -> `Podlaska
    Fundacja Rozwoju Regionalnego` (PFRR). `MSZ` does not join `Ministerstwo Spraw
    Zagranicznych Białorusi` (initials MSZB)."""
    acr_of = {k: fold(acronym_core(by_key[k][0].acronym or "")) for k in keys}
    full_of = {k: by_key[k][0].name for k in keys}
    by_initials: dict[str, list[int]] = {}  # index, so the run-level merge stays linear
    for j, o in enumerate(keys):
        if not is_acronym(full_of[o]):
            for ini in _initial_variants(full_of[o]):
                by_initials.setdefault(ini, []).append(j)
    for i, k in enumerate(keys):
        acr = acr_of[k]
        if not acr:
            continue
        name = full_of[k]
        targets = [j for j in by_initials.get(acr.replace(" ", ""), []) if keys[j] != k
                   and acronym_matches(by_key[k][0].acronym, full_of[keys[j]])
                   and (is_acronym(name) or (acr_of[keys[j]] == acr
                                             and _contains_words(full_of[keys[j]], name)
                                             and len(full_of[keys[j]].split()) > len(name.split())))]
        if len({groups.find(j) for j in targets}) == 1:
            groups.union(i, targets[0])


def _canonical_rank(k: str, ks: list[str], by_key: dict, names: dict) -> tuple:
    """Latin script first (most articles are Polish), no bare acronyms, then the name most
    articles use (as name or alias: `Klaster Obróbki Metali`, not one article's longer
    `Klaster Obróbki Metali do Grodna`), then the fuller name."""
    name = by_key[k][0].name
    support = sum(len(by_key[o]) for o in ks if fold(name) in names[o])
    return (is_cyrillic(k), is_acronym(name), -support, -len(name.split()), k)


def merge_organisations(orgs: list[Organisation]) -> dict[str, str]:
    """Every input key -> the key of its run-level organisation (same organisation in many
    articles, in other scripts or with other aliases -> one key). Deterministic: the result
    does not depend on the order of `orgs`."""
    by_key: dict[str, list[Organisation]] = {}
    for o in orgs:
        by_key.setdefault(o.key, []).append(o)
    keys = sorted(by_key)
    names: dict[str, set[str]] = {}
    for k in keys:
        s = set()
        for o in by_key[k]:
            s |= {fold(x) for x in [o.name] + o.aliases if x and not is_acronym(x)}
        names[k] = s
    groups = _Groups(len(keys))
    owner: dict[str, int] = {}
    for i, k in enumerate(keys):
        for nm in sorted(names[k]):
            if len(nm.split()) >= 2 or len(nm) >= 8:
                if nm in owner:
                    groups.union(owner[nm], i)
                else:
                    owner[nm] = i
    _merge_by_acronym(keys, by_key, groups)
    by_signature: dict[tuple[str, ...], int] = {}
    for i, k in enumerate(keys):
        sig = signature(by_key[k][0].name)
        if len(sig) >= MIN_SIGNATURE + 1 or (len(sig) >= MIN_SIGNATURE and any(":" in c for c in sig)):
            if sig in by_signature:
                groups.union(by_signature[sig], i)
            else:
                by_signature[sig] = i
    members: dict[int, list[str]] = {}
    for i, k in enumerate(keys):
        members.setdefault(groups.find(i), []).append(k)
    out: dict[str, str] = {}
    for ks in members.values():
        canon = min(ks, key=lambda k: _canonical_rank(k, ks, by_key, names))
        for k in ks:
            out[k] = canon
    return out
