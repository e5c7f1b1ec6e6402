"""Stand-ins: modules that a library imports at its top but calls only on paths we do not take,
put off until something really uses them.

While `standing_in(names)` is open, importing one of `names` (or a submodule of one) gives a
`StandIn` module instead of the real one. A name taken from it (`from urllib3.response import
HTTPResponse`) is a `Deferred`: the real object, imported at its first use, a call or an
attribute. `isinstance(x, deferred)` is False while the real module has never been imported
(nothing can be an instance of a class that was never loaded), else the real answer; a deferred
name in a type union (`str | HTTPResponse`) stands for Any. When the block ends, the stand-ins
leave `sys.modules`, so a later import of the same name gets the real module, and so do the
deferred names at their first use.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
import types
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from importlib.abc import Loader


class Deferred:
    """`module.name`, imported when it is first called or asked for an attribute."""

    def __init__(self, module: str, name: str) -> None:
        self.deferred_module = module
        self.deferred_name = name
        self.resolved: Any = None

    def resolve(self) -> Any:
        if self.resolved is None:
            module = importlib.import_module(self.deferred_module)
            if isinstance(module, StandIn):  # asked for inside the block: cannot be had yet
                raise ImportError(f"{self.deferred_module} is stood in for while importing")
            self.resolved = getattr(module, self.deferred_name)
        return self.resolved

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.resolve()(*args, **kwargs)

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        return getattr(self.resolve(), attribute)

    def __instancecheck__(self, instance: Any) -> bool:
        if self.resolved is None and self.deferred_module not in sys.modules:
            return False
        return isinstance(instance, self.resolve())

    def __or__(self, other: Any) -> Any:
        return Any | other

    def __ror__(self, other: Any) -> Any:
        return other | Any

    def __repr__(self) -> str:
        return f"<deferred {self.deferred_module}.{self.deferred_name}>"


class StandIn(types.ModuleType):
    """A module's stand-in: each name taken from it is a `Deferred` of the real module's."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return Deferred(self.__name__, name)


class StandInFinder:
    """Finds a stand-in for each module named (or inside a package named): a finder and loader
    of `sys.meta_path` (not derived from `importlib.abc`'s, which imports importlib.resources,
    tempfile and shutil: 30 ms)."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = tuple(names)

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: Any = None
    ) -> importlib.machinery.ModuleSpec | None:
        if not any(fullname == n or fullname.startswith(n + ".") for n in self.names):
            return None
        return importlib.machinery.ModuleSpec(fullname, cast("Loader", self), is_package=True)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return StandIn(spec.name)

    def exec_module(self, module: types.ModuleType) -> None:
        module.__path__ = []  # a package: its submodules are stood in for too


@contextmanager
def standing_in(names: Sequence[str]) -> Iterator[None]:
    """Stand-ins for the modules `names` (those not imported yet) while the block runs."""
    finder = StandInFinder([name for name in names if name not in sys.modules])
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)
        for name, module in list(sys.modules.items()):
            if isinstance(module, StandIn):
                del sys.modules[name]
