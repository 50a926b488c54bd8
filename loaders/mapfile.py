"""Decisions for unknown names on the command line: `--map MAP.csv` (columns name,kind,code; code is a
catalog indicator code, an admin unit's GSO code, or `skip` = không theo dõi), the unknowns printed by
`check` with their candidates, and a MAP.csv template to fill in (`check --write-map`)."""

from __future__ import annotations

import csv
from pathlib import Path

from loaders.catalog import load_catalog
from loaders.unknowns import KINDS, SKIP, Decisions

ALIASES = {
    "chi_tieu": "indicator",
    "chỉ tiêu": "indicator",
    "indicator": "indicator",
    "don_vi": "unit",
    "đơn vị": "unit",
    "unit": "unit",
}


def read_map(path: str, con) -> Decisions | str:
    """The decisions of a MAP.csv, or a Vietnamese message saying what is wrong with it."""
    try:
        text = Path(path).read_text("utf-8-sig")
    except OSError as exc:
        return f"không mở được tệp {path} ({exc.strerror or exc})."
    except UnicodeDecodeError:
        return f"tệp {path} không ở mã UTF-8."
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames or not {"name", "kind", "code"} <= {
        f.strip() for f in reader.fieldnames
    }:
        return f"tệp {path} cần các cột name,kind,code."
    catalog = load_catalog(con)
    unit_codes = {u.code for u in catalog.units.values()}
    items = []
    for n, row in enumerate(reader, start=2):
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        name, kind, code = (
            row["name"],
            ALIASES.get(row["kind"].lower(), row["kind"].lower()),
            row["code"],
        )
        if not name:
            continue
        if kind not in KINDS:
            return f'{path} dòng {n}: kind "{row["kind"]}" phải là indicator hoặc unit.'
        if not code:
            return (
                f'{path} dòng {n}: chưa ghi code cho "{name}" (mã chỉ tiêu, mã đơn vị, hoặc skip).'
            )
        if code.lower() == SKIP:
            items.append((kind, name, SKIP))
        elif kind == "indicator":
            if code not in catalog.indicators.index:
                return f'{path} dòng {n}: không có chỉ tiêu mã "{code}" trong danh mục.'
            items.append((kind, name, code))
        else:
            if code not in unit_codes:
                return f'{path} dòng {n}: không có đơn vị hành chính mã "{code}".'
            items.append((kind, name, f"gso:{code}"))
    return Decisions.of(items)


def print_unknowns(results) -> None:
    """One line per unknown name of each file, with its cells and candidates, best first."""
    for r in results:
        for u in r.unknowns:
            what = "chỉ tiêu" if u.kind == "indicator" else "đơn vị"
            cells = ", ".join(u.cells[:4]) + (
                f" (+{len(u.cells) - 4} ô)" if len(u.cells) > 4 else ""
            )
            options = (
                "; ".join(f"{code} = {label}" for code, label in u.candidates[:4])
                or "không có tên gần giống"
            )
            print(f'{r.name}: chưa rõ [{u.kind}] {what} "{u.name}" ở {cells} — gợi ý: {options}')


def write_map_template(results, path: str) -> None:
    """A MAP.csv with every unknown name, its kind, an empty code to fill in and its candidates."""
    seen = set()
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "kind", "code", "candidates", "cells"])
        for r in results:
            for u in r.unknowns:
                if u.key in seen:
                    continue
                seen.add(u.key)
                candidates = " | ".join(f"{c} {label}" for c, label in u.candidates[:4])
                writer.writerow([u.name, u.kind, "", candidates, " ".join(u.cells[:10])])
