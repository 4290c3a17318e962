"""The book's configuration: values set unless ``conf.py`` sets them.

Checked facts behind the LaTeX values (see the project notes):

* with ``language = "vi"`` Sphinx asks polyglossia for "vietnam", which it
  does not know, so captions stay English; babel's ``vietnamese`` (from
  babel-vi.ini) gives "Mục lục", "Chương", "Phụ lục", "Tài liệu tham khảo";
* TeX Live has no Vietnamese hyphenation patterns;
* Sphinx drops non-ASCII letters from the default PDF name, so
  ``latex_documents`` is set with a slug of the title;
* fontspec finds the Noto families (Debian's fonts-noto-core and
  fonts-noto-mono) by name; DejaVu Sans Mono lacks stacked diacritics.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefbook.core.vietnamese import slugify
from briefbook.sphinxext import epub
from briefbook.sphinxext.bibstyle import STYLE_NAME
from briefbook.sphinxext.citation import edition
from briefbook.sphinxext.overview import LATEX_PREAMBLE as OVERVIEW_PREAMBLE

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

HERE = Path(__file__).parent

# Sphinx writes its LaTeX strings into \captionsvietnam (docutils' name for
# "vi"); babel's language is "vietnamese", so copy them over.
#
# Sphinx's running footer puts the page number and the chapter or section
# title side by side in boxes of their natural width: a headline's title
# (often two lines long) ran over the page number. The same style, with the
# titles cut at a word to the width left beside the page number (truncate,
# from texlive-latex-extra, which Sphinx's LaTeX needs anyway).
LATEX_PREAMBLE = r"""
\addto\captionsvietnamese{\captionsvietnam}
\hypersetup{pdflang=vi}
\usepackage[fit]{truncate}
\renewcommand{\TruncateMarker}{\,…}
\makeatletter
\newcommand{\briefbookmark}[1]{%
  \truncate{\dimexpr\textwidth-3.5em\relax}{\py@HeaderFamily\nouppercase{#1}}}
% The running head: the edition whole on the outer side (it is why the head
% is there), the book's title cut to the width left beside it.
\newsavebox{\briefbook@edition}
\newcommand{\briefbookhead}[1]{%
  \sbox{\briefbook@edition}{\py@HeaderFamily\py@release}%
  \truncate{\dimexpr\textwidth-\wd\briefbook@edition-2em\relax}{\py@HeaderFamily\@title}%
  \hfill\usebox{\briefbook@edition}}
\fancypagestyle{normal}{%
  \fancyhf{}%
  \fancyfoot[RO]{{\py@HeaderFamily\thepage}}%
  \fancyhead[LO]{\briefbookhead{}}%
  \if@twoside
    \fancyfoot[LO]{\briefbookmark{\rightmark}}%
    \fancyfoot[LE]{{\py@HeaderFamily\thepage}}%
    \fancyfoot[RE]{\briefbookmark{\leftmark}}%
    \fancyhead[RE]{\briefbookhead{}}%
  \else
    % One side (on screen): the chapter on every page.
    \fancyfoot[LO]{\briefbookmark{\leftmark}}%
  \fi
  \renewcommand{\headrulewidth}{0.4pt}%
  \renewcommand{\footrulewidth}{0.4pt}%
}
% Cross-references in print say their page (latex_show_pagerefs): "tr. 5".
\AtBeginDocument{\renewcommand*{\pageautorefname}{tr.}}
% Index entries in the body font (Sphinx sets them in \texttt, like code).
\protected\def\sphinxstyleindexentry#1{#1}
\makeatother
"""

# Characters the Noto fonts lack (CJK names, Thai, arrows, emoji...) are
# set in other fonts rather than lost (see the file's comments).
LATEX_FALLBACK = (HERE / "texinputs" / "briefbook-fallback.tex").read_text("utf-8")

# Vietnamese has no hyphenation patterns in TeX Live (and its syllables are
# space-separated words): babel is told so instead of warning about it.
LATEX_BABEL = r"\usepackage{babel}\babelprovide[import,main,hyphenrules=nohyphenation]{vietnamese}"

# Noto Sans Mono (fonts-noto-mono) has no italic: slant the upright.
LATEX_FONTS = r"""
\setmainfont{Noto Serif}
\setsansfont{Noto Sans}
\setmonofont{Noto Sans Mono}[Scale=MatchLowercase,
  ItalicFont={Noto Sans Mono}, ItalicFeatures={FakeSlant=0.2},
  BoldItalicFont={Noto Sans Mono Bold}, BoldItalicFeatures={FakeSlant=0.2}]
"""


# A PDF read on screen: chapters open on the next page, not on the next
# right-hand one (which left blank pages carrying running heads).
# ``briefbook_pdf_print = True`` keeps Sphinx's recto openings for print.
SCREEN_CLASS_OPTIONS = "openany,oneside"


def latex_elements(for_print: bool = False) -> dict[str, str]:
    """LaTeX settings for Vietnamese with xelatex."""
    return {
        "extraclassoptions": "" if for_print else SCREEN_CLASS_OPTIONS,
        "papersize": "a4paper",
        "pointsize": "11pt",
        "polyglossia": "",
        "babel": LATEX_BABEL,
        "cmappkg": "",  # xelatex needs no cmap (it only warns)
        "fontpkg": LATEX_FONTS,
        "geometry": r"\usepackage[headheight=15pt]{geometry}",
        "preamble": LATEX_PREAMBLE + OVERVIEW_PREAMBLE + LATEX_FALLBACK,
        "releasename": "Ấn bản",  # the title page's "Release", untranslated in Sphinx's catalog
        # Sphinx's Vietnamese catalog leaves "Index" untranslated.
        "printindex": r"\renewcommand{\indexname}{Chỉ mục}\printindex",
    }


def _defaults(config: Config, app_srcdir: str) -> dict[str, Any]:
    """Every default, computed from the values ``conf.py`` did set."""
    project = config.project
    basename = slugify(project) or "book"
    return {
        "root_doc": "index",
        "exclude_patterns": ["_build", "_report", "Thumbs.db", ".DS_Store"],
        "smartquotes": False,  # keep the articles' quotes and dashes as written
        "today_fmt": "%d/%m/%Y",
        "html_last_updated_fmt": "%d/%m/%Y",
        "html_theme": "sphinx_book_theme",
        "html_title": project,
        # The theme's colour mode; empty, its script logs an error on every page.
        "html_context": {"default_mode": "auto"},
        "html_favicon": str(HERE / "static" / "briefbook-icon.svg"),
        "html_extra_path": ["CITATION.cff"] if (Path(app_srcdir) / "CITATION.cff").is_file() else [],
        "html_copy_source": False,
        "html_show_sourcelink": False,
        "html_theme_options": {
            "home_page_in_toc": True,
            "show_navbar_depth": 1,
            "toc_title": "Trên trang này",
            "search_bar_text": "Tìm trong sổ tay…",
            "primary_sidebar_end": [],  # the theme's default is a Read the Docs ad slot
            "use_download_button": False,
            "article_header_end": ["briefbook-pdf-button.html", "article-header-buttons.html"],
            # The edition in the footer comes from a template, not from a
            # theme option: theme options are part of what makes Sphinx
            # rewrite every page.
            "footer_content_items": [
                "author.html",
                "copyright.html",
                "last-updated.html",
                "briefbook-edition.html",
            ],
        },
        "html_sidebars": {
            "**": [
                "navbar-logo.html",
                "search-button-field.html",
                "briefbook-pdf.html",
                "briefbook-nav.html",
            ]
        },
        "myst_heading_anchors": 0,
        # Footnotes stay where they are written: MyST's sorting moves them to
        # the end of the page, out of the source box's LaTeX-only block, and
        # HTML and EPUB then showed a footnote whose reference was dropped.
        "myst_footnote_sort": False,
        # Markdown links to "#label" look for labels and documents only (a
        # chapter's label is also its citation key in the bibliography domain).
        "myst_ref_domains": ["std"],
        "bibtex_bibfiles": ["references.bib"],
        "bibtex_default_style": STYLE_NAME,
        "bibtex_reference_style": "author_year",
        "bibtex_cite_id": "cite-{bibliography_count}-{key}",
        "latex_engine": "xelatex",
        "latex_elements": latex_elements(bool(config.briefbook_pdf_print)),
        "latex_documents": [(config.root_doc, f"{basename}.tex", project, config.author, "manual")],
        "latex_show_urls": "no",
        # A printed link cannot be followed: each cross-reference (a
        # glossary entry's "Dùng trong", the register, the front table)
        # gives its page.
        "latex_show_pagerefs": True,
        "latex_use_xindy": True,
        **epub.defaults(config, basename),
    }


def on_config_inited(app: Sphinx, config: Config) -> None:
    """Set each default that ``conf.py`` left unset; add our templates and CSS."""
    raw = config._raw_config  # what conf.py (or -D) set
    if not config.briefbook_edition:
        config.briefbook_edition = edition(Path(app.srcdir))
    if "author" not in raw:
        config.author = ""  # an unset author is absent (Sphinx's default says "Author name not set")
    for name, value in _defaults(config, str(app.srcdir)).items():
        if name not in raw:
            config[name] = value
    config.templates_path = [*config.templates_path, str(HERE / "templates")]
    config.html_static_path = [*config.html_static_path, str(HERE / "static")]


def setup(app: Sphinx) -> None:
    # Before sphinxcontrib-bibtex and the theme read the values we default.
    app.connect("config-inited", on_config_inited, priority=100)
