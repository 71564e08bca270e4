"""Person names in text: reading one from its tokens after a title or before it, and comparing two.

A name is a run of capitalised words after honorifics (`Dr.`, `H.`, `Mr.`, `Dato'`) and before
degrees (`S.ST., M.T.`), with the connectors names hold (`bin`, `van der`, `da Costa`), initials
(`Dyah H Pratiwi`) and hyphenated given names (`Kim Seung-ho`); it never runs over a line break, a
date word, a title or a government anchor. Two spellings of one person compare equal (`same_person`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

from ..knowledge import fold, honorifics, load_data
from ..ner.nlp import PLACES_KEY

MAX_NAME_TOKENS = 5
SAME_PERSON_RATIO = 88
LOWERCASE_HONORIFICS = {"dr", "drg", "drh", "drs", "ir", "h", "hj"}


# A capitalised word with apostrophes between its letters, as Arabic-derived names are written
# (`Mu'awanah`, `Ma’ruf`, `Sa'diyah`): one name word, though neither alphabetic nor title case to spaCy.
APOSTROPHE_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)+")


# `Seok-min`: a Korean given name, its syllables joined by a hyphen; the word before it is a surname
# even where it is also an honorific (`Kang Seok-min`, not Sundanese `Kang Emil`)
HYPHENATED_GIVEN_NAME = re.compile(r"[A-Z][a-z]+-[a-z]+")


@lru_cache(maxsize=None)
def _not_name_words() -> frozenset[str]:
    dates = load_data("dates")
    words = set(dates["months"]) | set(dates["weekdays"])
    words |= {fold(w) for t in load_data("titles")["titles"] for w in t["forms"]}
    words |= {fold(a) for a in load_data("gazetteer")["government_anchors"]}
    words |= set(load_data("titles")["not_name_words"])
    return frozenset(words)


@lru_cache(maxsize=None)
def _name_connectors() -> frozenset[str]:
    """Lower-case words inside a name: `bin`, `van der`, `da Costa`."""
    return frozenset(load_data("titles")["name_connectors"])


@lru_cache(maxsize=None)
def _month_abbreviations() -> frozenset[str]:
    """`Jun`, `Des`, `Sept`: the forms shorter than their month's full name, which are also parts of
    names (`Wang Jun`); `Mei`, a full name, stays a date word."""
    months = load_data("dates")["months"]
    full_length = {number: max(len(name) for name, n in months.items() if n == number) for number in months.values()}
    return frozenset(name for name, number in months.items() if len(name) < full_length[number])


def _ends_name(doc: Doc, index: int) -> bool:
    """A word that is no part of a name: a date word, a title, an anchor. A short month form is one
    only beside a number (`15 Jun 2019`), and a name word elsewhere (`Wakil Konsul Wang Jun`)."""
    word = fold(doc[index].text)
    if word in _month_abbreviations():
        return any(0 <= i < len(doc) and doc[i].like_num for i in (index - 1, index + 1))
    return word in _not_name_words()


HONORIFIC_ENDS = frozenset({".", "'", "’"})


def is_honorific(token: Token) -> bool:
    return fold(token.text.replace(".", " ")).replace(" ", "") in honorifics()


def _is_apostrophe_name_word(token: Token) -> bool:
    return token.text[:1].isupper() and APOSTROPHE_NAME_WORD.fullmatch(token.text) is not None


def _is_initial(doc: Doc, index: int) -> bool:
    """`Dyah H Pratiwi`: one capital letter inside a name, a name word after it, is an initial (an
    honorific such as `H` comes before a name, a degree after all of it)."""
    return (len(doc[index].text.rstrip(".")) == 1 and index + 1 < len(doc) and doc[index + 1].is_title
            and doc[index + 1].is_alpha and not is_honorific(doc[index + 1]))


def read_name(doc: Doc, index: int, stop: set[int]) -> list[Token]:
    """The name starting at `index`, after honorifics, up to a lower-case word, a line break or a degree."""
    tokens: list[Token] = []
    while index < len(doc):
        if (is_honorific(doc[index]) and (doc[index].text[:1].isupper() or fold(doc[index].text) in LOWERCASE_HONORIFICS)
                and not HYPHENATED_GIVEN_NAME.fullmatch(doc[index + 1:index + 4].text)):
            index += 1
        elif doc[index].text == "(" and index + 2 < len(doc) and is_honorific(doc[index + 1]) \
                and doc[index + 2].text == ")":
            index += 3  # `Mayjen TNI (Purn) Steven Kandou`
        else:
            break
        # `H. Ahmad`, `Dato' Seri Kamarulzaman`: the honorific's own full stop or apostrophe
        while index < len(doc) and (doc[index].is_space or doc[index].text in HONORIFIC_ENDS):
            index += 1
    while index < len(doc) and len(tokens) < MAX_NAME_TOKENS and index not in stop:
        token = doc[index]
        if token.is_space:
            break  # a name never runs over a line break
        if token.text == "-" and tokens and not doc[index - 1].whitespace_ and not token.whitespace_ \
                and index + 1 < len(doc) and doc[index + 1].is_alpha:
            tokens += [token, doc[index + 1]]  # `Kim Seung-ho`
            index += 2
            continue
        if token.text.endswith(".") and fold(token.text) in _month_abbreviations() and not _ends_name(doc, index):
            tokens.append(token)  # `Wang Jun.`: a short month form the tokenizer keeps with the full stop
            break
        if token.lower_ in _name_connectors() and tokens and index + 1 < len(doc) and (
                doc[index + 1].is_title or doc[index + 1].lower_ in _name_connectors()):
            tokens.append(token)
        elif ((token.is_title or (token.is_upper and len(token.text.rstrip(".")) <= 3)) and token.is_alpha | token.text.endswith(".")
              or _is_apostrophe_name_word(token)):
            if _ends_name(doc, index) or (tokens and is_honorific(token) and token.is_upper
                                          and not _is_initial(doc, index)):
                break  # `Winarti SE MH`: degrees after the name
            if tokens and is_honorific(token) and token.is_title and _all_in_places(doc, tokens):
                tokens = []  # `Setiausaha Kerajaan Negeri Sabah Datuk Haji Ramli`: the place, then the person
            tokens.append(token)
        else:
            break
        index += 1
    while tokens and (tokens[-1].lower_ in _name_connectors() or is_honorific(tokens[-1])):
        tokens.pop()
    return tokens


def _all_in_places(doc: Doc, tokens: list[Token]) -> bool:
    """Whether every token lies in a place the gazetteers know (foreign cities included)."""
    place_tokens = {i for span in doc.spans[PLACES_KEY] for i in range(span.start, span.end)}
    return all(t.i in place_tokens for t in tokens)


def read_name_before(doc: Doc, title_start: int, entity_tokens: set[int], prefixes: dict[int, Span]) -> list[Token]:
    """The name before the title: `Tri Adhianto, S.T., selaku Wali Kota Bekasi`, `Tri Adhianto (Wali Kota
    Bekasi)`, `dipimpin Ahmad Fauzan, Wakil Bupati Barito Kuala`; never a place or a government term."""
    index = title_start - 1
    if title_start in prefixes:
        index = prefixes[title_start].start - 1
    if index < 1 or doc[index].lower_ not in load_data("titles")["name_before_title_markers"]:
        return []
    index -= 1
    while index >= 0 and (doc[index].text in {",", "."} or is_honorific(doc[index])):
        index -= 1  # degrees after the name: `, S.T., M.M.`
    tokens: list[Token] = []
    while index >= 0 and len(tokens) < MAX_NAME_TOKENS and doc[index].is_title and not doc[index].is_space:
        if fold(doc[index].text) in _not_name_words() or index in entity_tokens:
            break
        tokens.insert(0, doc[index])
        index -= 1
    while tokens and is_honorific(tokens[0]):
        tokens.pop(0)
    if tokens and tokens[0].i in prefixes:
        return []  # `yang juga Plt Kadisdikbud, Kabag ...`: after `Plt` stands a post, not a name
    return tokens


def person_at(doc: Doc, index: int, persons: dict[int, Span]) -> list[Token]:
    """The statistical NER's person right where the rules found no name: names they cannot read,
    such as Balinese `I Made Suardana`, whose `I` looks like a numeral."""
    while index < len(doc) and is_honorific(doc[index]):
        index += 1
    person = persons.get(index)
    return list(person) if person is not None and len(person) <= MAX_NAME_TOKENS else []


def person_key(name: str) -> str:
    return " ".join(t for t in fold(name.replace(".", " ")).split() if t not in honorifics())


def same_person(a: str, b: str) -> bool:
    ka, kb = person_key(a), person_key(b)
    if not ka or not kb:
        return False
    if fuzz.ratio(ka, kb) >= SAME_PERSON_RATIO:
        return True
    ta, tb = ka.split(), kb.split()
    short, long_ = sorted((ta, tb), key=len)
    return len(short) >= 2 and all(t in long_ for t in short)


def _is_honorific_text(word: str) -> bool:
    return fold(word.replace(".", " ")).replace(" ", "") in honorifics()


def name_without_honorifics(name: str) -> str:
    words = name.split()
    kept = (word for i, word in enumerate(words)
            if not _is_honorific_text(word) or (i + 1 < len(words) and HYPHENATED_GIVEN_NAME.fullmatch(words[i + 1])))
    return " ".join(word for word in map(_without_glued_honorifics, kept) if word)


# An honorific written onto the name without a space (`H.Dony`, `Dr.Ir.Budi`, `Mr.Honda`)
GLUED_HONORIFIC = re.compile(r"([^\W\d_]{1,6})\.(?=[^\W\d_])")


def _without_glued_honorifics(word: str) -> str:
    match = GLUED_HONORIFIC.match(word)
    while match and fold(match.group(1)) in honorifics():
        word = word[match.end():]
        match = GLUED_HONORIFIC.match(word)
    return word
