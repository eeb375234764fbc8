"""Normalise and link: name lemmas, places (GeoNames across scripts), organisations.

`normalise(article)` sets `lemma` on every name mention (DATE/TIME keep the ISO value of the
dates annotator), links LOC mentions to `Place`s (`geo:<geonames id>`, or `loc:<Polish
name>` for regions and places GeoNames lacks) and groups ORG mentions into `Organisation`s
(`org:<canonical name folded>`); both are stored in `article.places` / `article.organisations`.
Adjectives derived from place names (`białoruskich`, `белорусских`, label LOC_ADJ) and places
named inside quoted titles or quoted names (`«Беларусь – Польша: ...»`) get no place link.
"""
from __future__ import annotations

import re

from pipeline.normalise.gazetteer import get_gazetteer
from pipeline.normalise.lemmas import is_derived_adjective, lemmatise
from pipeline.normalise.lemmas_context import lemmatise_in_document
from pipeline.normalise.organisations import (common_terms, is_acronym, is_event_name, link_article_orgs,
                                              merge_organisations, name_part)
from pipeline.record import Article, Mention, Place

__all__ = ["normalise", "merge_organisations", "get_gazetteer", "lemmatise", "country_context"]

NAME_LABELS = frozenset({"PER", "ORG", "LOC", "LOC_ADJ", "EVT", "PRO", "MISC", "FAC"})
TEMPORAL_LABELS = frozenset({"DATE", "TIME"})


def _lang(m: Mention, article: Article) -> str:
    return m.language if m.language not in ("", "und") else article.language


def normalise(article: Article) -> Article:
    """Lemmas, place links and organisation records for one article (mutates and returns it)."""
    gaz = get_gazetteer()
    _add_region_mentions(article, gaz)
    orgs: list[Mention] = []
    quotes = None
    lemmas = _article_lemmas(article)
    for m in article.mentions:
        if not _named(m):
            continue
        lang = _lang(m, article)
        m.lemma = lemmas[id(m)]
        if m.label == "LOC":
            if quotes is None:
                quotes = quoted_spans(article.text)
            _link_place(article, m, lang, gaz, quotes)
        elif m.label == "LOC_ADJ":
            m.attrs["derived_adjective"] = True
        elif m.label == "ORG":
            place = _administrative_unit(m, lang, gaz)
            if place is not None:  # `Подляское воеводство` as a party is a place
                m.entity_key = place.key
                m.attrs["administrative_unit"] = True
                article.places.setdefault(place.key, place)
            elif m.text in common_terms():
                m.attrs["common_term"] = True  # `spotkania B2B`: a format, no organisation
            elif is_event_name(m.lemma):
                m.attrs["event_name"] = True  # `Forum Gospodarcze Pogranicza`: an event's title
            elif is_derived_adjective(name_part(m.text), lang):
                m.attrs["derived_adjective"] = True  # `Делегация Августовского`: no name
            else:
                orgs.append(m)
    _relink_in_context(article, gaz)
    article.organisations.update(link_article_orgs(article.text, orgs, article.language))
    return article


def _named(m: Mention) -> bool:
    """A name mention (not a date or time): it gets a lemma."""
    return m.label in NAME_LABELS and m.label not in TEMPORAL_LABELS


def _lemma_input(m: Mention, article: Article) -> tuple[str, str, str]:
    """What a name mention is lemmatised as: (the name without an organisation's
    descriptor, its language, its label; a derived adjective untyped)."""
    label = "" if m.label == "LOC_ADJ" else m.label
    return (name_part(m.text) if m.label == "ORG" else m.text, _lang(m, article), label)


def _article_lemmas(article: Article) -> dict[int, str]:
    """The lemma of every name mention (by `id`), the article's mentions read together so
    that a name written in full elsewhere settles a form the lemmatiser finds ambiguous
    (`lemmatise_in_document`; Polish only)."""
    names = [m for m in article.mentions if _named(m)]
    lemmas = lemmatise_in_document([_lemma_input(m, article) for m in names])
    return {id(m): lemma for m, lemma in zip(names, lemmas)}


def country_context(places: dict[str, Place], without: str = "") -> tuple[str, ...]:
    """The countries of an article's places (but the one keyed `without`): the context in
    which `Gazetteer.link` reads a name that several countries have."""
    return tuple(sorted({p.country_code for key, p in places.items() if p.country_code and key != without}))


def _relink_in_context(article: Article, gaz) -> None:
    """Link each place mention again with the countries of the article's other places as
    context, so that of namesakes of similar size the one in the country the article is about
    wins (`Szackim Rejonem` beside Łuck and Wołyń: Shatsk UA, not RU). The context is read from
    the first pass only, so the result does not depend on the order of the mentions."""
    from pipeline.normalise.regions import parse_region

    first = dict(article.places)
    for m in article.mentions:
        own = article.places.get(m.entity_key or "")
        if own is None:
            continue
        context = country_context(first, own.key)
        if not context:
            continue
        lang = _lang(m, article)
        if own.feature == "region" and own.geonames_id is None:
            place = parse_region(own.name, "pl", gaz, context)  # its canonical (Polish) name
        elif m.label == "LOC" and not m.attrs.get("unlinked"):
            place = gaz.link(m.text, m.lemma, lang, context)
        elif m.attrs.get("administrative_unit"):
            place = gaz.link(name_part(m.text), m.lemma, lang, context)
        else:
            continue
        if place is None or (place.key, place.country_code) == (own.key, own.country_code):
            continue
        m.entity_key = place.key
        if place.key == own.key or not any(x.entity_key == own.key for x in article.mentions):
            del article.places[own.key]
        article.places[place.key] = place


def _administrative_unit(m: Mention, lang: str, gaz) -> Place | None:
    """An ORG mention that only names an administrative unit: a region (`województwo
    podlaskie`), a city or country (`Chełm`, `Miasto Chełm`, `Республика Польша`). The gold
    lists such parties as places, not organisations."""
    text = name_part(m.text)
    if is_acronym(text) or is_derived_adjective(text, lang):
        return None  # `FES` is a foundation, not Fès; `Гродзенскі` is not Grodno
    place = gaz.link(text, m.lemma, lang)
    if place is None:
        return None
    if place.feature == "region" and place.geonames_id is None:
        from pipeline.normalise.regions import parse_region

        # `Подляское воеводство`, `Августовского повята Подляского воеводства`; not
        # `Urząd Marszałkowski Województwa Podlaskiego` (an office named after a region)
        return place if parse_region(text, lang, gaz) is not None and _only_region_words(text) else None
    official = len(text.split()) == 2 and gaz.official_place(text, lang) is not None  # Miasto Chełm
    return place if place.feature in ("city", "country") and (len(text.split()) == 1 or official) else None


_QUOTE = re.compile(r"[«„“\"]([^«»„”“\"\n]{1,200})[»”“\"]")
TITLE_MAX_WORDS = 12


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Short quoted stretches (titles, names in quotes): `«Беларусь – Польша: ...»`,
    `СЭЗ «Могилев»`. Longer quotes are speech and are not returned."""
    return [(q.start(), q.end()) for q in _QUOTE.finditer(text)
            if len(q.group(1).split()) <= TITLE_MAX_WORDS]


def _only_region_words(text: str) -> bool:
    """Every word is a region-type word or a region adjective."""
    from pipeline.normalise.regions import adjective_stem, region_types
    from pipeline.normalise.textnorm import fold

    types = region_types()
    return all(fold(w) in types or adjective_stem(w) for w in text.split())


def _looks_like_name(name: str) -> bool:
    """A place GeoNames lacks (`Połowce`) still reads as a name: capitalised words, no digits."""
    from pipeline.normalise.regions import adjective_stem

    words = [w for w in name.split() if len(w) > 3]
    if len(words) == 1 and (adjective_stem(words[0]) or is_acronym(words[0])):
        return False  # `Chełmskie`, `ГрДУ`
    return bool(words) and not any(c.isdigit() for c in name) and all(w[:1].isupper() for w in words)


def _segment_language(article: Article):
    def lang_at(offset: int) -> str:
        for seg in article.segments:
            if seg.start <= offset < seg.end and seg.language not in ("", "und"):
                return seg.language
        return article.language
    return lang_at


def _add_region_mentions(article: Article, gaz) -> None:
    """Region phrases the annotators missed (`obwodu grodzieńskiego`) become LOC mentions
    (source `normalise:regions`), where no other mention overlaps them; one that holds the
    NER's place mention as its name (`rejonem` + LOC `Ungheni`) takes that mention's place."""
    from pipeline.normalise.regions import find_region_phrases

    lo = article.body_start if article.text_is_file else 0
    added = []
    for start, end, place in find_region_phrases(article.text[lo:], _segment_language(article), gaz):
        start, end = start + lo, end + lo
        over = [m for m in article.mentions if m.start < end and start < m.end]
        if over and all(m.label == "LOC" and start < m.start and m.end <= end for m in over):
            article.mentions = [m for m in article.mentions if m not in over]
        elif over:
            continue
        m = Mention(start, end, article.text[start:end], "LOC", _segment_language(article)(start),
                    source="normalise:regions")
        m.attrs["region_key"] = place.key  # `brzeskim` in `obwodzie mińskim i brzeskim`
        added.append(m)
    if added:
        article.mentions = sorted(article.mentions + added, key=lambda m: (m.start, m.end, m.label))


def _link_place(article: Article, m: Mention, lang: str, gaz, quotes=()) -> None:
    region = gaz.get(m.attrs.get("region_key", ""))
    if region is not None:
        m.entity_key = region.key
        article.places.setdefault(region.key, region)
        return
    if is_derived_adjective(m.text, lang):
        m.attrs["derived_adjective"] = True
        return
    if any(a <= m.start and m.end <= b for a, b in quotes):
        m.attrs["in_quoted_title"] = True  # a place named in a title or a quoted name
        return
    place = gaz.link(m.text, m.lemma, lang)
    if place is None:
        name = m.lemma or m.text
        m.attrs["unlinked"] = True
        if not _looks_like_name(name):
            return  # `B2B polskich`: not a place name
        place = Place(key=f"loc:{name.lower()}", name=name)
    m.entity_key = place.key
    article.places.setdefault(place.key, place)
