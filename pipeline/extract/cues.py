"""What one sentence offers the extractor: triggers, places, dates, organisations, cue words.

Everything here is read off a single `Sent`; combining sentences (inheritance, merging,
series) is `events.py`'s job. Vocabulary comes from `pipeline/lang/<xx>/events.json`.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.annotate.dates import ordinal_day
from pipeline.extract.document import Sent
from pipeline.extract.lexicon import Token, Vocab, any_word, fold, sentence_vocab, sentence_vocabs, vocabs_for
from pipeline.record import Article, Mention

ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_MONTH = re.compile(r"^\d{4}-\d{2}$")
ISO_YEAR = re.compile(r"^\d{4}$")
WEAK_PLACE = {"country", "continent"}
REGION = {"region", "admin", "adm1", "adm2", "district", "oblast"}


@dataclass
class Trigger:
    i: int  # token index
    n: int  # tokens covered
    etype: str
    weak: bool
    plural: bool = False
    count: int = 0  # "3 seminaria"
    named: bool = False
    title: str = ""
    reference: bool = False  # "w ramach konferencji", "Drugiego dnia forum": an event already told
    after: bool = False  # "Po zakończeniu targów", "После открытия": told as what came before
    verb: bool = False  # a visit/meeting verb, not a noun
    umbrella: bool = False  # "cykl warsztatów", "цикл семинаров": the series, not one of its events
    title_span: tuple[int, int] = (0, 0)  # the quoted title's offsets ("seminarium „Klaster jako partner”")


@dataclass
class PlaceArg:
    i: int
    key: str
    strength: int  # 2 city or other precise place, 1 region, 0 country


@dataclass
class DateArg:
    i: int
    start: str
    end: str
    relative: bool
    precision: int  # 3 day/range, 2 month, 1 year


@dataclass
class SentCues:
    sent: Sent
    triggers: list[Trigger] = field(default_factory=list)
    places: list[PlaceArg] = field(default_factory=list)
    dates: list[DateArg] = field(default_factory=list)
    orgs: list[tuple[int, str]] = field(default_factory=list)
    organiser_cue: list[int] = field(default_factory=list)  # token indices of cue words
    implementer: list[str] = field(default_factory=list)  # "projekt realizowany przez X": X
    ordinal: int | None = None  # ordinal day / member ("Drugiego dnia" -> 2, "Ostatni dzień" -> -1)
    ordinal_member: bool = False  # the ordinal qualifies a trigger noun ("Drugie spotkanie")
    start_marker: bool = False
    end_marker: bool = False
    marker_at: list[int] = field(default_factory=list)  # token indices of start/end markers
    duration: int = 0  # "dwudniowe szkolenie" -> 2
    tense: list[tuple[int, str]] = field(default_factory=list)  # (token index, past|future|planned)
    same_day: bool = False
    day_offset: int = 0  # "Dzień wcześniej" -> -1, "На следующий день" -> 1: a day told from the last event
    same_place: bool = False  # "w tym samym miejscu", "там же": the last event's place
    clause: list[int] = field(default_factory=list)  # per token, the clause it belongs to
    joined: list[tuple[int, int]] = field(default_factory=list)  # org token indices told together ("X we współpracy z Y")
    supported: set[int] = field(default_factory=set)  # org token indices that only supported, funded or visited ("przy wsparciu X", "delegację X")
    by_head: set[int] = field(default_factory=set)  # token indices of `fundacja`/`фонд` standing for an organisation
    lead: str = ""  # an organiser the sentence implies but does not name: "we" (zorganizowaliśmy), "co" (współorganizator: X)


def _phrase_at(v: Vocab, tokens: list[Token], i: int, phrases: list[str]) -> int:
    return max((v.match_at(tokens, i, p) for p in phrases), default=0)


def _triggers(s: Sent, orgs: list[Mention]) -> list[Trigger]:
    toks = s.tokens
    out: list[Trigger] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if s.in_quote(tok.start):
            i += 1  # inside a quoted title (an ORG span is not trusted to hide a trigger:
            continue  # "Transgraniczne Forum Samorządowe" tagged ORG still names a forum)
        best = None
        for v in vocabs_for(tok, s.lang):
            hit = v.find(toks, i, v.data.get("event_triggers", {}))
            if hit and (best is None or hit[1] > best[1][1]):
                best = (v, hit)
        if best and _in_document_content(s, i):
            best = None
        if best:
            v, (etype, n, entry) = best
            weak = entry in v.words("weak_triggers")
            out.append(Trigger(i, n, etype, weak))
            i += n
            continue
        for v in vocabs_for(tok, s.lang):
            if v.token_is(tok, v.words("visit_verbs")):
                out.append(Trigger(i, 1, "visit", True, verb=True))
                break
            if v.token_is(tok, v.words("meeting_verbs")):
                out.append(Trigger(i, 1, "meeting", True, verb=True))
                break
        i += 1
    return out


CONTENT_REACH = 5  # tokens from an agreement's name to an event noun in what it is about


def _in_document_content(s: Sent, i: int) -> bool:
    """"memorandum o wspólnym programie szkoleń", "соглашение об организации ярмарки": an event
    noun in what an agreement is about is no event. Only lowercase words between the document's
    name (followed by `o`/`об`/`аб`/`w sprawie`) and the noun, none of them a preposition of
    place or time ("umowa o współpracy podczas forum" is signed at a forum)."""
    toks = s.tokens
    for j in range(max(0, i - CONTENT_REACH), i):
        for v in vocabs_for(toks[j], s.lang):
            hit = v.find(toks, j, v.data.get("agreement_triggers", {}))
            if not hit:
                continue
            k = j + hit[1]
            if k >= i or not any(v.match_at(toks, k, p) for p in v.words("content_preps")):
                continue
            between = toks[k:i]
            stops = set(v.words("place_preps")) | {r.split()[0] for r in v.words("reference_phrases")}
            if all(t.text.islower() and t.lower not in stops for t in between[1:]):
                return True
    return False


def _is_plural(tok: Token) -> bool:
    """A plural noun ("seminaria", "семинары"), not a plurale tantum ("targi", "переговоры")."""
    tags = [t for t in tok.tags if t.startswith("subst") or "NOUN" in t]
    if any(t.endswith(":pt") or ":pt:" in t or "Pltm" in t for t in tags):
        return False
    return bool(tags) and all(":pl:" in t or "plur" in t for t in tags)


def _genitive(tok: Token) -> bool:
    """Could the word be a genitive (or is its case unknown, as for Belarusian)?"""
    if not tok.tags:
        return True
    return any(":gen" in t or ".gen" in t or "gent" in t for t in tok.tags)


def _decorate(s: Sent, art: Article, trig: Trigger, vs: list[Vocab]) -> None:
    toks = s.tokens
    tok = toks[trig.i]
    trig.plural = _is_plural(tok) and not any(v.stem for v in vs[:1])  # no morphology for be/uk
    dates = [(m.start, m.end) for m in s.mentions if m.label in ("DATE", "TIME")]
    for k in (1, 2):
        if trig.i - k >= 0:
            prev = toks[trig.i - k]
            if any(a <= prev.start < b for a, b in dates):
                continue
            if prev.text.isdigit() and 1 < int(prev.text) < 20:
                trig.count = int(prev.text)
            for v in vs:
                nums = v.data.get("series_numerals", {})
                for word, n in nums.items():
                    if prev.has(word, v.stem):
                        trig.count = n
    if trig.i >= 1 and any_word(vs, toks[trig.i - 1], "series_nouns"):
        trig.umbrella = True
    # a name: a quote right after the trigger, or a capitalised trigger inside the sentence
    end = toks[trig.i + trig.n - 1].end
    for a, b in s.quotes:
        if 0 <= a - end <= 40 and len([t for t in toks if end <= t.start < a]) <= 3:
            trig.named, trig.title = True, art.text[tok.start:b]
            trig.title_span = (a, b)
            break
    if not trig.named and tok.text[:1].isupper() and trig.i > 0 and not toks[trig.i - 1].text[:1].isdigit():
        trig.named = True
        j = trig.i
        while j + 1 < len(toks) and (toks[j + 1].text[:1].isupper() or toks[j + 1].text.isdigit()):
            j += 1
        trig.title = art.text[tok.start:toks[j].end]
    # reference to an event already told: "w ramach konferencji", "Drugiego dnia forum", "По итогам семинара"
    for v in vs:
        refs = v.words("reference_phrases") + v.words("after_phrases")
        for back in range(1, 5):  # "w ramach (międzynarodowej) konferencji": up to 2 words between
            j = trig.i - back
            n = _phrase_at(v, toks, j, refs) if j >= 0 else 0
            if n and 0 <= back - n <= 2:
                trig.reference = True
                trig.after = trig.after or _phrase_at(v, toks, j, v.words("after_phrases")) == n
        if trig.i >= 1 and v.token_is(toks[trig.i - 1], v.words("day_words")) and (_genitive(tok) or v.stem):
            trig.reference = True  # "Drugiego dnia forum", "В заключительный день ярмарки"
        people = v.words("participant_cues") + v.words("origin_nouns")
        if trig.i >= 1 and v.token_is(toks[trig.i - 1], people) and (_genitive(tok) or v.stem) and not trig.weak:
            trig.reference = True  # "uczestnicy seminarium przyjadą", "участники форума": its people


def _acronyms_after(s: Sent, art: Article, cue: int, reach: int) -> list[str]:
    """Organisations of the article named by an acronym the NER left untagged, within `reach`
    tokens after token `cue` (PFRR = Podlaska Fundacja Rozwoju Regionalnego)."""
    from pipeline.normalise.organisations import acronym_matches
    out = []
    for t in s.tokens[cue + 1:cue + 1 + reach]:
        if len(t.text) < 2 or not t.text.isupper() or \
                any(m.start <= t.start < m.end and m.label != "PER" for m in s.mentions):  # PFRR tagged PER
            continue
        out += [o.key for o in art.organisations.values()
                if (o.acronym == t.text or acronym_matches(t.text, o.name)) and o.key not in out]
    return out


_BRACKETED = re.compile(r"\([^()]*\)")
_LIST_MARKS = re.compile(r"[()\[\],]")  # what stands between the names of a list


def _linked(orgs: list[Mention], art: Article) -> list[Mention]:
    """The sentence's organisation mentions that have an organisation, in text order."""
    return sorted((m for m in orgs if m.entity_key in art.organisations), key=lambda m: m.start)


def _gap_words(text: str, a: int, b: int) -> list[str]:
    """The words between two names, brackets (an alias in them), commas and list marks left out."""
    return _LIST_MARKS.sub(" ", _BRACKETED.sub(" ", text[a:b])).split()


def _implementers(s: Sent, art: Article, orgs: list[Mention], cue: int, vs: list[Vocab],
                  reach: int = 4) -> list[str]:
    """The organisations named within `reach` words after an implementer cue, and those joined
    to them by a conjunction, perhaps after an alias in brackets (`Проект реализовали Фонд ...
    (Fundacja ...) и Примэрия ...`)."""
    linked = _linked(orgs, art)
    first = next((n for n, m in enumerate(linked) if 0 < s.token_index(m.start) - cue <= reach), None)
    if first is None:
        return []
    keys, end = [linked[first].entity_key], linked[first].end
    for m in linked[first + 1:]:
        if m.start < end:
            continue
        gap = _gap_words(art.text, end, m.start)
        near = s.token_index(m.start) - cue <= reach
        if not near and gap and not all(any(w.casefold() in v.words("and_words") for v in vs) for w in gap):
            break
        keys.append(m.entity_key)
        end = m.end
    return list(dict.fromkeys(keys))


def org_head(tokens: list[Token], i: int, lang: str) -> bool:
    """Does the mention at token i open with an organisation's head noun (Urząd, Uniwersytet,
    Управление ...; the stems of pipeline/lang/pl/org_heads.tsv)?"""
    from pipeline.normalise.organisations import head_lexicon
    from pipeline.normalise.textnorm import fold as fold_plain
    if i >= len(tokens):
        return False
    forms = {fold_plain(tokens[i].text)} | {fold_plain(x) for x in tokens[i].lemmas}  # "Urzędzie" -> urzad
    return any(len(stem) >= 4 and w.startswith(stem) for stem, _ in head_lexicon() for w in forms)


def _adjective(tokens: list[Token], i: int, end: int) -> bool:
    """Is the one-word mention at token i an adjective (and nothing else) by its analyses?"""
    if i >= len(tokens) or tokens[i].end < end or not tokens[i].tags:
        return False
    return all(t.startswith("adj") or t.startswith("ADJ") for t in tokens[i].tags)


def _in_a_name(s: Sent, i: int, trigger_at: set[int]) -> bool:
    """Is the place at token i the tail of a name: `<Capitalised noun> w/в/у <place>`
    ("Uniwersytet w Białymstoku", "Instytut w Mińsku"), the noun not an event trigger?"""
    if i < 2 or s.tokens[i - 1].lower not in ("w", "we", "в", "во", "у", "ў"):
        return False
    head = s.tokens[i - 2]
    return head.text[:1].isupper() and not head.text.isupper() and (i - 2) not in trigger_at and \
        bool(head.tags) and all(t.startswith("subst") or t.startswith("NOUN") for t in head.tags)


ORIGIN_CHAIN = 4  # "delegację władz miejskich Łucka": lower-case words between the noun and the place


def _after_origin_noun(s: Sent, i: int, vs: Vocab) -> bool:
    """Is the place at token i the genitive of a people noun before it ("delegacja Supraśla",
    "delegację władz miejskich Łucka", "делегация Августовского повята")? Only lower-case words
    (a genitive chain) may stand between, no preposition."""
    for k in range(i - 1, max(-1, i - 1 - ORIGIN_CHAIN), -1):
        t = s.tokens[k]
        if vs.token_is(t, vs.words("origin_nouns")):
            return True
        if t.lower in vs.words("place_preps") or t.lower in vs.words("origin_preps") or \
                (t.text[:1].isupper() and k < i - 1):
            return False
    return False


def _places(s: Sent, art: Article, vs: Vocab, trigger_at: set[int] = frozenset()) -> list[PlaceArg]:
    out = []
    origin = vs.words("origin_preps")
    and_words = vs.words("and_words")
    last_origin = -10
    for m in s.mentions:
        if m.label not in ("LOC", "GPE") or not m.entity_key or m.entity_key not in art.places:
            continue
        if s.in_quote(m.start):
            continue  # a quoted title or direct speech names places that are not the venue
        i = s.token_index(m.start)
        prev = [t.lower for t in s.tokens[max(0, i - 2):i]]
        if prev and (prev[-1] in origin or (len(prev) == 2 and prev[0] in origin and prev[1][:1].islower()
                                            and not prev[1] in vs.words("place_preps"))):
            last_origin = s.token_index(m.end)
            continue  # "z Witebska", "z ukraińskiego Kowla": where people come from
        if 0 <= i - last_origin <= 1 and (i == last_origin or s.tokens[i - 1].lower in and_words):
            last_origin = s.token_index(m.end)
            continue  # "z Czernihowa i Mozyrza"
        if any(vs.token_is(t, vs.words("origin_nouns")) for t in s.tokens[max(0, i - 2):i]) or _after_origin_noun(s, i, vs):
            continue  # "delegacja Supraśla", "delegację władz miejskich Łucka": whose people
        if _in_a_name(s, i, trigger_at):
            continue  # "Uniwersytet w Białymstoku" the NER split: a name, not a venue
        place = art.places[m.entity_key]
        unlinked = not (place.geonames_id or place.feature)
        if unlinked and _adjective(s.tokens, i, m.end):
            continue  # "Polscy doradcy", "Gruzińscy samorządowcy": a people's adjective the NER took for a place
        if unlinked and org_head(s.tokens, i, art.language):
            continue  # "w Urzędzie Miasta Suwałki" tagged as a place: an institution, not the town
        strength = 0 if place.feature in WEAK_PLACE else 1 if place.feature in REGION or not place.geonames_id else 2
        if place.key.startswith("loc:") and any(w in place.key for w in ("obw", "obl", "woj", "rejon", "powiat", "gmin", "район", "област", "раён", "вобласц")):
            strength = min(strength, 1)
        out.append(PlaceArg(i, place.key, strength))
    return out


FALLBACK_MIN_POPULATION = 5000  # gazetteer links the NER did not propose: only towns of some size


def _unlabelled_places(s: Sent, art: Article, vs: Vocab, found: list[PlaceArg],
                       trigger_at: set[int]) -> list[PlaceArg]:
    """Places the NER missed or mislabelled: the capitalised word(s) after a locative
    preposition (`w Mohylew`), after a date in a listing (`5.11.2019, Homel`), or continuing an
    enumeration of places (`w Nowopołocku, Mohylewie i Kliczewie`), linked with the gazetteer
    (and added to the article's places)."""
    preps = vs.words("place_preps")
    joins = vs.words("and_words")
    named = [(m.start, m.end) for m in s.mentions if m.label != "PER"]
    persons = [(m.start, m.end) for m in s.mentions if m.label == "PER"]
    dates = [m.end for m in s.mentions if m.label == "DATE"]
    toks = s.tokens
    place_at = {p.i for p in found}
    out: list[PlaceArg] = []
    for i, t in enumerate(toks[:-1]):
        nxt = toks[i + 1]
        if not nxt.text[:1].isupper() or s.in_quote(nxt.start) or any(a <= nxt.start < b for a, b in named):
            continue
        gap = art.text[t.end:nxt.start]
        after_prep = t.lower in preps and not gap.strip()
        in_list = (i in place_at or any(p.i == i for p in out)) and gap.strip() in (",", "") and t.lower not in preps \
            or (t.lower in joins and i - 1 >= 0 and ((i - 1) in place_at or any(p.i == i - 1 for p in out)))
        after_date = any(t.end == d for d in dates) and gap.strip() == ","
        if not (after_prep or in_list or after_date) or (after_prep and _in_a_name(s, i + 1, trigger_at)):
            continue
        if not (after_prep or in_list or after_date) and any(a <= nxt.start < b for a, b in persons):
            continue
        arg = _link_at(s, art, i + 1)
        if arg is not None:
            out.append(arg)
    return out


def _host_places(s: Sent, art: Article, vs: Vocab, found: list[PlaceArg]) -> list[PlaceArg]:
    """A town as the host, the subject right before a host verb ("Wczoraj Rzeszów gościł
    delegację", "Минск принял делегацию"), that the NER left untagged."""
    toks = s.tokens
    named = [(m.start, m.end) for m in s.mentions]
    out = []
    for j in range(len(toks) - 1):
        t = toks[j]
        if not t.text[:1].isupper() or t.text.isupper() or any(p.i == j for p in found) \
                or any(a <= t.start < b for a, b in named) or art.text[t.end:toks[j + 1].start].strip():
            continue
        if vs.token_is(toks[j + 1], vs.words("host_verbs")):
            arg = _link_at(s, art, j, 1)
            if arg is not None:
                out.append(arg)
    return out


def _link_at(s: Sent, art: Article, i: int, longest: int = 2) -> PlaceArg | None:
    from pipeline.normalise import country_context
    from pipeline.normalise.gazetteer import get_gazetteer
    toks = s.tokens
    for n in range(longest, 0, -1):
        words = toks[i:i + n]
        if len(words) < n or not all(w.text[:1].isupper() for w in words):
            continue
        place = get_gazetteer().link(art.text[words[0].start:words[-1].end], None, s.lang,
                                     country_context(art.places))
        if place is None or place.feature == "country":
            continue
        if place.feature != "region" and place.population < FALLBACK_MIN_POPULATION:
            continue
        art.places.setdefault(place.key, place)
        return PlaceArg(i, place.key, 1 if place.feature == "region" else 2)
    return None


def _dates(s: Sent, art: Article) -> list[DateArg]:
    out = []
    for m in s.mentions:
        if m.label != "DATE" or not m.lemma:
            continue
        start, _, end = m.lemma.partition("/")
        end = end or start
        if ISO_YEAR.match(start) and start != end:
            continue  # "na lata 2018–2020", "в 2017–2019 годах": periods, not event dates
        if not (ISO_DAY.match(start) or ISO_MONTH.match(start) or ISO_YEAR.match(start)):
            continue
        prec = 3 if ISO_DAY.match(start) else 2 if ISO_MONTH.match(start) else 1
        if prec == 1 and art.published and start < art.published[:4]:
            continue  # "po 2004 r.", "с 2016 года": background, not the event
        if prec == 1 and m.attrs.get("relative") and start == art.published[:4]:
            continue  # "w tym roku", "в этом году": too vague to date an event ("w przyszłym roku" is not)
        out.append(DateArg(s.token_index(m.start), start, end, bool(m.attrs.get("relative")), prec))
    return out


def _tense(s: Sent, v: Vocab) -> list[tuple[int, str]]:
    out = []
    planned = v.words("planned_words")
    modal = v.words("modal_planned")
    future_words = v.words("future_words")
    past_suffixes = v.words("past_suffixes")
    for i, t in enumerate(s.tokens):
        if v.token_is(t, planned):
            out.append((i, "planned"))
            continue
        if v.stem:
            if t.lower in future_words or any(t.lower.startswith(w) for w in future_words):
                out.append((i, "future"))
            elif len(t.lower) > 5 and any(t.lower.endswith(x) for x in past_suffixes) and i > 0:
                out.append((i, "past"))
            continue
        tense = _tag_tense(t.tags)
        if tense in ("past", "future"):
            out.append((i, tense))
        elif tense == "finite" and v.token_is(t, modal) and \
                any(any(y.startswith("inf") for y in u.tags) for u in s.tokens[i + 1:i + 4]):
            out.append((i, "planned"))
    return out


@lru_cache(maxsize=100_000)
def _tag_tense(tags: tuple[str, ...]) -> str:
    """What a word's analyses say of its tense: past, future, finite (a present form: maybe a
    modal of a plan) or "" (cached: the same forms recur in every article)."""
    if any(x.startswith("praet") for x in tags) or any("past" in x and "VERB" in x for x in tags):
        return "past"
    if any(x.startswith("bedzie") for x in tags) or any("futr" in x for x in tags):
        return "future"
    if any(x.startswith("fin") and x.endswith("perf") and not x.endswith("imperf") for x in tags) \
            and all(x.startswith(("fin", "impt", "ign")) or "ger" in x for x in tags):
        return "future"
    return "finite" if any(x.startswith("fin") for x in tags) else ""


SIDE_GAP = 5  # words of `, a po stronie polskiej` between the two sides' organisations


def _joined_orgs(s: Sent, art: Article, orgs: list[Mention], vs: list[Vocab]) -> list[tuple[int, int]]:
    """Pairs of neighbouring organisations told as one subject: nothing but a conjunction or a
    `joint_phrases` entry between them, perhaps after an alias in brackets (`X i Y`, `X we
    współpracy z Y`, `X совместно с Y`), or a short turn to the other side (`X, a po stronie
    polskiej Y`, `side_words`), so that a co-organiser is not left a participant."""
    linked = _linked(orgs, art)
    joints = {fold(w) for v in vs for w in v.words("and_words") + v.words("joint_phrases")}
    sides = {fold(w) for v in vs for w in v.words("side_words")}
    out = []
    for a, b in zip(linked, linked[1:]):
        gap = " ".join(_gap_words(art.text, a.end, b.start))
        side = len(gap.split()) <= SIDE_GAP and bool(sides & set(fold(gap).split()))
        if b.start >= a.end and (not gap or fold(gap) in joints or side):
            out.append((s.token_index(a.start), s.token_index(b.start)))
    return out


def _supported_orgs(s: Sent, orgs: list[Mention], vs: list[Vocab], reach: int = 3) -> set[int]:
    """Organisations named just after a `support_cues` word (`przy wsparciu X`, `finansowany przez
    X`, `pod patronatem X`, `при поддержке X`): they backed the event, the text does not say
    they organised it."""
    out = set()
    for m in orgs:
        i = s.token_index(m.start)
        if any(any_word(vs, t, "support_cues") for t in s.tokens[max(0, i - reach):i]):
            out.add(i)
    return out


def _in_title(m: Mention, triggers: list[Trigger]) -> bool:
    """A name inside an event's quoted title (`seminarium „Klaster jako partner samorządu”`)
    is a word of the title, not a body that organised or took part."""
    return any(t.title_span[0] <= m.start < t.title_span[1] for t in triggers)


FAMILY = {"study_visit": "visit"}


def family(etype: str) -> str:
    """The kind an event type belongs to: a study visit is a visit."""
    return FAMILY.get(etype, etype)


HEAD_REACH = 3  # tokens between an organiser cue and `fundacja`/`фонд` standing for the organisation


def _told_by_head(s: Sent, art: Article, cues_at: list[int], found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """An organisation told by its head noun in lower case next to an organiser cue (`семинар,
    который фонд организует`, `Organizatorem była fundacja`, `nasza fundacja zorganizowała`)
    where the article names exactly one organisation with that head."""
    if not cues_at:
        return []
    named = {s.token_index(m.start) for m in s.mentions if m.label == "ORG"} | {i for i, _ in found}
    heads: dict[str, list[str]] = {}
    for key, o in art.organisations.items():
        words = o.name.split()
        if words and words[0][:1].isupper():
            heads.setdefault(fold(words[0]), []).append(key)
    out = []
    for cue in cues_at:
        for i in range(max(0, cue - HEAD_REACH), min(len(s.tokens), cue + HEAD_REACH + 1)):
            t = s.tokens[i]
            keys = next((heads[h] for h in t.lemmas if h in heads), []) if t.text[:1].islower() else []
            if len(keys) == 1 and i not in named and (i, keys[0]) not in out:
                out.append((i, keys[0]))
    return out


WE_TAGS = (("1per", "plur"), (":pri", ":pl:"))  # pymorphy3, Morfeusz: first person plural


def _first_plural(tok: Token, vs: list[Vocab]) -> bool:
    """Is the verb in the first person plural (`zapraszamy`, `zorganizowaliśmy`, `проводим`)? By
    its tags where there is morphology, else by `we_cue_endings` (`запрашаем`, `запрошуємо`)."""
    if any(all(x in tag for x in pair) for tag in tok.tags for pair in WE_TAGS):
        return True
    return any(v.words("we_cue_endings") and tok.lower.endswith(tuple(v.words("we_cue_endings"))) for v in vs)


def _host_cues(s: Sent, triggers: list[Trigger], vs: list[Vocab]) -> list[int]:
    """Host verbs (`gościł`, `przyjął`, `принял`, `прымаў`) where the sentence tells a visit or
    its guests (`X gościł delegację`, `Гасцей прымаў X`): the host organised the visit, so the
    verb is an organiser cue; elsewhere (`przyjęła uchwałę`) it is not."""
    visit = any(family(t.etype) == "visit" for t in triggers) or \
        any(any_word(vs, t, "participant_cues") for t in s.tokens)
    if not visit:
        return []
    toks = s.tokens
    return [i for i, t in enumerate(toks) if any_word(vs, t, "host_verbs")
            and not any_word(vs, t, "participant_cues")  # `gości`: the guests, or hosts?
            and not (i + 1 < len(toks) and any_word(vs, toks[i + 1], "participant_cues"))]  # `приняли участие`


def _untold_lead(s: Sent, art: Article, orgs: list[Mention], vs: list[Vocab], cues_at: list[int]) -> str:
    """Does the sentence imply an organiser it does not name? "we" where the organising verb is
    in the first person (`zorganizowaliśmy`, `мы организовали`): the publisher; "co" where the
    body named only co-organised (`współorganizator: X`, `przygotowana razem z X` with no one
    before `razem z`): the project's lead organisation organised it with X."""
    if not cues_at:
        return ""
    toks = s.tokens
    if any(_first_plural(toks[i], vs) for i in cues_at) \
            or any(i and any_word(vs, toks[i - 1], "we_words") for i in cues_at):
        return "we"
    if any(any_word(vs, toks[i], "co_organiser_cues") for i in cues_at):
        return "co"
    linked = _linked(orgs, art)
    if linked and min(cues_at) < s.token_index(linked[0].start):
        before = fold(" ".join(art.text[toks[0].start:linked[0].start].split()))
        if any(before == p or before.endswith(" " + p) for v in vs for p in v.words("joint_phrases")):
            return "co"
    return ""


def _guests(s: Sent, orgs: list[Mention], triggers: list[Trigger], vs: list[Vocab]) -> set[int]:
    """Organisations right after a visit noun or a word for its people (`delegację Uniwersytetu
    X`, `делегацию Университета X`, `grupa gości X`; `guest_words`): the guests, never the
    organisers."""
    visit_at = {t.i + t.n - 1 for t in triggers if family(t.etype) == "visit"}
    out = set()
    for m in orgs:
        i = s.token_index(m.start)
        first = s.tokens[i] if i < len(s.tokens) else None  # the NER span may open with `делегацию`
        if (i and (i - 1 in visit_at or any_word(vs, s.tokens[i - 1], "guest_words"))) or \
                (first is not None and first.text[:1].islower() and any_word(vs, first, "guest_words")):
            out.add(i)
    return out


def read_cues(s: Sent, art: Article) -> SentCues:
    v = sentence_vocab(s.lang)
    vs = [v] + [x for x in sentence_vocabs(s.tokens, s.lang) if x is not v]
    orgs = [m for m in s.mentions if m.label == "ORG"]
    c = SentCues(s)
    c.clause = _clauses(s, art.text, vs)
    c.triggers = _not_called_off(s, vs, c.clause, _triggers(s, orgs))
    for t in c.triggers:
        _decorate(s, art, t, vs)
    trigger_at = {i for t in c.triggers for i in range(t.i, t.i + t.n)}
    c.places = _places(s, art, v, trigger_at)
    c.places = c.places + _unlabelled_places(s, art, v, c.places, trigger_at)
    c.places = sorted(c.places + _host_places(s, art, v, c.places), key=lambda p: p.i)
    c.dates = _rescheduled(s, vs, _dates(s, art))
    orgs = [m for m in orgs if not _in_title(m, c.triggers)]
    c.orgs = [(s.token_index(m.start), m.entity_key) for m in orgs
              if m.entity_key and m.entity_key in art.organisations]
    c.joined = _joined_orgs(s, art, orgs, vs)
    c.supported = _supported_orgs(s, orgs, vs)
    c.supported |= _guests(s, orgs, c.triggers, vs)
    text = s.text(art)
    cue = next((i for i, t in enumerate(s.tokens) if any_word(vs, t, "implementer_cues")), None)
    if cue is not None:
        c.implementer = _implementers(s, art, orgs, cue, vs)  # "realizowany przez X"
        c.implementer = c.implementer or _acronyms_after(s, art, cue, 4)  # "realizowany przez PFRR", untagged
    marks = [(x, x.words("organiser_cues"), x.words("end_markers"), x.words("start_markers"),
              tuple(x.data.get("duration_words", {}).items())) for x in vs]
    for i, t in enumerate(s.tokens):
        for x, organisers, ends, starts, durations in marks:
            if x.token_is(t, organisers):
                c.organiser_cue.append(i)
            if x.token_is(t, ends):
                c.end_marker = True
                c.marker_at.append(i)
            if x.token_is(t, starts):
                c.start_marker = True
                c.marker_at.append(i)
            for word, n in durations:
                if t.has(word, x.stem):
                    c.duration = n
    by_head = _told_by_head(s, art, c.organiser_cue, c.orgs)
    c.by_head = {i for i, _ in by_head}
    c.orgs = sorted(c.orgs + by_head)
    c.organiser_cue = sorted(c.organiser_cue + _host_cues(s, c.triggers, vs))
    c.lead = _untold_lead(s, art, orgs, vs, c.organiser_cue)
    day_word = any(any_word(vs, t, "day_words") for t in s.tokens)
    n = ordinal_day(text, s.lang)
    if n is not None:
        trig_idx = {t.i for t in c.triggers}
        ord_tok = next((i for i, t in enumerate(s.tokens) if i + 1 in trig_idx and not t.text.isdigit()
                        and ordinal_day(t.text + " x", s.lang) is not None), None)
        if day_word:
            c.ordinal = n
        elif ord_tok is not None:
            c.ordinal, c.ordinal_member = n, True
    c.tense = _tense(s, v)
    low = " ".join(t.lower for t in s.tokens)
    c.same_day = any(p in low for x in vs for p in x.words("same_day"))
    padded = f" {low} "
    c.day_offset = next((n for x in vs for p, n in x.data.get("day_offsets", {}).items()
                         if f" {fold(p)} " in padded), 0)
    c.same_place = any(f" {p} " in padded for x in vs for p in x.words("same_place"))
    return c


def _not_called_off(s: Sent, vs: list[Vocab], clause: list[int], triggers: list[Trigger]) -> list[Trigger]:
    """The triggers whose event is not called off ("konferencja ... nie odbędzie się", "форум,
    намеченный на 5 мая, отменён", "семінар адменены"): an event called off is neither held nor
    announced, so it gives no event (one moved to another day still does). The call-off counts
    in the trigger's clause, or in a later clause with no trigger of its own (the event is then
    its subject, the clauses between describing it)."""
    toks = s.tokens
    off = set()
    for i, t in enumerate(toks):
        negated_held = i > 0 and any(toks[i - 1].lower in x.words("negations") and x.token_is(t, x.words("held_verbs"))
                                     for x in vs)
        if not (negated_held or any_word(vs, t, "cancel_words")):
            continue
        own = [k for k, tr in enumerate(triggers) if clause[tr.i] == clause[i]]
        before = [k for k, tr in enumerate(triggers) if tr.i < i]
        off.update(own or before[-1:])
    return [tr for k, tr in enumerate(triggers) if k not in off]


RESCHEDULE_REACH = 2  # tokens from "przeniesione"/"перенесен" to the new date ("na 23 marca")


def _rescheduled(s: Sent, vs: list[Vocab], dates: list[DateArg]) -> list[DateArg]:
    """"Seminarium, zaplanowane na 9 marca, zostało przeniesione na 23 marca": an event moved to
    another day keeps only the new date; the dates told before the move word are the old ones."""
    moved = next((i for i, t in enumerate(s.tokens) if any_word(vs, t, "moved_words")
                  and any(0 < d.i - i <= RESCHEDULE_REACH for d in dates)), None)
    if moved is None:
        return dates
    return [d for d in dates if d.i > moved]


CLAUSE_BREAK = re.compile(r"[,;:–—]")


def _clauses(s: Sent, text: str, vs: list[Vocab]) -> list[int]:
    """Clause index per token: a comma, semicolon or dash starts a new clause, except before a
    relative word ("..., gdzie odbędą się warsztaty", "..., где состоится"): what follows it
    still tells about the place or time just named."""
    out: list[int] = []
    n = 0
    for i, t in enumerate(s.tokens):
        if i and CLAUSE_BREAK.search(text[s.tokens[i - 1].end:t.start]) \
                and not any(x.token_is(t, x.words("relative_words")) or t.lower in x.words("relative_words") for x in vs):
            n += 1
        out.append(n)
    return out


def day_shift(iso: str, days: int) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


def days_between(a: str, b: str) -> int:
    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days
