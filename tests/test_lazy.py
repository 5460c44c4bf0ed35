"""The modules that import the names they hand out on first use (partnergraph/_lazy.py): each name resolves
(its home module is imported and has it), and a name they lack is an AttributeError naming the module."""

from __future__ import annotations

import importlib

import pytest

LAZY = {
    "partnergraph.rdf": None,  # None: every name of its __all__
    "partnergraph.sources": None,
    "partnergraph.store": ("RemoteStore",),
    "partnergraph.store.embedded": ("to_rdflib", "read_solutions", "read_triples", "_FAST_LITERALS"),
}


@pytest.mark.parametrize("module_name", LAZY)
def test_each_name_resolves_and_an_unknown_one_is_an_attribute_error(module_name):
    module = importlib.import_module(module_name)
    for name in LAZY[module_name] or module.__all__:
        assert getattr(module, name) is not None, name
    with pytest.raises(AttributeError, match=rf"module '{module_name}' has no attribute 'no_such_name'"):
        _ = module.no_such_name
