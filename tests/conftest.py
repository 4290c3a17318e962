"""Sphinx's own test fixtures (``app``, ``make_app``, ``@pytest.mark.sphinx``) for the
small projects of tests/roots/test-<case>/, and the whole books of :mod:`tests.books`."""

from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures", "tests.books")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where Sphinx's fixtures find the test roots."""
    return Path(__file__).resolve().parent / "roots"
