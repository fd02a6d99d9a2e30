"""The examples in the nlp docstrings run and hold."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["aseankg.nlp", *(f"aseankg.nlp.{m}" for m in
           ("normalize", "sentences", "tokens", "dates", "ordinals", "romanize", "quick"))]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
