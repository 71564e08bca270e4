"""spaCy's tokenizer, with its special cases added as the texts that need them come in.

spaCy's Indonesian tokenizer has some 16,000 special cases (`anak-anak`, `dll.`, `s.d.`), and
`Tokenizer.add_special_case` tokenises each one into a `PhraseMatcher` pattern: building them
all costs seconds at every start, about three quarters of a one-article run. Most never occur in
a given corpus. `LazySpecialCasesTokenizer` keeps them aside and, before it tokenises a text, adds
each one that could act on it, so that it gives the tokens the eager tokenizer gives.

A special case acts on a text only through its string: a whitespace-delimited chunk of the text,
or a piece of one left by prefix and suffix splitting, equals it, or its `PhraseMatcher` pattern
matches a run of tokens, whose texts joined are then a run of the text's characters with its
whitespace removed. So every special case whose string, whitespace removed, occurs in the text
with its whitespace removed is added first (found with one Aho-Corasick pass over the text);
those that remain could not have matched. The tokenizer's cache of tokenised chunks is flushed by
each addition, as spaCy does, so no chunk keeps a tokenisation made before a case was there.
"""
from __future__ import annotations

from typing import Callable, Iterable, Optional

import ahocorasick
from spacy import util
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import registry

SpecialCases = dict[str, list[dict]]


def _without_whitespace(text: str) -> str:
    return "".join(text.split())


class LazySpecialCasesTokenizer(Tokenizer):
    """A spaCy `Tokenizer` whose special cases are added on first need (see the module's docstring)."""

    def __init__(self, vocab, rules: Optional[SpecialCases] = None, *args, **kwargs):
        # the rest of spaCy's `Tokenizer` arguments as it takes them (positional where it unpickles)
        super().__init__(vocab, None, *args, **kwargs)
        self._defer(rules or {})

    def _defer(self, rules: SpecialCases) -> None:
        self._pending: SpecialCases = {}
        self._automaton = ahocorasick.Automaton()
        for string, substrings in rules.items():
            key = _without_whitespace(string)
            if not key:  # a case for whitespace itself (`\n`, `\xa0`) may act on any text
                super().add_special_case(string, substrings)
                continue
            self._pending[string] = substrings
            if key in self._automaton:
                self._automaton.get(key).append(string)
            else:
                self._automaton.add_word(key, [string])
        if self._pending:
            self._automaton.make_automaton()

    def add_cases_for(self, text: str) -> None:
        """Add every waiting special case that could act on `text`."""
        if not self._pending:
            return
        for _, strings in self._automaton.iter(_without_whitespace(text)):
            for string in strings:
                substrings = self._pending.pop(string, None)
                if substrings is not None:
                    super().add_special_case(string, substrings)

    def __call__(self, string: str):
        self.add_cases_for(string)
        return super().__call__(string)

    def explain(self, text: str):
        self.add_cases_for(text)
        return super().explain(text)

    def add_special_case(self, string: str, substrings) -> None:
        """Added at once, replacing a waiting case of the same string."""
        self._pending.pop(string, None)
        super().add_special_case(string, substrings)

    @property
    def rules(self) -> SpecialCases:
        """Every special case, the added and the waiting (what `to_bytes` and pickling keep)."""
        return {**super().rules, **self._pending}

    @rules.setter
    def rules(self, rules: SpecialCases) -> None:
        Tokenizer.rules.__set__(self, {})  # spaCy's setter clears what was added; `super()` cannot assign
        self._defer(rules or {})


@registry.tokenizers("kerjasama.lazy_special_cases.v1")
def create_lazy_tokenizer(extra_cases: Iterable[str] = ()) -> Callable[[Language], LazySpecialCasesTokenizer]:
    """The language's own tokenizer (spaCy's `spacy.Tokenizer.v1`), its special cases added lazily,
    and `extra_cases`, strings kept as one token each."""
    def create(nlp: Language) -> LazySpecialCasesTokenizer:
        defaults = nlp.Defaults
        rules = {**defaults.tokenizer_exceptions, **{case: [{"ORTH": case}] for case in extra_cases}}
        return LazySpecialCasesTokenizer(
            nlp.vocab,
            rules=rules,
            prefix_search=util.compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
            suffix_search=util.compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None,
            infix_finditer=util.compile_infix_regex(defaults.infixes).finditer if defaults.infixes else None,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )
    return create
