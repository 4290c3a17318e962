"""briefbook: a folder of Vietnamese press articles in, a briefing book out.

The pipeline, one module per stage: :mod:`~briefbook.decoding` (bytes to
text), :mod:`~briefbook.reader` (text to :class:`~briefbook.records.Article`,
with :mod:`~briefbook.boilerplate` and :mod:`~briefbook.metadata`),
:mod:`~briefbook.glossary`, :mod:`~briefbook.bibliography`,
:mod:`~briefbook.chapter` and :mod:`~briefbook.pages` (records to MyST),
:mod:`~briefbook.book` (the driver), :mod:`~briefbook.build` (Sphinx and
LaTeX) and :mod:`~briefbook.cli`. :mod:`briefbook.sphinxext` runs inside Sphinx.
"""

__version__ = "0.1.0"
