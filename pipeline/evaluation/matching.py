"""When a predicted value is the gold one: names, regions and positions normalised and compared as
../shared/eval/score.py compares them, one-to-one matching of lists, and dates.

The name-normalisation knowledge (honorifics, position abbreviations, region prefixes, province
aliases) is data: pipeline/data/normalize.json, shared with the extractor.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Callable, Iterable, Mapping, NamedTuple, Sequence, TypeVar

from rapidfuzz.distance import Indel

from ..knowledge import load_data

REGION_THRESHOLD = 0.9
PERSON_THRESHOLD = 0.88
POSITION_THRESHOLD = 0.9

G = TypeVar("G")
P = TypeVar("P")


@dataclass(frozen=True)
class Normalization:
    """normalize.json, compiled."""

    honorifics: frozenset[str]
    position_rules: tuple[tuple[re.Pattern[str], str], ...]
    region_rules: tuple[tuple[re.Pattern[str], str], ...]
    region_levels: tuple[str, ...]
    province_aliases: Mapping[str, str]


def _rules(pairs: Iterable[Sequence[str]]) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), replacement) for pattern, replacement in pairs)


@lru_cache(maxsize=1)
def normalization() -> Normalization:
    data = load_data("normalize")
    return Normalization(
        honorifics=frozenset(data["honorifics"]),
        position_rules=_rules(data["position_abbreviations"]),
        region_rules=_rules(data["region_prefixes"]),
        region_levels=tuple(data["region_levels"]),
        province_aliases=MappingProxyType(dict(data["province_aliases"])),
    )


def text_value(value: Any, what: str = "value") -> str:
    """A name-like value as text: a missing or empty value (None, "", 0, [] ...) is ""."""
    if not value:
        return ""
    if isinstance(value, str):
        return value
    raise ValueError(f"{what}: expected a string, got {value!r}")


def fold_keep_hyphen(text: str) -> str:
    """Lower case, no accents, punctuation but '-' to spaces, single spaces.

    Not `knowledge.fold`: that one also turns '-' into a space, and score.py's keys keep it
    (in person names and positions it changes similarity; in regions score.py drops '-' only
    after collapsing spaces, which decides whether a prefix like "pemerintah kota" matches).
    """
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^\w\s-]", " ", text).replace("_", " ")
    return re.sub(r"\s+", " ", text).strip()


def similar(a: str, b: str, threshold: float) -> bool:
    """difflib's `SequenceMatcher(None, a, b).ratio() >= threshold`, with a rapidfuzz pre-check.

    rapidfuzz's ratio is Indel-based: 2*LCS/(len a + len b), the best common subsequence.
    difflib's Ratcliff/Obershelp ratio counts the matches of greedily chosen longest blocks
    (and, past 200 characters, drops "popular" characters), which is never more than the LCS
    and often less: "kuniaki nishinou" / "kuniak nihi nou" is 0.71 for difflib but 0.90 for
    rapidfuzz, so at the 0.88/0.9 thresholds they decide differently on plausible typos. To
    agree exactly with score.py, difflib decides; rapidfuzz's value is an upper bound of it,
    so it can reject most pairs cheaply. The argument order matters for difflib: (gold, pred).
    """
    if a == b:
        return True
    total = len(a) + len(b)
    longest_common = (total - Indel.distance(a, b)) // 2
    if 2.0 * longest_common / total < threshold:
        return False
    return SequenceMatcher(None, a, b).ratio() >= threshold


class RegionKey(NamedTuple):
    level: str  # "kota", "kabupaten", "provinsi", or "" (foreign or no level given)
    name: str  # folded, without spaces


def region_key(name: str) -> RegionKey:
    """"Pemkot Bekasi" -> ("kota", "bekasi"); "Prov. DKI Jakarta" -> ("provinsi", "jakarta")."""
    norm = normalization()
    text = fold_keep_hyphen(name).replace("-", " ")
    for pattern, replacement in norm.region_rules:
        text = pattern.sub(replacement, text)
    level, _, rest = text.partition(" ")
    if not (level in norm.region_levels and rest):
        return RegionKey("", text.replace(" ", ""))
    compact = rest.replace(" ", "")
    if level == "provinsi":
        compact = norm.province_aliases.get(compact, compact)
    return RegionKey(level, compact)


def same_region(gold: str, pred: str) -> bool:
    """Same level, and the same or nearly the same name: "Kota Bekasi" is not "Kabupaten Bekasi"."""
    g, p = region_key(gold), region_key(pred)
    return g.level == p.level and similar(g.name, p.name, REGION_THRESHOLD)


def person_key(name: str) -> str:
    """The name before any comma (degrees follow it), folded, without honorific tokens."""
    head = name.split(",", 1)[0].replace(".", " ")
    honorifics = normalization().honorifics
    return " ".join(t for t in fold_keep_hyphen(head).split() if t not in honorifics)


def _contained(a: list[str], b: list[str]) -> bool:
    """All tokens of the shorter name (two or more) appear in the other: "Fadhil Arief"."""
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return len(shorter) >= 2 and set(shorter) <= set(longer)


def same_person(gold: str, pred: str) -> bool:
    g, p = person_key(gold), person_key(pred)
    if not (g and p):
        return False
    return similar(g, p, PERSON_THRESHOLD) or _contained(g.split(), p.split())


def position_key(position: str) -> str:
    """Folded, abbreviations spelled out: "Pj. Walikota" -> "penjabat wali kota"."""
    text = fold_keep_hyphen(position.replace(".", " "))
    for pattern, replacement in normalization().position_rules:
        text = pattern.sub(replacement, text)
    return text


def same_position(gold: str, pred: str) -> bool:
    return similar(position_key(gold), position_key(pred), POSITION_THRESHOLD)


def greedy_pairs(gold: Sequence[G], pred: Sequence[P], same: Callable[[G, P], bool]) -> list[tuple[int, int]]:
    """One-to-one matching: each gold item takes the first still-free predicted item it matches."""
    taken: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in taken and same(g, p):
                taken.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def _month_day(start: Any, where: str) -> Any:
    if isinstance(start, (str, list)):
        return start[-5:]
    raise ValueError(f"{where}: date.start {start!r} is not a string")


def date_matches(gold_date: Any, accept: Any, start: Any, where: str = "prediction") -> bool:
    """The predicted start is the gold date or an accepted one; a gold `--MM-DD` matches any year."""
    accepted = accept or []
    if gold_date is None:
        return start in (None, "") or start in accepted
    if not start:
        return False
    for wanted in (gold_date, *accepted):
        if wanted == start:
            return True
        if isinstance(wanted, str) and wanted.startswith("--") and _month_day(start, where) == wanted[-5:]:
            return True
    return False
