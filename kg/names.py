"""Names chosen by users (formats, extractors, views) resolve through one table.

>>> FORMATS = NameTable("export format", {"ttl": ("turtle", "text/turtle")})
>>> FORMATS.resolve("Turtle")
'ttl'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from kg.errors import UnknownNameError


class NameTable:
    """Canonical names with their aliases, matched case-insensitively."""

    def __init__(self, what: str, entries: Mapping[str, Iterable[str]]) -> None:
        self.what = what
        self.entries = {name: tuple(aliases) for name, aliases in entries.items()}
        self.canonical = tuple(entries)
        self._lookup: dict[str, str] = {}
        for name, aliases in self.entries.items():
            for alias in (name, *aliases):
                self._lookup[alias.lower()] = name

    def extended(self, what: str, entries: Mapping[str, Iterable[str]]) -> NameTable:
        """A table of this one's names and ``entries``.

        >>> FORMATS = NameTable("rdf format", {"ttl": ("turtle",)})
        >>> FORMATS.extended("export format", {"gexf": ()}).resolve("gexf")
        'gexf'
        """
        return NameTable(what, {**self.entries, **entries})

    def resolve(self, name: str) -> str:
        """The canonical name for ``name`` or one of its aliases."""
        try:
            return self._lookup[name.strip().lower()]
        except KeyError:
            raise UnknownNameError(self.what, name, self.canonical) from None

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.strip().lower() in self._lookup

    def __iter__(self):
        return iter(self.canonical)
