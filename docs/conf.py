"""Sphinx configuration of the briefing book.

Written by `briefbook convert` when the folder had no conf.py; edit freely.
Everything not set here comes from the briefbook.sphinxext extension.
"""

project = 'Sổ tay báo chí: hợp tác quốc tế về y tế'
language = "vi"
extensions = ["briefbook.sphinxext"]
