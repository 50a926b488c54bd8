"""Year, period and unit pickers kept in the URL (st.query_params), so a refresh or a shared link
keeps them: ?year=2026&period=1-9&unit=<unit_id>[&boundaries=reported].

The period comes first because it decides the units: the unit list holds the units in force at the
period's end (a 2024 period lists the wards of 2024, a 2026 one today's), and the landing choice is
the most recent period with data in the user's scope and the highest unit holding figures of it."""

from __future__ import annotations

import streamlit as st

from indicators import lineage, queries
from reports.unit_view import Selection
from store import Connection
from ui import data, share, warmup
from vn.periods import Period, period_label

BOUNDARIES_PARAM = "boundaries"  # ?boundaries=reported: figures only as each unit reported them
BOUNDARY_LABELS = {
    queries.CURRENT_BOUNDARIES: "Theo địa giới hiện nay",
    queries.AS_REPORTED: "Theo số liệu báo cáo",
}


def _param(name: str) -> str | None:
    value = st.query_params.get(name)
    return str(value) if value is not None else None


def _pick(
    label: str, options: list, labels: dict, param: str, key: str, container, default: int = 0
) -> object:
    wanted = _param(param)
    index = default
    for i, option in enumerate(options):
        if str(option) == wanted:
            index = i
            break
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]  # a choice of another period's list (a ward dissolved since)
    choice = container.selectbox(
        label, options, index=index, format_func=lambda o: labels.get(o, str(o)), key=key
    )
    if _param(param) != str(choice):
        st.query_params[param] = str(choice)
    return choice


def unit_year_period(con: Connection, container=None) -> Selection | None:
    """Draw the pickers (in the sidebar by default). None when the store holds no data."""
    box = container or st.sidebar
    periods = queries.all_periods(con)
    if periods.empty:
        return None
    box.markdown("**Bộ lọc**")
    years = sorted({int(y) for y in periods.year}, reverse=True)
    year = int(_pick("Năm", years, {}, "year", "flt_year", box))
    in_year = periods[periods.year == year]
    options = [f"{int(r.month_from)}-{int(r.month_to)}" for r in in_year.itertuples()]
    labels = {o: period_label(*map(int, o.split("-"))) for o in options}
    key = str(_pick("Kỳ báo cáo", options, labels, "period", "flt_period", box))
    period = Period.from_key(year, key)
    units = queries.units_in_force(con, period)
    if units.empty:
        box.caption("Không có đơn vị nào có số liệu trong kỳ này.")
        return None
    lin = lineage.lineage(con)
    ids = [int(u) for u in units.unit_id]
    names = _labels(lin, units)
    unit_id = int(
        _pick("Đơn vị", ids, names, "unit", "flt_unit", box, default=_landing(con, units, period))
    )
    boundaries = boundaries_choice(box)
    share.copy_link(box)
    row = units[units.unit_id == unit_id].iloc[0]
    sel = Selection(unit_id, lin.label(unit_id), period, row["unit_type"], boundaries)
    warmup.seen(data.store_path(), con, sel)  # read again ahead of the next publish's first view
    return sel


def boundaries_choice(box) -> str:
    """The switch between figures on today's boundaries (rebuilt from predecessors where a unit did
    not exist yet, marked) and figures only as reported; kept in the URL."""
    wanted = _param(BOUNDARIES_PARAM)
    current = wanted if wanted in BOUNDARY_LABELS else queries.CURRENT_BOUNDARIES
    choice = box.radio(
        "Số liệu trước sáp nhập",
        list(BOUNDARY_LABELS),
        index=list(BOUNDARY_LABELS).index(current),
        format_func=BOUNDARY_LABELS.get,
        key="flt_boundaries",
        help=(
            "Theo địa giới hiện nay: số liệu của kỳ trước khi đơn vị được thành lập tính lại từ các "
            "đơn vị cũ trên địa bàn (được đánh dấu). Theo số liệu báo cáo: chỉ số đơn vị tự báo cáo."
        ),
    )
    if choice == queries.CURRENT_BOUNDARIES and wanted is not None:
        del st.query_params[BOUNDARIES_PARAM]
    elif choice != queries.CURRENT_BOUNDARIES and wanted != choice:
        st.query_params[BOUNDARIES_PARAM] = choice
    return str(choice)


def _landing(con: Connection, units, period: Period) -> int:
    """The first unit (parents first) that holds figures of the period itself."""
    own = set(queries.units_with_values(con, [int(u) for u in units.unit_id], period))
    for i, unit_id in enumerate(units.unit_id):
        if int(unit_id) in own:
            return i
    return 0


def _labels(lin: lineage.Lineage, units) -> dict[int, str]:
    """Unit names, with their years when another version shares the name, and with the parent when
    two units of the list still read the same (communes of the same name in two districts)."""
    labels = {int(u): lin.label(int(u)) for u in units.unit_id}
    seen: dict[str, int] = {}
    for text in labels.values():
        seen[text] = seen.get(text, 0) + 1
    for row in units.itertuples():
        text = labels[int(row.unit_id)]
        if seen[text] > 1 and row.parent_id in lin.units:
            labels[int(row.unit_id)] = f"{text} — {lin.name(int(row.parent_id))}"
    return labels


def link_params(sel: Selection, **extra: str) -> dict[str, str]:
    """The URL parameters that open another page on the same unit, period and boundaries."""
    params = {"unit": str(sel.unit_id), "year": str(sel.year), "period": sel.period.key}
    if sel.boundaries != queries.CURRENT_BOUNDARIES:
        params[BOUNDARIES_PARAM] = sel.boundaries
    return {**params, **extra}
