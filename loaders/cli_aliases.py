"""`python -m loaders aliases list|add|remove|export`: the names learnt from uploads (store.aliases),
listed, added by hand, removed, or written back in data/catalog form (aliases.toml and
local_indicators.toml) so they can be kept with the catalog files."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from loaders.catalog import load_catalog
from loaders.unknowns import KINDS, SKIP, decision_key

ADD_HELP = "mã chỉ tiêu (indicator), mã đơn vị hành chính GSO (unit), hoặc skip (không theo dõi)"


def add_alias_commands(sub) -> None:
    p = sub.add_parser("aliases", help="tên gọi đã học từ các lần nạp (liệt kê, thêm, xóa, xuất)")
    p.add_argument("action", choices=["list", "add", "remove", "export"])
    p.add_argument("name", nargs="?", help="tên như ghi trong biểu (add, remove)")
    p.add_argument("code", nargs="?", help=ADD_HELP)
    p.add_argument(
        "--kind", choices=list(KINDS), default="indicator", help="indicator (mặc định) hoặc unit"
    )
    p.add_argument("--db", help="kho dữ liệu (mặc định $CHITIEU_DB hoặc data/chitieu.duckdb)")
    p.add_argument("--user", help="người thêm (add)")
    p.add_argument(
        "--out",
        help="thư mục ghi aliases.toml và local_indicators.toml (export; mặc định in ra màn hình)",
    )


def cmd_aliases(args) -> int:
    from loaders.cli import _open, _say
    from store import published
    from store.connection import StoreError, db_path

    if args.action in ("list", "export"):
        con = _open(args.db)
        if con is None:
            return 1
        return _list(con) if args.action == "list" else _export(con, args.out)
    if not args.name:
        print(
            'lỗi: cần ghi tên (ví dụ: aliases add "Tổng GT sản xuất" gtsx_tong).',
            file=sys.stderr,
        )
        return 2
    try:
        with published.writing(db_path(args.db) if args.db else None, on_wait=_say) as con:
            return _change(con, args)
    except StoreError as exc:
        print(f"lỗi: {exc.title} — {exc.detail}", file=sys.stderr)
        return 1


def _change(con, args) -> int:
    from loaders.cli import _whoami
    from store import aliases as store_aliases

    kind, name_key = decision_key(args.kind, args.name)
    if args.action == "remove":
        n = store_aliases.remove_alias(con, kind, name_key)
        if not n:
            print(f'lỗi: không có tên gọi "{args.name}" ({kind}) đã lưu.', file=sys.stderr)
            return 2
        print(f'Đã xóa tên gọi "{args.name}".', file=sys.stderr)
        return 0
    target = _target(con, kind, args.code)
    if target is None:
        print(f'lỗi: mã "{args.code}" không có trong danh mục ({ADD_HELP}).', file=sys.stderr)
        return 2
    store_aliases.add_alias(
        con,
        {"kind": kind, "name": args.name, "name_key": name_key, "target": target},
        user=args.user or _whoami(),
    )
    print(f'Đã lưu: "{args.name}" → {target}.', file=sys.stderr)
    return 0


def _target(con, kind: str, code: str | None) -> str | None:
    if not code:
        return None
    if code.lower() == SKIP:
        return SKIP
    catalog = load_catalog(con)
    if kind == "indicator":
        return code if code in catalog.indicators.index else None
    ids = sorted((u for u in catalog.units.values() if u.code == code), key=lambda u: u.valid_from)
    return (
        str(ids[-1].unit_id) if ids else None
    )  # the latest unit of that code; its name covers the others


def _label(catalog, kind: str, target: str) -> tuple[str, str]:
    if target == SKIP:
        return SKIP, "không theo dõi"
    if kind == "indicator":
        name = catalog.indicators.at[target, "name"] if target in catalog.indicators.index else "?"
        return target, name
    unit = catalog.units.get(int(target)) if target.isdigit() else None
    return (unit.code, unit.name) if unit else (target, "?")


def _list(con) -> int:
    from store import aliases as store_aliases

    catalog = load_catalog(con)
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(
        [
            "kind",
            "name",
            "code",
            "target_name",
            "created_by",
            "created_at",
            "file_name",
            "upload_id",
        ]
    )
    for row in store_aliases.aliases(con).itertuples(index=False):
        code, label = _label(catalog, row.kind, row.target)
        upload = (
            "" if row.upload_id is None or row.upload_id != row.upload_id else int(row.upload_id)
        )
        writer.writerow(
            [
                row.kind,
                row.name,
                code,
                label,
                _text(row.created_by),
                f"{row.created_at:%Y-%m-%d %H:%M}",
                _text(row.file_name),
                upload,
            ]
        )
    return 0


def _text(value: object) -> str:
    return "" if value is None or value != value else str(value)


def _q(text: object) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def export_toml(con) -> tuple[str, str]:
    """(aliases.toml, local_indicators.toml) texts in the catalog's own form."""
    from store import aliases as store_aliases

    lines = [
        "# Names learnt from uploads (python -m loaders aliases export). Read by the reference sync into the",
        "# store's name_aliases when no alias of that key exists there. target: indicator code, unit_id or skip.",
        "",
    ]
    for row in store_aliases.aliases(con).itertuples(index=False):
        source = f"{_text(row.created_by) or '?'}, {row.created_at:%d/%m/%Y}, {_text(row.file_name) or 'added by hand'}"
        lines += [
            "[[alias]]",
            f"kind = {_q(row.kind)}",
            f"name = {_q(row.name)}",
            f"name_key = {_q(row.name_key)}",
            f"target = {_q(row.target)}",
            f"source = {_q(source)}",
            "",
        ]
    added = [
        "# Indicators added by an administrator from the upload page (python -m loaders aliases export).",
        "",
    ]
    for row in store_aliases.additions(con).itertuples(index=False):
        added += [
            "[[indicator]]",
            f"code = {_q(row.code)}",
            f"name = {_q(row.name)}",
            "aliases = []",
            f"measure = {_q(row.measure)}",
            f"group = {_q(row.group_code)}",
            f"direction = {_q(row.direction)}",
            f"aggregation = {_q(row.aggregation)}",
            f"value_type = {_q(row.value_type)}",
        ]
        for field, value in (("min", row.min_value), ("max", row.max_value)):
            if value is not None and value == value:
                added.append(f"{field} = {value:g}")
        source = f"added by {_text(row.created_by) or '?'} on {row.created_at:%d/%m/%Y} ({_text(row.file_name)})"
        added += [f"source = {_q(source)}", ""]
    return "\n".join(lines), "\n".join(added)


def _export(con, out: str | None) -> int:
    aliases_text, indicators_text = export_toml(con)
    if not out:
        sys.stdout.write(aliases_text + "\n" + indicators_text)
        return 0
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "aliases.toml").write_text(aliases_text, "utf-8")
    (folder / "local_indicators.toml").write_text(indicators_text, "utf-8")
    print(
        f"Đã ghi {folder / 'aliases.toml'} và {folder / 'local_indicators.toml'}.", file=sys.stderr
    )
    return 0
