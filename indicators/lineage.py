"""Where a unit came from and where it went (data/unit_succession.csv), and which units of an earlier
day make up its territory today: the graph behind history on today's boundaries (indicators.history)
and the lineage table of the unit page and `python -m indicators lineage`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from store import Connection, cut_from_snapshot, query, reference_version
from store.queries import units as store_units


@dataclass(frozen=True)
class Link:
    old: int
    new: int
    kind: str  # full | partial
    effective: date
    share: float | None  # of the old unit that went into the new one; None: no source gives it
    share_basis: str | None
    share_source: str | None
    source: str


@dataclass(frozen=True)
class Piece:
    """A unit of an earlier day and the share of it that lies in today's unit."""

    unit_id: int
    share: float | None
    unknown_share: tuple[Link, ...] = ()  # the partial links without a known share on the way


class Lineage:
    """The admin units and succession links of one store (or one scope of it)."""

    def __init__(self, units: pd.DataFrame, links: pd.DataFrame, earliest: date | None = None):
        self.units = {int(r.unit_id): r for r in units.itertuples(index=False)}
        # the whole list's first day ("in force at least since"), not the earliest of these units
        # (a scope of 2025 wards would make 2025 the list's start)
        self.earliest = earliest or min(
            (as_date(r.valid_from) for r in self.units.values()), default=None
        )
        self._before: dict[int, list[Link]] = {}
        self._after: dict[int, list[Link]] = {}
        for r in links.itertuples(index=False):
            share = None if pd.isna(r.share) else float(r.share)
            link = Link(
                int(r.old_unit_id),
                int(r.new_unit_id),
                str(r.kind),
                as_date(r.effective),
                share,
                _text(r.share_basis),
                _text(r.share_source),
                _text(r.source) or "",
            )
            if link.old in self.units and link.new in self.units:
                self._before.setdefault(link.new, []).append(link)
                self._after.setdefault(link.old, []).append(link)
        names = pd.Series([str(r.name) for r in self.units.values()])
        self._shared_names = set(names[names.duplicated()])
        self._dated = _versions_sharing_a_name(self.units, self._after)

    def within(self, ids: frozenset[int]) -> Lineage:
        """The graph of these units and the links between them: what `Lineage` gives when built
        from their rows only (a scope's), taken from a graph built once for the whole store."""
        part = object.__new__(Lineage)
        part.units = {u: self.units[u] for u in sorted(ids) if u in self.units}
        part.earliest = self.earliest
        part._before = _links_within(self._before, part.units, lambda link: link.old)
        part._after = _links_within(self._after, part.units, lambda link: link.new)
        names = pd.Series([str(r.name) for r in part.units.values()])
        part._shared_names = set(names[names.duplicated()])
        # the whole graph's: a text's label does not depend on who reads it (a scope's leader,
        # the page summaries made for every scope)
        part._dated = self._dated & part.units.keys()
        parent_of = self._parent_of()
        part._parents_by_unit = {u: parent_of[u] for u in part.units if u in parent_of}
        return part

    def has_children(self, unit_id: int) -> bool:
        """Whether any unit of the graph has (or had) `unit_id` above it."""
        if not hasattr(self, "_parents"):  # built on first ask: most graphs are never asked
            self._parents = set(self._parent_of().values())
        return int(unit_id) in self._parents

    def _parent_of(self) -> dict[int, int]:
        """Each unit's parent, for the units that have one (a scope's graph takes its own from the
        whole graph's: a pass over its rows cost each never-seen view ~1 ms)."""
        if not hasattr(self, "_parents_by_unit"):
            self._parents_by_unit = {
                u: int(r.parent_id) for u, r in self.units.items() if pd.notna(r.parent_id)
            }
        return self._parents_by_unit

    def copy(self) -> Lineage:
        return self  # read-only: store.cached hands out copies of what it keeps

    def predecessors(self, unit_id: int) -> list[Link]:
        return sorted(self._before.get(int(unit_id), []), key=lambda link: self.name(link.old))

    def successors(self, unit_id: int) -> list[Link]:
        return sorted(self._after.get(int(unit_id), []), key=lambda link: self.name(link.new))

    def valid_on(self, unit_id: int, day: date) -> bool:
        row = self.units[int(unit_id)]
        return as_date(row.valid_from) <= day and (
            pd.isna(row.valid_to) or day <= as_date(row.valid_to)
        )

    def existed_throughout(self, unit_id: int, first: date, last: date) -> bool:
        """Whether the unit covers the whole span (a unit starting on the data's first day, with no
        predecessor, counts as existing before it: the list starts there, the unit did not)."""
        return self._covers_itself(int(unit_id), first) and self.valid_on(unit_id, last)

    def _covers_itself(self, unit_id: int, day: date) -> bool:
        row = self.units[unit_id]
        if self.valid_on(unit_id, day):
            return True
        start = as_date(row.valid_from)
        return day < start and start == self.earliest and not self._before.get(unit_id)

    def pieces_on(self, unit_id: int, day: date) -> list[Piece] | None:
        """The units valid on `day` whose territory (or the share given) lies in the unit: the unit
        itself when it existed then. None when the history before it is unknown (no predecessor)."""
        unit_id = int(unit_id)
        if self._covers_itself(unit_id, day):
            return [Piece(unit_id, 1.0)]
        if day >= as_date(self.units[unit_id].valid_from):
            return None  # after it ended: its successors' business, not its history
        links = self._before.get(unit_id)
        if not links:
            return None
        found: dict[int, Piece] = {}
        for link in links:
            older = self.pieces_on(link.old, day)
            if older is None:
                return None
            for piece in older:
                share = (
                    None if piece.share is None or link.share is None else piece.share * link.share
                )
                unknown = piece.unknown_share + ((link,) if link.share is None else ())
                if piece.unit_id in found:  # reached along two paths: the shares add
                    seen = found[piece.unit_id]
                    share = None if seen.share is None or share is None else seen.share + share
                    unknown = seen.unknown_share + unknown
                found[piece.unit_id] = Piece(piece.unit_id, share, unknown)
        return sorted(found.values(), key=lambda p: self.name(p.unit_id))

    def is_identity(self, link: Link) -> bool:
        """A new version of the same territory (xã → thị trấn, a move to another district): the
        whole old unit and nothing else went into the new one."""
        return (
            link.kind == "full"
            and len(self._after.get(link.old, [])) == 1
            and len(self._before.get(link.new, [])) == 1
        )

    def same_territory(self, unit_id: int) -> list[int]:
        """The unit and the versions linked to it by identity links, either way, oldest first."""
        found, stack = {int(unit_id)}, [int(unit_id)]
        while stack:
            current = stack.pop()
            for link in self._before.get(current, []) + self._after.get(current, []):
                if self.is_identity(link):
                    for other in (link.old, link.new):
                        if other not in found:
                            found.add(other)
                            stack.append(other)
        return sorted(found, key=lambda u: as_date(self.units[u].valid_from))

    def changes_between(self, unit_id: int, first: date, last: date) -> list[date]:
        """Days in (first, last] on which the unit's make-up changed (a merger in its ancestry; a new
        version of the same territory is no change)."""
        days: set[date] = set()
        stack, seen = [int(unit_id)], set()
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            for link in self._before.get(current, []):
                if first < link.effective <= last and not self.is_identity(link):
                    days.add(link.effective)
                stack.append(link.old)
        return sorted(days)

    def name(self, unit_id: int) -> str:
        row = self.units.get(int(unit_id))
        return str(row.name) if row is not None else f"đơn vị {unit_id}"

    def label(self, unit_id: int) -> str:
        """The name, with its years when another unit of this graph (a scope's: what its reader can
        pick) has the same name ("Phường Bắc Hà (2016–2024)"): pickers and headings."""
        row = self.units[int(unit_id)]
        if str(row.name) not in self._shared_names:
            return str(row.name)
        return f"{row.name} ({span(row.valid_from, row.valid_to)})"

    def label_everywhere(self, unit_id: int) -> str:
        """The name, with its years when another unit of its province or lineage has the same name
        (`_versions_sharing_a_name`), whoever reads it: the texts of rebuilt figures, which the page
        summaries store once for every scope."""
        row = self.units[int(unit_id)]
        if int(unit_id) not in self._dated:
            return str(row.name)
        return f"{row.name} ({span(row.valid_from, row.valid_to)})"

    def table(self, unit_id: int) -> pd.DataFrame:
        """The unit's lineage: where it came from (`tiền thân`) and where it went (`kế thừa`), with
        share and resolution. Columns as `python -m indicators lineage` prints them."""
        me = self.units[int(unit_id)]
        rows = []
        for relation, links, other in (
            ("predecessor", self.predecessors(unit_id), lambda link: link.old),
            ("successor", self.successors(unit_id), lambda link: link.new),
        ):
            for link in links:
                row = self.units[other(link)]
                rows.append(
                    {
                        "unit_code": str(me.code),
                        "unit_name": self.label(unit_id),
                        "relation": relation,
                        "other_code": str(row.code),
                        "other_name": self.label(other(link)),
                        "share": link.share,
                        "valid_from": link.effective.isoformat(),
                        "source": "; ".join(s for s in (link.source, link.share_source) if s),
                    }
                )
        return pd.DataFrame(rows, columns=LINEAGE_COLUMNS)


LINEAGE_COLUMNS = [
    "unit_code",
    "unit_name",
    "relation",
    "other_code",
    "other_name",
    "share",
    "valid_from",
    "source",
]


def span(valid_from, valid_to) -> str:
    """ "2020–2024", "2025–nay", "1–6/2025" (a version that lived within one year)."""
    start = as_date(valid_from)
    if pd.isna(valid_to):
        return f"{start.year}–nay"
    end = as_date(valid_to)
    if start.year == end.year:
        return f"{start.month}–{end.month}/{start.year}"
    return f"{start.year}–{end.year}"


def lineage(con: Connection) -> Lineage:
    """The lineage graph of the store, built once per connection and reference version; a scope's
    is cut from its snapshot's, built once for all scopes."""
    return cut_from_snapshot(con, "lineage", lambda: reference_version(con), _build, Lineage.within)


def _links_within(links: dict[int, list[Link]], units: dict, other) -> dict[int, list[Link]]:
    kept = {}
    for unit in units:
        inside = [link for link in links.get(unit, ()) if other(link) in units]
        if inside:
            kept[unit] = inside
    return kept


def _build(con: Connection) -> Lineage:
    units = query(
        con,
        "SELECT unit_id, code, name, unit_type, parent_id, valid_from, valid_to FROM admin_units",
    )
    # only the links between units of this store or scope (a province's scope: ~700 of a national
    # list's 10,000; the rest would be read and dropped one by one)
    links = query(
        con,
        "SELECT * FROM unit_succession WHERE old_unit_id IN (SELECT unit_id FROM admin_units)"
        " AND new_unit_id IN (SELECT unit_id FROM admin_units)",
    )
    return Lineage(units, links, store_units.list_start(con))


def period_days(year: int, month_from: int, month_to: int) -> tuple[date, date]:
    """The first and last day of a period."""
    first = date(year, month_from, 1)
    last = (date(year + 1, 1, 1) if month_to == 12 else date(year, month_to + 1, 1)) - timedelta(
        days=1
    )
    return first, last


def as_date(value) -> date:
    return pd.Timestamp(value).date()


def _text(value) -> str | None:
    return (
        None
        if value is None or (isinstance(value, float) and pd.isna(value)) or value == ""
        else str(value)
    )


def _versions_sharing_a_name(units: dict, after: dict[int, list[Link]]) -> set[int]:
    """The units whose name another unit of the same province has or had (a province merged into
    another counts as the same, as do units joined by succession links): a ward list of one
    province may show both, so each says its years. Namesakes in other provinces (a Xã Phú Thanh
    elsewhere) are not dated: the same label whoever reads it, the whole country or one ward."""
    root = {u: u for u in units}

    def find(u: int) -> int:
        while root[u] != u:
            root[u] = root[root[u]]
            u = root[u]
        return u

    for old, links in after.items():
        for link in links:
            a, b = find(old), find(link.new)
            if a != b:
                root[a] = b

    parent_of = {u: int(r.parent_id) for u, r in units.items() if pd.notna(r.parent_id)}
    tops: dict[int, int] = {}

    def top(u: int) -> int:
        path = []
        while u not in tops and u in parent_of and parent_of[u] in units and u not in path:
            path.append(u)
            u = parent_of[u]
        found = tops.get(u, u)
        for v in path:
            tops[v] = found
        return found

    groups: dict[tuple, list[int]] = {}
    for u, row in units.items():
        name = str(row.name)
        groups.setdefault(("linked", name, find(u)), []).append(u)
        groups.setdefault(("province", name, find(top(u))), []).append(u)
    return {u for members in groups.values() if len(members) > 1 for u in members}
