"""Named regexes compiled on first use: a language file's tables of patterns.

Every language file is read in every run (any language's headings can name a part of the
story), yet a run searches with one language's cues, signals and points. Compiling all of
them costs a fresh `repurpose run` about a tenth of its time, so each pattern is compiled
when it is first looked up, then kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping


class PatternsOnUse(Mapping[str, re.Pattern[str]]):
    """A read-only mapping of name -> compiled pattern; `make(name)` compiles one (and raises
    the error a bad pattern gives), once."""

    def __init__(self, names: tuple[str, ...], make: Callable[[str], re.Pattern[str]]) -> None:
        self._names = names
        self._make = make
        self._compiled: dict[str, re.Pattern[str]] = {}

    def __getitem__(self, name: str) -> re.Pattern[str]:
        found = self._compiled.get(name)
        if found is None:
            if name not in self._names:
                raise KeyError(name)
            found = self._compiled[name] = self._make(name)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def __repr__(self) -> str:
        return f"PatternsOnUse({list(self._names)!r})"

    def compile_all(self) -> PatternsOnUse:
        """Every pattern compiled now: a bad one raises here."""
        for name in self._names:
            self[name]
        return self
