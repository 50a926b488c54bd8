"""The mapping step of an upload: every name the catalog does not know, listed once over all files
(with its cells and the closest candidates, best first), decided by the statistician — a catalog
indicator or unit, "Không theo dõi" (skip its rows, said in the upload report) or, for an
administrator, a new indicator. Nothing is guessed; nothing commits until every name is decided."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import streamlit as st

from indicators import catalog as cat
from loaders import catalog as loaders_catalog
from loaders.unknowns import SKIP, Decisions
from store import aliases as store_aliases
from store import audit
from ui import auth, data
from ui.text import md
from vn.text import collation_key

CHOOSE, NEW = "", "__new__"
NAME_CODES = ("unknown-indicator", "unknown-unit", "ambiguous-indicator", "ambiguous-unit")


def unknowns(results) -> list[dict]:
    """The unknown names of all files, once each: kind, name, key, cells ("file: Sheet!B12"), candidates."""
    merged: dict = {}
    for r in results:
        for u in r.unknowns:
            entry = merged.setdefault(
                u.key,
                {
                    "kind": u.kind,
                    "name": u.name,
                    "key": u.key,
                    "cells": [],
                    "candidates": list(u.candidates),
                    "ambiguous": u.ambiguous,
                    "measure": u.measure,
                },
            )
            entry["cells"] += [f"{r.name}: {c}" for c in u.cells]
    return list(merged.values())


def asked(result) -> set[tuple[str | None, str | None]]:
    """(sheet, cell) of the problems the mapping step asks about instead of listing them."""
    out = set()
    for u in result.unknowns:
        for ref in u.cells:
            sheet, _, cell = ref.rpartition("!")
            out.add((sheet or None, cell or None))
    return out


def other_problems(result) -> list:
    """The file's problems that are not a question of the mapping step."""
    covered = asked(result)
    return [
        p for p in result.problems if not (p.code in NAME_CODES and (p.sheet, p.cell) in covered)
    ]


def target_labels(con) -> dict[tuple[str, str], str]:
    """(kind, target) → what a decision points at, in words."""
    labels = {("indicator", SKIP): "Không theo dõi", ("unit", SKIP): "Không theo dõi"}
    indicators = cat.indicators(con)
    labels.update({("indicator", c): n for c, n in zip(indicators.code, indicators.name)})
    labels.update({("unit", str(u.unit_id)): u.name for u in cat.units(con).itertuples()})
    return labels


def decided_summary(decisions: Decisions, con, open_: bool = False) -> None:
    """The names decided in this upload so far, each with a way to choose it again (open when the
    files cannot be written yet: a choice may be the cause)."""
    if not decisions:
        return
    names = dict(zip(cat.indicators(con).code, cat.indicators(con).name))
    units = {str(u.unit_id): u.name for u in cat.units(con).itertuples()}
    with st.expander(f"Đã chọn cho {len(decisions)} tên", icon=":material/rule:", expanded=open_):
        for n, ((kind, name_key), target) in enumerate(sorted(decisions.items())):
            shown = (
                "không theo dõi"
                if target == SKIP
                else names.get(target) or units.get(target) or target
            )
            left, right = st.columns([5, 1], vertical_alignment="center")
            left.markdown(f"{md(decisions.names.get((kind, name_key), name_key))} → {md(shown)}")
            if right.button(
                "Chọn lại",
                key=f"mapping_again_{n}_{_widget_key({'kind': kind, 'key': (kind, name_key)})}",
            ):
                st.session_state["upload_decisions"] = decisions.without({(kind, name_key)})
                st.rerun()
        if st.button("Chọn lại từ đầu", key="mapping_reset"):
            st.session_state["upload_decisions"] = Decisions()
            st.rerun()


def _slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")[:40] or "chi_tieu_moi"


def _widget_key(entry: dict) -> str:
    # a readable start and a digest of the whole name: two long names may begin alike
    digest = hashlib.sha1(entry["key"][1].encode("utf-8")).hexdigest()[:8]
    return "map_" + entry["kind"] + "_" + _slug(entry["key"][1])[:32] + "_" + digest


def _may_edit_catalog() -> bool:
    signed_in = st.session_state.get("user")
    return signed_in is not None and signed_in.may("catalog")


def step(con, results, user: str | None) -> Decisions | None:
    """Draw the mapping step. Returns the decisions when every unknown name has one, else None (and
    an empty Decisions when no file has an unknown name)."""
    pending = unknowns(results)
    if not pending:
        return Decisions()
    st.subheader(f"Tên chưa có trong danh mục ({len(pending)})")
    st.caption(
        "Chọn chỉ tiêu/đơn vị đúng cho mỗi tên (gợi ý gần nhất xếp trước), hoặc **Không theo dõi** để bỏ qua "
        "các dòng đó. Lựa chọn được lưu lại: lần tải sau, tên này được nhận ngay."
    )
    indicators = cat.indicators(con)
    units = cat.units(con)
    names = dict(zip(indicators.code, indicators.name))
    measure_of = dict(zip(indicators.code, indicators.measure))
    measure_names = dict(zip(indicators.code, indicators.measure_name))
    catalog = loaders_catalog.load_catalog(con)
    unit_names = {
        str(u.unit_id): f"{u.name} ({u.valid_from:%Y}–{u.valid_to:%Y})"
        if u.valid_to is not None and u.valid_to == u.valid_to
        else f"{u.name} (từ {u.valid_from:%Y})"
        for u in units.itertuples()
    }
    decided = []
    for entry in pending:
        fits = (
            _measure_fits(catalog, entry.get("measure") or "", measure_of)
            if entry["kind"] == "indicator"
            else None
        )
        options, labels = _options(entry, names, unit_names, measure_names, fits)
        what = "Chỉ tiêu" if entry["kind"] == "indicator" else "Đơn vị"
        cells = ", ".join(entry["cells"][:4]) + (
            f" và {len(entry['cells']) - 4} ô khác" if len(entry["cells"]) > 4 else ""
        )
        key = _widget_key(entry)
        if (
            key + "_added" in st.session_state
        ):  # a new indicator was just added for this name: select it
            st.session_state[key] = st.session_state.pop(key + "_added")
        with st.container(
            border=True, key=key + "_box"
        ):  # .st-key-map_…_box (browser tests find it)
            st.markdown(f"**{what}:** {md(entry['name'])}  \n:gray[{md(cells)}]")
            choice = st.selectbox(
                f"{what} trong danh mục cho “{md(entry['name'])}”",
                options,
                format_func=labels.get,
                key=_widget_key(entry),
                label_visibility="collapsed",
            )
            if choice == NEW and _may_edit_catalog():
                _new_indicator(con, entry, user)
            elif choice != CHOOSE:
                decided.append((entry["kind"], entry["name"], choice))
    if len(decided) < len(pending):
        st.warning(
            f"Còn {len(pending) - len(decided)} tên chưa chọn. Chưa thể ghi vào kho dữ liệu."
        )
        return None
    return Decisions.of(decided)


def _measure_fits(catalog, written: str, measure_of: dict) -> set | None:
    """The indicators whose measure the file's ĐVT converts to (None when the file writes no ĐVT)."""
    source = catalog.match_measure(written) if written else None
    if source is None:
        return None
    return {code for code, m in measure_of.items() if catalog.factor(source, m) is not None}


def _options(
    entry: dict,
    names: dict,
    unit_names: dict,
    measure_names: dict | None = None,
    fits: set | None = None,
) -> tuple[list[str], dict[str, str]]:
    """The choices for one name: the candidates first (those whose measure the file's ĐVT cannot convert
    to go after the others and say so), then "Không theo dõi", then the whole catalog A–Z (Vietnamese
    order), each with its measure."""
    labels = {CHOOSE: "— Chọn —", SKIP: "Không theo dõi (bỏ qua các dòng này)"}
    best = [code for code, _ in entry["candidates"]]
    if entry["kind"] == "indicator":
        measure_names = {
            c: m for c, m in (measure_names or {}).items() if m and m.strip() not in ("-", "—")
        }
        written = entry.get("measure") or ""
        if fits is not None:
            best = [c for c in best if c in fits] + [c for c in best if c not in fits]
        for code in best:
            unit = f" ({measure_names[code]})" if measure_names.get(code) else ""
            clash = (
                f" — ĐVT khác “{written}” của tệp"
                if fits is not None and code not in fits
                else " — gợi ý"
            )
            labels[code] = f"{names.get(code, code)}{unit}{clash}"
        rest = sorted((c for c in names if c not in best), key=lambda c: collation_key(names[c]))
        labels.update(
            {c: names[c] + (f" ({measure_names[c]})" if measure_names.get(c) else "") for c in rest}
        )
        if not _may_edit_catalog():  # a new indicator is for the whole province: administrators
            return [CHOOSE, *best, SKIP, *rest], labels
        labels[NEW] = "Thêm chỉ tiêu mới… (thêm ngay vào danh mục)"
        return [CHOOSE, *best, SKIP, *rest, NEW], labels
    for uid in best:
        labels[uid] = f"{unit_names.get(uid, uid)} — gợi ý"
    rest = sorted(
        (u for u in unit_names if u not in best), key=lambda u: collation_key(unit_names[u])
    )
    labels.update({u: unit_names[u] for u in rest})
    return [CHOOSE, *best, SKIP, *rest], labels


def _new_indicator(con, entry: dict, user: str | None) -> None:
    """An administrator adds the name as a new catalog indicator (stored with who and when)."""
    measures = cat.measures(con)
    groups = cat.groups(con)
    key = _widget_key(entry)
    with st.form(key + "_new"):
        st.markdown(
            "**Thêm chỉ tiêu mới vào danh mục.** Chỉ tiêu được thêm ngay khi bấm nút (trước khi ghi số liệu); "
            "nếu chưa có số liệu, gỡ được ở Danh mục → Tên gọi đã học."
        )
        code = st.text_input(
            "Mã (không dấu, không cách)", value=_slug(entry["name"]), key=key + "_code"
        )
        name = st.text_input("Tên chỉ tiêu", value=entry["name"], key=key + "_name")
        codes = list(measures.code)
        written = loaders_catalog.load_catalog(con).match_measure(
            entry.get("measure") or ""
        )  # the file's ĐVT first
        measure = st.selectbox(
            "Đơn vị tính",
            codes,
            format_func=dict(zip(measures.code, measures.name)).get,
            index=codes.index(written) if written in codes else codes.index("none"),
            key=key + "_measure",
        )
        group = st.selectbox(
            "Lĩnh vực",
            list(groups.code),
            format_func=dict(zip(groups.code, groups.name)).get,
            key=key + "_group",
        )
        direction = st.radio(
            "Chiều tốt",
            ["higher", "lower"],
            horizontal=True,
            key=key + "_direction",
            format_func={"higher": "Càng cao càng tốt", "lower": "Càng thấp càng tốt"}.get,
        )
        aggregation = st.radio(
            "Tổng hợp lên cấp trên",
            ["sum", "none"],
            horizontal=True,
            key=key + "_aggregation",
            format_func={"sum": "Cộng các đơn vị", "none": "Không cộng (tỷ lệ, bình quân)"}.get,
        )
        if st.form_submit_button("Thêm vào danh mục"):
            if not _may_edit_catalog():
                st.error("Chỉ quản trị mới thêm được chỉ tiêu vào danh mục.")
                return
            problem = _check_new(con, code, name)
            if problem:
                st.error(problem)
                return
            try:
                with data.writing() as w:
                    store_aliases.add_indicator(
                        w,
                        {
                            "code": code,
                            "name": name.strip(),
                            "measure": measure,
                            "group_code": group,
                            "direction": direction,
                            "aggregation": aggregation,
                            "value_type": "level" if aggregation == "sum" else "rate",
                        },
                        user=user,
                        file_name=entry["cells"][0].split(":")[0] if entry["cells"] else None,
                    )
            except (
                Exception
            ) as exc:  # a code taken meanwhile, a store that refused: said plainly, nothing written
                st.error(
                    f"Không thêm được chỉ tiêu ({type(exc).__name__}). Hãy thử lại với mã khác."
                )
                return
            audit.record(
                user or "",
                "catalog",
                f"thêm chỉ tiêu {code}: {name.strip()}",
                count=1,
                address=auth.address(),
                store=data.store_path(),
            )
            st.session_state[key + "_added"] = code
            st.rerun()


def _check_new(con, code: str, name: str) -> str | None:
    if not re.fullmatch(r"[a-z][a-z0-9_]{1,39}", code or ""):
        return "Mã chỉ gồm chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ dien_tich_nuoi_trong)."
    if code in set(cat.indicators(con).code):
        return f'Mã "{code}" đã có trong danh mục.'
    if not name.strip():
        return "Hãy ghi tên chỉ tiêu."
    return None
