"""Roles: host, guest or partner for each party, from the cue words around its mentions.

`Wali Kota Bekasi menerima kunjungan Pemkab Banyuwangi` votes Bekasi host and Banyuwangi guest;
the party with the clearest host votes hosts, the others are its guests, and where no side is
clear, or the governments met over video, all are partners.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .extract_event import without_quotes
from .extract_parties import PartyTally
from ..knowledge import load_data
from ..schema import Party


@lru_cache(maxsize=None)
def _role_patterns() -> dict[str, re.Pattern]:
    cues = load_data("cues")

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    # `neutral_before` cues give no vote, and hide the shorter cue inside them: in "orang nomor satu
    # di Kabupaten X" the `di` names the office's region, not where the parties met.
    return {
        "before": re.compile(rf"\b(?:(?P<neutral>{alternation(cues['neutral_before'])})|"
                             rf"(?P<host>{alternation(cues['host_before'])})|"
                             rf"(?P<guest>{alternation(cues['guest_before'])}))\b(?=(?:\s+[^\s,;]+){{0,4}}\s*$)",
                             re.IGNORECASE),
        # `menyambut baik` welcomes an idea, not a guest: tried first, it hides the `menyambut` in it
        "after": re.compile(rf"\b(?:(?P<neutral>{alternation(cues['neutral_after'])})|"
                            rf"(?P<host>{alternation(cues['host_after'])})|"
                            rf"(?P<guest>{alternation(cues['guest_after'])}))\b", re.IGNORECASE),
        "named_host": re.compile(rf"\b(?:{alternation(cues['named_host_words'])})\b", re.IGNORECASE),
    }


def _weight(hit: re.Match) -> int:
    """Two votes for a cue that names the host outright (`sebagai tuan rumah`), one for any other."""
    return 2 if _role_patterns()["named_host"].search(hit.group(0)) else 1


ROLE_WINDOW_BEFORE = 60
ROLE_WINDOW_AFTER = 80


def role_votes(text: str, parties: list[PartyTally]) -> dict[str, Counter]:
    """Host and guest votes for each party from the cue words around its mentions."""
    patterns = _role_patterns()
    spans = sorted((m.start_char, m.end_char, t.region.key) for t in parties for m in t.mentions)
    votes = {t.region.key: Counter() for t in parties}
    sentence_ends = [m.end() for m in re.finditer(r"[.!?\n]", text)]
    for i, (start, end, key) in enumerate(spans):
        previous_end = max([s[1] for s in spans[:i] if s[2] != key] + [start - ROLE_WINDOW_BEFORE, 0])
        before = text[max(previous_end, _sentence_start(text, start)):start]
        hits = list(patterns["before"].finditer(before))
        if hits and hits[-1].lastgroup != "neutral":
            votes[key][hits[-1].lastgroup] += _weight(hits[-1])
        next_start = min([s[0] for s in spans[i + 1:] if s[2] != key] + [end + ROLE_WINDOW_AFTER])
        sentence_end = next((e for e in sentence_ends if e > end), len(text))
        after = text[end:min(next_start, sentence_end)]
        hit = patterns["after"].search(after)
        if hit and hit.lastgroup != "neutral":
            votes[key][hit.lastgroup] += _weight(hit)
    return votes


def _sentence_start(text: str, position: int) -> int:
    cut = max(text.rfind(".", 0, position), text.rfind("\n", 0, position))
    return cut + 1


def assign_roles(text: str, parties: list[PartyTally], event_type: str, doc_id: str,
                 remote: bool = False) -> list[Party]:
    """Host, guest or partner for each party, from the cue votes.

    One party with the clearest host votes hosts and the others are its guests; a visit whose
    guest is clear but whose host is not is hosted by the other party. Where no side is clear, or
    the governments met over video, all are partners.
    """
    votes = role_votes(without_quotes(text), parties)  # "dari Riau ke Sumbar" in a quote is not this trip
    score = {key: v["host"] - v["guest"] for key, v in votes.items()}
    roles = {t.region.key: "partner" for t in parties}
    if not remote and parties:
        host = max(parties, key=lambda t: (score[t.region.key], -t.first))
        guest = min(parties, key=lambda t: (score[t.region.key], t.first))
        if score[host.region.key] > 0 or (event_type == "visit" and score[guest.region.key] < 0):
            host_key = host.region.key if score[host.region.key] > score[guest.region.key] else None
            if host_key is None and score[guest.region.key] < 0:
                host_key = next((t.region.key for t in parties if t is not guest), None)
            if host_key:
                roles = {t.region.key: ("host" if t.region.key == host_key else "guest") for t in parties}
    return [Party(name=t.region.name, country=t.region.country, role=roles[t.region.key], level=t.region.level,
                  code=t.region.code, evidence=[m.evidence(doc_id) for m in t.mentions[:3]])
            for t in parties]
