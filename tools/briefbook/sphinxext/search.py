"""A Vietnamese search language for the HTML search.

Sphinx has none: for ``vi`` it falls back to English (Porter stemming of
Vietnamese syllables, English stop words such as "an"). Here:

* words are split on anything that is not a letter, mark, digit or ``_``,
  after NFC normalisation;
* a word is "stemmed" by folding: lower case, tone and vowel marks removed,
  "đ" to "d" ("Bệnh" and "benh", "hoà" and "hòa" are the same term); the
  JavaScript twin (``JS_STEMMER``) folds the same way;
* nothing is left out of the index: "an" and "và" are searchable;
* abbreviations and their long forms find each other: a text with
  "bảo hiểm y tế" is also indexed under "bhyt", and a text with "BHYT" under
  "bao", "hiem", "y", "te" (from the book's glossary in the converter's
  data file, else the shipped dictionary).

The index only finds the pages. Ranking them, pointing each result at the
paragraph where the words are, and the snippets are the work of
``static/briefbook-search.js`` (loaded on the search page), which reads the
result pages themselves; it gets the stop words (:data:`STOP_WORDS`) and the
abbreviations from this module, through ``language_data.js``
(:func:`language_data_js`).
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from sphinx.errors import ExtensionError
from sphinx.search import SearchLanguage

from briefbook.core.bookdata import BOOK_DATA_FILE, BookDataError, Term, load_book_data
from briefbook.core.dictionary import load_dictionary
from briefbook.sphinxext.domain import BriefbookDomain

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = [
    "JS_STEMMER",
    "STOP_WORDS",
    "SearchVietnamese",
    "book_terms",
    "fold_word",
    "language_data_js",
    "load_synonyms",
    "setup",
    "synonyms_of",
]

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

# Vietnamese function words, as written (with their accents). They stay in
# the index and a query of nothing else finds them; in a longer query they
# are not required and do not count in the ranking (briefbook-search.js).
_STOP_TEXT = """
và của các những là được có cho với thì mà này đó để trong khi đã đang sẽ cũng
như nhưng hay hoặc tại theo về từ một ở bị do vì rằng lại cái
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())


@functools.lru_cache(maxsize=1 << 17)
def fold_word(word: str) -> str:
    """Lower case, marks removed, đ to d: the search index's form of a word
    (remembered: the index folds each word of every page written, a book
    has some tens of thousands of words)."""
    decomposed = unicodedata.normalize("NFD", word)
    stripped = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
    return stripped.replace("đ", "d").replace("Đ", "d").lower()


def split_words(text: str) -> list[str]:
    """The words of ``text`` as the JavaScript ``splitQuery`` splits them."""
    return _WORD.findall(unicodedata.normalize("NFC", text))


def book_terms(srcdir: Path) -> tuple[Term, ...]:
    """The book's glossary, from the converter's data
    (:data:`~briefbook.core.bookdata.BOOK_DATA_FILE`), else the shipped
    dictionary (the first meaning of each abbreviation)."""
    data = srcdir / BOOK_DATA_FILE
    if data.is_file():
        try:
            return load_book_data(data.read_text("utf-8"), str(data)).glossary
        except BookDataError as exc:
            raise ExtensionError(str(exc)) from None
    return tuple(
        Term(abbr, senses[0].expansion, senses[0].english) for abbr, senses in load_dictionary().items()
    )


def synonyms_of(terms: Iterable[Term]) -> dict[str, tuple[str, ...]]:
    """Single-word abbreviations (folded) and the words of their long forms
    (lower case, accents kept)."""
    synonyms: dict[str, tuple[str, ...]] = {}
    for term in terms:
        tokens = split_words(term.abbr)
        long_form = re.sub(r"\(.*?\)|\\", "", term.expansion.split(" / ")[0])
        words = tuple(w.lower() for w in split_words(long_form))
        if len(tokens) == 1 and words:
            synonyms[fold_word(tokens[0])] = words
    return synonyms


def load_synonyms(srcdir: Path) -> dict[str, tuple[str, ...]]:
    """:func:`synonyms_of` the book's glossary (or the shipped dictionary:
    see :func:`book_terms`)."""
    return synonyms_of(book_terms(srcdir))


def language_data_js(synonyms: dict[str, tuple[str, ...]]) -> str:
    """``BRIEFBOOK_SEARCH``: the stop words and abbreviations for the ranking
    in ``briefbook-search.js`` (deterministic: sorted)."""
    data = {"stopWords": sorted(STOP_WORDS), "synonyms": {k: list(v) for k, v in sorted(synonyms.items())}}
    return "var BRIEFBOOK_SEARCH = " + json.dumps(data, ensure_ascii=False, sort_keys=True) + ";\n"


class SearchVietnamese(SearchLanguage):
    """Vietnamese: folded words, no stop words, abbreviations with long forms.

    Sphinx makes the language from its class, with no way to the
    environment: the builder's start registers a subclass that holds the
    book's synonyms (:meth:`with_synonyms`, from the domain's terms)."""

    lang = "vi"
    language_name = "Vietnamese"
    stopwords = frozenset()
    js_stemmer_code = JS_STEMMER
    js_splitter_code = JS_SPLITTER
    synonyms: Mapping[str, tuple[str, ...]] = MappingProxyType({})
    """Folded abbreviation -> the words of its long form (lower case, with their accents)."""

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        # Read when the HTML builder writes language_data.js.
        self.js_stemmer_code = JS_STEMMER + language_data_js(dict(self.synonyms))
        # Folded abbreviation -> (its long form's first folded word, " folded long form "),
        # to find long forms in a text (only a text with that first word may hold one).
        self.folded_long_forms = {
            abbr: (fold_word(words[0]) if words else None, " " + " ".join(fold_word(w) for w in words) + " ")
            for abbr, words in self.synonyms.items()
        }

    @classmethod
    def with_synonyms(cls, synonyms: Mapping[str, tuple[str, ...]]) -> type[SearchVietnamese]:
        """The language with these synonyms."""
        attributes = {"synonyms": MappingProxyType(dict(synonyms)), "__module__": __name__}
        return type(cls.__name__, (cls,), attributes)

    def split(self, input: str) -> list[str]:
        words = split_words(input)
        if not self.synonyms:
            return words
        folded = [fold_word(w) for w in words]
        present = set(folded)
        extra: list[str] = []
        joined = " " + " ".join(folded) + " "
        for abbr, long_words in self.synonyms.items():
            if abbr in present:
                extra.extend(long_words)
            first, long_form = self.folded_long_forms[abbr]
            if (first is None or first in present) and long_form in joined:
                extra.append(abbr)
        return words + extra

    def stem(self, word: str) -> str:
        return fold_word(word)

    def word_filter(self, word: str) -> bool:
        return not word.isdigit()


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """The ranking and snippets, on the search page only (after Sphinx's
    searchtools.js, language_data.js and searchindex.js: it is deferred)."""
    if templatename == "search.html":
        app.add_js_file("briefbook-search.js", loading_method="defer")


def on_builder_inited(app: Sphinx) -> None:
    """The book's terms into the domain, and its synonyms into the search language."""
    domain = BriefbookDomain.of(app.env)
    domain.terms = book_terms(Path(app.srcdir))
    synonyms = synonyms_of(domain.terms) if app.builder.format == "html" else {}
    app.add_search_language(SearchVietnamese.with_synonyms(synonyms))


def setup(app: Sphinx) -> None:
    app.add_search_language(SearchVietnamese)
    app.connect("builder-inited", on_builder_inited)
    app.connect("html-page-context", on_html_page_context)
