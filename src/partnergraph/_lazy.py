"""Names a module hands out but imports only when first asked for (PEP 562), so that a short command does
not pay for what it never uses (rdflib, the SHACL validator, the page readers)."""

from __future__ import annotations

from importlib import import_module
from importlib.machinery import ModuleSpec


def imported_on_first_use(spec: ModuleSpec, names: dict[str, tuple[str, ...]]):
    """A module `__getattr__` that takes each name of `names[home]` from the module `home` (relative to the
    package of the module `spec` is of: its `__spec__`) when first asked for."""
    homes = {name: home for home, some in names.items() for name in some}

    def __getattr__(name: str):
        if name not in homes:
            raise AttributeError(f"module {spec.name!r} has no attribute {name!r}")
        return getattr(import_module(homes[name], spec.parent), name)

    return __getattr__
