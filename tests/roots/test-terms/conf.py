# A small book for the extension's own behaviour (tests/test_extension.py).
project = "Sổ tay thử"
language = "vi"
extensions = ["briefbook.sphinxext"]
