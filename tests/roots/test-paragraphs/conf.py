# A small book for the paragraph numbers (tests/test_extension_paragraphs.py).
project = "Sổ tay thử"
language = "vi"
extensions = ["briefbook.sphinxext"]
