"""Names in a sheet → catalog codes and unit ids, with the statistician's decisions applied first and
every unknown name logged once with its cells and candidates (loaders.unknowns)."""

from __future__ import annotations

import re
from datetime import date

from loaders.catalog import Catalog
from loaders.messages import unknown_indicator, unknown_unit
from loaders.names import clean_label
from loaders.problems import Problem
from loaders.unknowns import SKIP, Decisions, UnknownLog, decision_key
from vn.text import fold

_CRITERION_WORDS = re.compile(r"\btieu chi\b|\btc\s*\d|\btieu chuan\b|\bdiem\b")


class NameResolver:
    def __init__(
        self,
        catalog: Catalog,
        decisions: Decisions | None,
        log: UnknownLog | None,
        file: str,
        sheet: str,
        problems: list[Problem],
    ):
        self.catalog, self.decisions = catalog, decisions or Decisions()
        self.log = log if log is not None else UnknownLog()
        self.file, self.sheet, self.problems = file, sheet, problems

    def _decided(self, kind: str, name: str, cell: str) -> str | None:
        target = self.decisions.get_for(kind, name)
        remembered = target is None and decision_key(kind, name) in self.catalog.skipped
        if remembered:
            target = SKIP
        if target == SKIP:
            self.log.skip(kind, name, f"{self.sheet}!{cell}", remembered)
        return target

    def indicator(
        self,
        name: str,
        cell: str,
        parent: str | None = None,
        report: bool = True,
        narrow=None,
        measure: str = "",
    ) -> str | None:
        """The indicator code, SKIP, or None (unknown or ambiguous: logged and, with `report`, a problem)."""
        decided = self._decided("indicator", name, cell)
        if decided == SKIP:
            return SKIP
        if decided is not None and decided in self.catalog.indicators.index:
            self.log.used("indicator", name, decided)
            return decided
        found = self.catalog.match_indicator(name, parent)
        if narrow is not None:
            found = narrow(found, name)
        if len(found) == 1:
            return next(iter(found))
        if report:
            self.report_indicator(name, cell, found, measure)
        return None

    def report_indicator(
        self, name: str, cell: str, found: set | None = None, measure: str = ""
    ) -> None:
        found = found or set()
        if len(found) > 1:
            candidates = sorted(found)
        else:
            candidates = self.catalog.indicator_matcher.ranked(name, 8)
            if not _CRITERION_WORDS.search(
                fold(name)
            ):  # a criterion (a 0/1 mark) is offered only for a criterion-like name
                crit = self.catalog.criterion_codes
                candidates = [c for c in candidates if c not in crit]
            candidates = candidates[:5]
        labels = [(c, self.catalog.indicators.at[c, "name"]) for c in candidates]
        name = (
            clean_label(name) or name
        )  # asked as "Xuất khẩu lao động", not "+ Trong đó: Xuất khẩu lao động"
        self.log.add(
            "indicator",
            name,
            f"{self.sheet}!{cell}",
            labels,
            ambiguous=len(found) > 1,
            measure=measure,
        )
        self.problems.append(
            unknown_indicator(
                self.file,
                self.sheet,
                cell,
                name,
                self.catalog,
                ambiguous=found if len(found) > 1 else None,
                suggestions=[label for _, label in labels],
            )
        )

    def unit(
        self,
        name: str,
        cell: str,
        when: date,
        since: date | None = None,
        parent: int | None = None,
        report: bool = True,
    ) -> int | str | None:
        """The unit id, SKIP, or None (unknown or ambiguous: logged and, with `report`, a problem)."""
        decided = self._decided("unit", name, cell)
        if decided == SKIP:
            return SKIP
        if decided is not None and decided.startswith("gso:"):  # a unit's GSO code (from a MAP.csv)
            code = decided[4:]
            ids = [
                u.unit_id
                for u in self.catalog.units.values()
                if u.code == code and u.valid_at(when)
            ] or [
                u.unit_id
                for u in self.catalog.units.values()
                if u.code == code and since and u.valid_during(since, when)
            ]
            decided = str(ids[0]) if len(ids) == 1 else None
        if decided is not None and decided.isdigit() and int(decided) in self.catalog.units:
            self.log.used("unit", name, decided)
            return int(decided)
        valid, others = self.catalog.match_unit(name, when, parent, since)
        if len(valid) == 1:
            return valid[0]
        if report:
            self.report_unit(name, cell, when, valid, others)
        return None

    def report_unit(self, name: str, cell: str, when: date, valid=(), others=()) -> None:
        catalog = self.catalog
        if len(valid) > 1:
            ids = list(valid)
        else:
            ids = list(others) + [i for i in _suggested_ids(catalog, name, when) if i not in others]
        labels = [(str(i), _unit_label(catalog, i)) for i in ids[:6]]
        self.log.add("unit", name, f"{self.sheet}!{cell}", labels, ambiguous=len(valid) > 1)
        self.problems.append(
            unknown_unit(
                self.file, self.sheet, cell, name, catalog, list(valid), list(others), when
            )
        )


def _unit_label(catalog: Catalog, unit_id: int) -> str:
    u = catalog.units[unit_id]
    end = f"{u.valid_to:%Y}" if u.valid_to else "nay"
    return f"{u.name} ({u.valid_from:%Y}–{end})"


def _suggested_ids(catalog: Catalog, name: str, when: date) -> list[int]:
    """Unit ids behind the names `unit_suggestions` offers, valid at `when` first."""
    names = [n.split(" (")[0] for n in catalog.unit_suggestions(name, when, n=4)]
    out: list[int] = []
    for n in names:
        ids = sorted(
            (u.unit_id for u in catalog.units.values() if u.name == n),
            key=lambda i: (not catalog.units[i].valid_at(when), i),
        )
        out.extend(i for i in ids if i not in out)
    return out
