"""The book's configuration: values set unless ``conf.py`` sets them.

Checked facts behind the LaTeX values (see the project notes):

* with ``language = "vi"`` Sphinx asks polyglossia for "vietnam", which it
  does not know, so captions stay English; babel's ``vietnamese`` gives
  "Mục lục", "Chương"...;
* Sphinx drops non-ASCII letters from the default PDF name, so
  ``latex_documents`` is set with a slug of the title;
* fontspec finds the Noto families (Debian's fonts-noto-core) by name.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefbook.vietnamese import slugify

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

HERE = Path(__file__).parent

LATEX_PREAMBLE = r"""
% briefbook: Vietnamese captions that babel-vietnamese leaves to Sphinx.
\addto\captionsvietnamese{%
  \renewcommand{\contentsname}{Mục lục}%
  \renewcommand{\bibname}{Tài liệu tham khảo}%
  \renewcommand{\indexname}{Chỉ mục}%
  \renewcommand{\appendixname}{Phụ lục}%
  \renewcommand{\chaptername}{Chương}%
}
"""


def latex_elements() -> dict[str, str]:
    """LaTeX settings for Vietnamese with xelatex."""
    return {
        "papersize": "a4paper",
        "pointsize": "11pt",
        "polyglossia": "",
        "babel": r"\usepackage[vietnamese]{babel}\let\captionsvietnam\captionsvietnamese",
        "fontpkg": "\n".join(
            [
                r"\setmainfont{Noto Serif}",
                r"\setsansfont{Noto Sans}",
                r"\setmonofont{Noto Sans Mono}",
            ]
        ),
        "preamble": LATEX_PREAMBLE,
        "printindex": r"\printindex",
    }


def _defaults(config: Config) -> dict[str, Any]:
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
        "html_copy_source": False,
        "html_show_sourcelink": False,
        "html_theme_options": {
            "home_page_in_toc": True,
            "show_navbar_depth": 1,
            "toc_title": "Trên trang này",
            "use_download_button": False,
            "article_header_end": ["briefbook-pdf.html", "article-header-buttons.html"],
        },
        "html_sidebars": {
            "**": [
                "navbar-logo.html",
                "search-button-field.html",
                "briefbook-pdf.html",
                "sbt-sidebar-nav.html",
            ]
        },
        "myst_heading_anchors": 0,
        "bibtex_bibfiles": ["references.bib"],
        "bibtex_default_style": "plain",
        "bibtex_reference_style": "author_year",
        "bibtex_cite_id": "cite-{bibliography_count}-{key}",
        "latex_engine": "xelatex",
        "latex_elements": latex_elements(),
        "latex_documents": [
            (config.root_doc, f"{basename}.tex", project, config.author or project, "manual")
        ],
        "latex_show_urls": "no",
        "latex_use_xindy": True,
    }


def on_config_inited(app: Sphinx, config: Config) -> None:
    """Set each default that ``conf.py`` left unset; add our templates and CSS."""
    raw = config._raw_config  # what conf.py (or -D) set
    for name, value in _defaults(config).items():
        if name not in raw:
            config[name] = value
    config.templates_path = [*config.templates_path, str(HERE / "templates")]
    config.html_static_path = [*config.html_static_path, str(HERE / "static")]
