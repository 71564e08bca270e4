"""A multi-pattern matcher for the gazetteer's forty thousand names, made for a table that loads fast.

spaCy's `SpanRuler` (and the `PhraseMatcher` under it) keeps its patterns as Docs: it tokenises
every one of them again when a pipeline is built or loaded from disk, seconds at every start. Here
each name is tokenised once, into the texts of its tokens, and the table from a name's first token
to the rest of it pickles and loads in milliseconds (`built.built` keeps it on disk). The matches
are what a `SpanRuler` with `phrase_matcher_attr="ORTH"` and the first-longest spans filter gives:
every name whose tokens appear in a text exactly, overlaps resolved by spaCy's own `filter_spans`.
"""
from __future__ import annotations

from typing import Iterable

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

# a name's first token to the names that start with it: the texts of their other tokens, label, id
PhraseTable = dict[str, tuple[tuple[tuple[str, ...], str, str], ...]]


def phrase_table(patterns: Iterable[dict], tokenizer: Tokenizer) -> PhraseTable:
    """`{"label", "pattern", "id"}` phrase patterns, as a `SpanRuler` takes them, tokenised by `tokenizer`."""
    patterns = list(patterns)
    table: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for pattern, tokens in zip(patterns, tokenizer.pipe(p["pattern"] for p in patterns)):
        words = [token.text for token in tokens]
        if words:
            table.setdefault(words[0], []).append((tuple(words[1:]), pattern["label"], pattern.get("id", "")))
    return {first: tuple(dict.fromkeys(names)) for first, names in table.items()}


class GazetteerMatcher:
    """Marks in `doc.spans[spans_key]` every name of the table, the first longest of overlapping ones."""

    def __init__(self, table: PhraseTable, spans_key: str):
        self.table = table
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        words = [token.text for token in doc]
        found = set()
        for start, word in enumerate(words):
            for rest, label, span_id in self.table.get(word, ()):
                end = start + 1 + len(rest)
                if not rest or tuple(words[start + 1:end]) == rest:
                    found.add(Span(doc, start, end, label=label, span_id=span_id))
        # sorted as the SpanRuler sorts its matches, so that of two names over the same tokens the same one wins
        doc.spans[self.spans_key] = filter_spans(sorted(found))
        return doc
