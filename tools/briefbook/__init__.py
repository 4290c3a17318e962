"""briefbook: a folder of Vietnamese press articles in, a briefing book out.

The pipeline, one module per stage: :mod:`~briefbook.read.decoding` (bytes to
text), :mod:`~briefbook.read.reader` (text to :class:`~briefbook.core.records.Article`,
with :mod:`~briefbook.read.boilerplate` and :mod:`~briefbook.read.metadata`),
:mod:`~briefbook.analyse.glossary`, :mod:`~briefbook.write.bibliography`,
:mod:`~briefbook.write.chapter` and :mod:`~briefbook.write.pages` (records to MyST),
:mod:`~briefbook.book` (the driver), :mod:`~briefbook.build` (Sphinx and
LaTeX) and :mod:`~briefbook.cli`. :mod:`briefbook.sphinxext` runs inside Sphinx.
"""

__version__ = "0.1.0"
