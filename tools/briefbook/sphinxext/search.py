"""A Vietnamese search language for the HTML search.

Sphinx has none: for ``vi`` it falls back to English (Porter stemming of
Vietnamese syllables, English stop words such as "an"). Here:

* words are split on anything that is not a letter, mark, digit or ``_``,
  after NFC normalisation;
* a word is "stemmed" by folding: lower case, tone and vowel marks removed,
  "đ" to "d" ("Bệnh" and "benh", "hoà" and "hòa" are the same term); the
  JavaScript twin (``JS_STEMMER``) folds the same way;
* there are no stop words: "an" and "và" are searchable;
* abbreviations and their long forms find each other: a text with
  "bảo hiểm y tế" is also indexed under "bhyt", and a text with "BHYT" under
  "bao", "hiem", "y", "te" (from the book's glossary page, else the shipped
  dictionary).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.search import SearchLanguage

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["JS_STEMMER", "SearchVietnamese", "fold_word", "load_synonyms"]

_WORD = re.compile(r"[^\W]+")

JS_STEMMER = r"""
/* briefbook: Vietnamese folding, the twin of briefbook.sphinxext.search.fold_word. */
var Stemmer = function () {
  this.stemWord = function (word) {
    return word.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
  };
};
"""

JS_SPLITTER = r"""
/* briefbook: split on what is not a letter, mark, digit or underscore (after NFC). */
function splitQuery(query) {
  return query.normalize("NFC").split(/[^\p{L}\p{M}\p{N}_]+/u).filter(function (term) { return term; });
}
"""

# Abbreviation token -> words of its long form, and long form -> token, set
# when the builder starts (see on_builder_inited).
_SYNONYMS: dict[str, tuple[str, ...]] = {}


def fold_word(word: str) -> str:
    """Lower case, marks removed, đ to d: the search index's form of a word."""
    decomposed = unicodedata.normalize("NFD", word)
    stripped = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
    return stripped.replace("đ", "d").replace("Đ", "d").lower()


def split_words(text: str) -> list[str]:
    """The words of ``text`` as the JavaScript ``splitQuery`` splits them."""
    return _WORD.findall(unicodedata.normalize("NFC", text))


def glossary_pairs(srcdir: Path) -> list[tuple[str, str]]:
    """(abbreviation, expansion) of the book's ``glossary.md`` (as briefbook
    writes it), else of the shipped dictionary."""
    glossary = srcdir / "glossary.md"
    if glossary.is_file():
        text = glossary.read_text("utf-8")
        pairs: list[tuple[str, str]] = re.findall(r"^(\S+)\n  (.+?)(?: — \*.*\*)?$", text, re.MULTILINE)
        return [(abbr, expansion.replace("\\", "")) for abbr, expansion in pairs]
    from briefbook.glossary import load_dictionary

    return [(abbr, senses[0].expansion) for abbr, senses in load_dictionary().items()]


def load_synonyms(srcdir: Path) -> dict[str, tuple[str, ...]]:
    """Single-word abbreviations and the folded words of their long forms,
    from the book's ``glossary.md`` (or the shipped dictionary)."""
    synonyms: dict[str, tuple[str, ...]] = {}
    for abbr, expansion in glossary_pairs(srcdir):
        tokens = split_words(abbr)
        words = tuple(fold_word(w) for w in split_words(re.sub(r"\(.*?\)|\\", "", expansion.split(" / ")[0])))
        if len(tokens) == 1 and words:
            synonyms[fold_word(tokens[0])] = words
    return synonyms


class SearchVietnamese(SearchLanguage):
    """Vietnamese: folded words, no stop words, abbreviations with long forms."""

    lang = "vi"
    language_name = "Vietnamese"
    stopwords = frozenset()
    js_stemmer_code = JS_STEMMER
    js_splitter_code = JS_SPLITTER

    def split(self, input: str) -> list[str]:
        words = split_words(input)
        if not _SYNONYMS:
            return words
        folded = [fold_word(w) for w in words]
        extra: list[str] = []
        joined = " " + " ".join(folded) + " "
        for abbr, long_words in _SYNONYMS.items():
            if abbr in folded:
                extra.extend(long_words)
            if " " + " ".join(long_words) + " " in joined:
                extra.append(abbr)
        return words + extra

    def stem(self, word: str) -> str:
        return fold_word(word)

    def word_filter(self, word: str) -> bool:
        return not word.isdigit()


def on_builder_inited(app: Sphinx) -> None:
    """Load the book's abbreviations for the search index."""
    _SYNONYMS.clear()
    if app.builder.format == "html":
        _SYNONYMS.update(load_synonyms(Path(app.srcdir)))
