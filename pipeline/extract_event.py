"""Event type: agreement, meeting or visit, from cue words in sentences that report something done.

A signing wins over a visit (the guide's rule); a meeting held over video is a meeting; a visit,
study trip or audience is a visit; a plain `pertemuan` with no visit word is a meeting. A cue preceded in its sentence by a marker of the future
(`akan`, `rencana`) reports a plan, not an event, and does not count.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc

from .knowledge import load_data
from .schema import Evidence

# A signing wins over a visit, a video meeting over the visit words it may use; an in-person
# "pertemuan" is a meeting only when nothing says that one side visited the other.
CUE_PRIORITY = ("agreement", "meeting", "visit", "meeting_in_person")
PLANNED_WINDOW_CHARS = 40


def _words(words: list[str]) -> str:
    return r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b"


@lru_cache(maxsize=None)
def _cue_patterns() -> dict[str, re.Pattern]:
    cues = load_data("cues")
    patterns = {kind: re.compile(_words(words), re.IGNORECASE) for kind, words in cues["event_types"].items()}
    patterns["planned"] = re.compile(_words(cues["planned_markers"]), re.IGNORECASE)
    return patterns


def classify_event(doc: Doc, doc_id: str) -> Optional[tuple[str, list[Evidence]]]:
    """The event type and the sentences that gave it, or None when no cue reports a done event."""
    patterns = _cue_patterns()
    evidence: dict[str, list[Evidence]] = {kind: [] for kind in CUE_PRIORITY}
    for sent in doc.sents:
        text = sent.text
        for kind in CUE_PRIORITY:
            for cue in patterns[kind].finditer(text):
                if patterns["planned"].search(text, max(0, cue.start() - PLANNED_WINDOW_CHARS), cue.start()):
                    continue
                evidence[kind].append(Evidence(doc_id=doc_id, start=sent.start_char, end=sent.end_char,
                                               text=text.strip()))
                break
    for kind in CUE_PRIORITY:
        if evidence[kind]:
            return load_data("cues")["type_of_cue"].get(kind, kind), evidence[kind][:3]
    return None


def event_sentence_starts(doc: Doc) -> set[int]:
    """Character offsets of the sentences that carry any event cue (planned or done)."""
    patterns = _cue_patterns()
    return {sent.start_char for sent in doc.sents if any(patterns[k].search(sent.text) for k in CUE_PRIORITY)}
