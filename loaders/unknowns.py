"""Names a file uses that the catalog does not know, and what the statistician decided for them.

A report always carries some indicators outside the catalog. Each unknown name is listed once (with
every cell it is in and the closest catalog candidates, best first) and is never mapped by guessing:
the statistician picks a candidate, or "không theo dõi" (skip its rows, named in the upload report),
or — an administrator — adds a new indicator. Decisions are keyed by kind and the name's comparison
key; once committed they are saved as aliases (store.aliases) and apply to the next file at once."""

from __future__ import annotations

from dataclasses import dataclass, field

from loaders.names import indicator_key, split_unit_prefix
from vn.text import printable

SKIP = "skip"
KINDS = ("indicator", "unit")


def decision_key(kind: str, name: str) -> tuple[str, str]:
    """Indicators by their comparison key; units by their name without the administrative prefix
    (the key the unit index uses; a written prefix still has to agree with the unit's type)."""
    return kind, indicator_key(name) if kind == "indicator" else split_unit_prefix(name)[1]


@dataclass
class Unknown:
    """One unknown name of a file: where it is and what it could be."""

    kind: str  # indicator | unit
    name: str  # as first written
    cells: list[str] = field(default_factory=list)  # "Sheet!B12"
    candidates: list[tuple[str, str]] = field(
        default_factory=list
    )  # (code or unit_id, label), best first
    ambiguous: bool = False  # the name matches several catalog entries
    remembered: bool = False  # skipped by a decision saved from an earlier upload
    measure: str = ""  # the measure the file writes for it (ĐVT), to start a new indicator with

    def __post_init__(self) -> None:
        self.name = printable(
            self.name
        )  # shown on the page and saved as an alias: no control characters

    @property
    def key(self) -> tuple[str, str]:
        return decision_key(self.kind, self.name)


class Decisions(dict):
    """(kind, name key) → catalog code / unit id as text, or SKIP; `names` keeps each name as written."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.names: dict[tuple[str, str], str] = {}

    @classmethod
    def of(cls, items) -> "Decisions":
        """From (kind, name, target) triples."""
        out = cls()
        for kind, name, target in items:
            out[decision_key(kind, name)] = str(target).strip()
            out.names[decision_key(kind, name)] = name
        return out

    def merged(self, other: "Decisions") -> "Decisions":
        out = Decisions({**self, **other})
        out.names = {**self.names, **getattr(other, "names", {})}
        return out

    def without(self, keys) -> "Decisions":
        """These decisions but those of `keys` ((kind, name key) pairs)."""
        out = Decisions({k: v for k, v in self.items() if k not in keys})
        out.names = {k: v for k, v in self.names.items() if k not in keys}
        return out

    def get_for(self, kind: str, name: str) -> str | None:
        return self.get(decision_key(kind, name))


class UnknownLog:
    """Collects the unknown names of one file (one entry per name) and the rows skipped by decision."""

    def __init__(self) -> None:
        self.unknowns: dict[tuple[str, str], Unknown] = {}
        self.skipped: dict[tuple[str, str], Unknown] = {}
        self.decided: dict[
            tuple[str, str], tuple[str, str]
        ] = {}  # key → (name as written, target) of decisions used

    def used(self, kind: str, name: str, target: str) -> None:
        self.decided.setdefault(decision_key(kind, name), (name, target))

    def add(
        self,
        kind: str,
        name: str,
        cell: str,
        candidates=(),
        ambiguous: bool = False,
        measure: str = "",
    ) -> None:
        k = decision_key(kind, name)
        entry = self.unknowns.get(k)
        if entry is None:
            entry = self.unknowns[k] = Unknown(
                kind, name, [], list(candidates), ambiguous, measure=measure
            )
        if measure and not entry.measure:
            entry.measure = measure
        if cell not in entry.cells:
            entry.cells.append(cell)

    def skip(self, kind: str, name: str, cell: str, remembered: bool = False) -> None:
        k = decision_key(kind, name)
        entry = self.skipped.setdefault(k, Unknown(kind, name, remembered=remembered))
        if cell not in entry.cells:
            entry.cells.append(cell)
