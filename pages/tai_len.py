"""Tải dữ liệu lên: drop report files → detected layout and preview → problems with their cells →
commit (all files in one transaction) → upload history with rollback; blank templates."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import loaders
from indicators import catalog
from loaders import templates
from loaders.scope_check import out_of_scope
from loaders.unknowns import Decisions, decision_key
from store import accounts, aliases, approvals, audit, demo, regions, scope, uploads
from ui import auth, data, errors, layout, mapping, problems
from ui.text import md
from vn.numbers import number

con = layout.page("Tải dữ liệu lên", icon="⬆️")  # the user's scope: history, templates
user = auth.user()
full = data.connection()  # the whole catalog: names of units outside the scope are still known
allowed = set(scope.unit_ids(full, user.units))
# names in a file are matched among the units of the uploader's provinces: in a deployment serving
# several, "Phường Trần Phú" is the one of the province the statistician works for
provinces = regions.of_units(full, user.units)
scope_label = scope.names(full, user.units)


def _audit(action: str, detail: str = "", **fields) -> None:
    audit.record(
        user.username, action, detail, address=auth.address(), store=data.store_path(), **fields
    )


def _upload_in_scope(upload_id: int) -> bool:
    """Every unit an upload wrote is in the user's scope (a ward cannot undo a city's upload)."""
    units = uploads.units_of(full, upload_id)
    return set(units) <= allowed


@st.dialog("Xác nhận")
def confirm_undo(upload: pd.Series, action: str) -> None:
    """Names the upload it acts on and asks before acting (a rollback is easy to aim wrong)."""
    n = int(upload.n_observations)
    what = f"**#{upload.upload_id} — {md(upload.file_name)}**, {upload.uploaded_at:%d/%m/%Y %H:%M}, {number(n)} số liệu"
    if action == "rollback":
        st.markdown(
            f"Hoàn tác lần tải lên {what}? Số liệu của lần này bị gỡ; giá trị trước đó (nếu có) "
            "được khôi phục. Có thể áp dụng lại sau."
        )
        label, verb, act = "Hoàn tác", "hoàn tác", uploads.rollback_upload
    else:
        st.markdown(
            f"Áp dụng lại lần tải lên {what}? Số liệu của lần này trở lại có hiệu lực "
            "(trừ những số đã được lần tải sau thay)."
        )
        label, verb, act = "Áp dụng lại", "áp dụng lại", uploads.reapply_upload
    left, right = st.columns(2)
    if left.button(label, type="primary", key="undo_confirm", width="stretch"):
        now = accounts.by_id(user.user_id, data.store_path())  # a dialog reruns on its own
        if (
            now is None
            or now.disabled
            or now.session_epoch != user.session_epoch
            or not now.may("rollback")
            or not _upload_in_scope(int(upload.upload_id))
        ):
            _audit("refused", f"{verb} #{upload.upload_id}", upload_id=int(upload.upload_id))
            st.error(
                f"Tài khoản {md(user.display_name)} không được {verb} lần tải lên này: nó ghi số "
                "liệu của đơn vị ngoài phạm vi được giao."
            )
            return
        with errors.guarded(f"Không {verb} được lần tải lên #{upload.upload_id}"):
            try:
                with data.writing() as w:
                    touched = act(w, int(upload.upload_id))
            except approvals.Locked as exc:  # approved values stay until unlocked
                _audit(
                    "refused",
                    f"{verb} #{upload.upload_id}: đã duyệt",
                    upload_id=int(upload.upload_id),
                )
                st.error(exc.title)
                return
            _audit(
                "rollback" if action == "rollback" else "reapply",
                str(upload.file_name),
                upload_id=int(upload.upload_id),
                count=int(touched),
            )
            st.session_state["rollback_message"] = (
                f"Đã {verb} lần tải lên #{upload.upload_id}: {number(touched)} số liệu được cập nhật."
            )
            st.rerun()
    if right.button("Thôi", key="undo_cancel", width="stretch"):
        st.rerun()


tab_load, tab_history, tab_templates = st.tabs(
    ["Nạp biểu báo cáo", "Lịch sử tải lên", "Biểu mẫu trống"]
)
STATUS = {"committed": "Đã nạp", "demo": "Dữ liệu mẫu", "rolled_back": "Đã hoàn tác"}

with tab_load:
    st.markdown(
        "Chọn một hoặc nhiều tệp **.xlsx, .xls, .ods, .csv** (tối đa 20 MB mỗi tệp). Hệ thống tự nhận dạng "
        "biểu, kiểm tra từng ô và chỉ ghi khi **mọi tệp đều không có lỗi**."
    )
    st.caption(
        f"Người tải lên: **{md(user.display_name)}** ({user.username}) — chỉ ghi được số liệu của: "
        f"{md(scope_label)}."
    )
    layout.vietnamese_uploader()
    files = st.file_uploader(
        "Tệp báo cáo",
        type=["xlsx", "xlsm", "xls", "ods", "csv", "txt"],
        accept_multiple_files=True,
        key=f"uploader_{st.session_state.get('upload_round', 0)}",
    )
    parsed = st.session_state.setdefault("parsed_files", {})
    decisions = st.session_state.get("upload_decisions") or Decisions()
    token = tuple(sorted(decisions.items()))
    results = []
    for f in files or []:
        cached = parsed.get(f.file_id)
        if (
            cached is None or cached[0] != token
        ):  # parsed again once names are decided (a second or so)
            bar = st.progress(
                0.0, text=f"Đang đọc {md(f.name)}…"
            )  # labels are markdown: a file name is text
            result = loaders.parse_isolated(  # in a worker: no file can stop the server
                f.name,
                f.getvalue(),
                full,
                decisions=decisions or None,
                progress=lambda x, msg: bar.progress(min(max(x, 0.0), 1.0), text=md(msg)),
                within=provinces,
            )
            bar.empty()
            result.problems += loaders.earlier_copies(con, result)  # earlier uploads in scope only
            result.problems += out_of_scope(result, allowed, user.username, scope_label)
            parsed[f.file_id] = cached = (token, result)
        results.append(cached[1])
    file_ids = {f.file_id for f in files or []}
    if decisions and file_ids != st.session_state.get("upload_file_ids"):
        # choices belong to the files on the page: a removed file takes its names' choices with it
        applied = {decision_key(kind, name) for r in results for kind, name, _ in r.decisions}
        pending = {u.key for r in results for u in r.unknowns}
        stale = set(decisions) - applied - pending
        if stale:
            st.session_state["upload_decisions"] = decisions = decisions.without(stale)
    st.session_state["upload_file_ids"] = file_ids
    for result in results:
        icon = ":material/check_circle:" if result.ok else ":material/error:"
        file_errors = [p for p in mapping.other_problems(result) if p.is_error]
        asking = f", {len(result.unknowns)} tên chưa có trong danh mục" if result.unknowns else ""
        with st.expander(
            f"{md(result.name)} — {len(result.observations)} số liệu, {len(file_errors)} lỗi{asking}, "
            f"{len(result.warnings)} cảnh báo",
            expanded=bool(file_errors) or len(results) == 1,
            icon=icon,
        ):
            if result.layouts:
                st.dataframe(
                    pd.DataFrame(
                        [
                            {
                                "Trang tính": s.sheet,
                                "Dạng biểu": s.description,
                                "Đơn vị": s.unit or "",
                                "Số liệu": s.n_observations,
                            }
                            for s in result.layouts
                        ]
                    ),
                    hide_index=True,
                    width="stretch",
                )
            problems.show(mapping.other_problems(result))  # unknown names are asked about below
            if len(result.observations):
                preview = result.observations[
                    [
                        "indicator_name",
                        "unit_name",
                        "period",
                        "kind_label",
                        "source_value",
                        "source_measure",
                        "source_cell",
                    ]
                ].copy()
                preview["source_value"] = preview["source_value"].map(number)
                st.dataframe(
                    preview.rename(
                        columns={
                            "indicator_name": "Chỉ tiêu",
                            "unit_name": "Đơn vị",
                            "period": "Kỳ",
                            "kind_label": "Loại",
                            "source_value": "Giá trị",
                            "source_measure": "ĐVT",
                            "source_cell": "Ô",
                        }
                    ),
                    hide_index=True,
                    width="stretch",
                    height=min(300, 35 * (len(preview) + 1) + 3),
                )
    if results:
        blocked = [r.name for r in results if any(p.is_error for p in mapping.other_problems(r))]
        mapping.decided_summary(decisions, full, open_=bool(blocked))
        chosen = mapping.step(full, results, user.username)
        if chosen is not None and chosen != decisions and mapping.unknowns(results):
            st.session_state["upload_decisions"] = decisions.merged(chosen)
            st.rerun()
        undecided = bool(mapping.unknowns(results))
        if blocked:
            again = (
                " Nếu lỗi đến từ một tên vừa chọn (ví dụ đơn vị tính không hợp), chọn lại tên đó ở "
                "“Đã chọn cho … tên” phía trên."
                if decisions
                else ""
            )
            st.error(
                "Chưa thể ghi: sửa các lỗi trong "
                + ", ".join(md(b) for b in blocked)
                + " rồi tải lại tệp."
                + again
                + " Không có số liệu nào được ghi."
            )
        if st.button(
            "Ghi vào kho dữ liệu",
            type="primary",
            disabled=bool(blocked) or undecided,
            key="commit_upload",
        ):
            with errors.guarded("Không ghi được vào kho dữ liệu (không có số liệu nào được ghi)"):
                with data.writing() as w:  # another writer is waited for, saying so
                    kept = {r.sha256: f.getvalue() for r, f in zip(results, files or [])}
                    outcome = loaders.commit(w, results, user=user.username, files=kept)
                if outcome.committed:
                    every = pd.concat([r.observations for r in results])
                    _audit(
                        "upload",
                        ", ".join(r.name for r in results),
                        units=sorted(set(every["unit_name"].astype(str)))[:50],
                        periods=sorted(set(every["period"].astype(str)))[:50],
                        upload_id=outcome.upload_ids[0] if outcome.upload_ids else None,
                        count=int(outcome.n_observations),
                    )
                    st.session_state["upload_round"] = st.session_state.get("upload_round", 0) + 1
                    st.session_state["parsed_files"] = {}
                    st.session_state["upload_decisions"] = Decisions()
                    learnt = sum(len(r.decisions) for r in results)
                    st.session_state["upload_message"] = (
                        f"Đã ghi {number(outcome.n_observations)} số liệu "
                        f"({number(outcome.n_replaced)} số liệu thay thế giá trị cũ"
                        + (
                            f", {number(outcome.n_unchanged)} không đổi"
                            if outcome.n_unchanged
                            else ""
                        )
                        + ")."
                        + (f" Đã lưu {learnt} tên gọi cho các lần tải sau." if learnt else "")
                    )
                    st.rerun()
                st.error("Không ghi được; không có số liệu nào được ghi.")
                problems.show(outcome.problems)
    if msg := st.session_state.pop("upload_message", None):
        st.success(msg)

with tab_history:
    if demo.has_demo(con) and user.may("remove_demo"):
        st.info(
            "Kho đang có **dữ liệu mẫu** (minh họa). Gỡ đi để chỉ còn số liệu thật đã tải lên; "
            "các tài khoản mẫu bị khóa cùng lúc."
        )
        if st.button("Gỡ dữ liệu mẫu", key="remove_demo"):
            real_admins = [
                u
                for u in accounts.all_users(data.store_path())
                if u.role == "quan_tri" and not u.demo and not u.disabled
            ]
            if not real_admins:
                st.error(
                    "Chưa gỡ: tạo trước một tài khoản quản trị thật (python -m store users add TÊN "
                    "--role quan_tri --unit MÃ), vì các tài khoản mẫu bị khóa khi gỡ dữ liệu mẫu."
                )
            else:
                with errors.guarded("Không gỡ được dữ liệu mẫu"):
                    if not user.may("remove_demo"):
                        raise PermissionError("remove_demo")
                    with data.writing() as w:
                        n = demo.remove(w)
                    locked = accounts.remove_demo_accounts(data.store_path())
                    _audit("demo_removal", f"{n} lần nạp, {locked} tài khoản mẫu bị khóa", count=n)
                    st.session_state["rollback_message"] = f"Đã gỡ {n} lần nạp dữ liệu mẫu."
                    st.rerun()
    hist = uploads.history(con)
    if hist.empty:
        st.info("Chưa có lần tải lên nào.")
    else:
        shown = hist.assign(
            status=hist.status.map(STATUS),
            uploaded_at=hist.uploaded_at.dt.strftime("%d/%m/%Y %H:%M"),
            uploaded_by=hist.uploaded_by.fillna("—"),
        )
        st.dataframe(
            shown[
                [
                    "upload_id",
                    "file_name",
                    "uploaded_by",
                    "uploaded_at",
                    "status",
                    "n_observations",
                    "n_replaced",
                    "n_unchanged",
                    "n_warnings",
                ]
            ].rename(
                columns={
                    "upload_id": "Số",
                    "file_name": "Tệp",
                    "uploaded_by": "Người tải",
                    "uploaded_at": "Thời gian",
                    "status": "Trạng thái",
                    "n_observations": "Số liệu",
                    "n_replaced": "Thay thế",
                    "n_unchanged": "Không đổi",
                    "n_warnings": "Cảnh báo",
                }
            ),
            hide_index=True,
            width="stretch",
        )
        with st.expander("Chi tiết kỹ thuật (mã tệp SHA-256, bố cục nhận dạng)"):
            st.dataframe(
                hist[["upload_id", "file_name", "layout", "sha256"]].rename(
                    columns={
                        "upload_id": "Số",
                        "file_name": "Tệp",
                        "layout": "Bố cục",
                        "sha256": "SHA-256",
                    }
                ),
                hide_index=True,
                width="stretch",
            )
        ordered = hist.sort_values("upload_id", ascending=False)  # the latest first
        labels = {
            int(r.upload_id): f"#{r.upload_id} — {r.file_name} — {r.uploaded_at:%d/%m/%Y %H:%M} — "
            f"{STATUS.get(r.status, r.status)}"
            for r in ordered.itertuples()
        }
        pick = st.selectbox(
            "Lần tải lên",
            list(labels),
            format_func=labels.get,
            key=f"upload_pick_{max(labels)}",  # a new upload starts the choice afresh
        )
        chosen = ordered[ordered.upload_id == pick].iloc[0]
        if not user.may("rollback"):
            pass
        elif chosen.status != "rolled_back":
            if st.button(f"Hoàn tác lần #{pick}…", key="rollback_go"):
                confirm_undo(chosen, "rollback")
        elif st.button(f"Áp dụng lại lần #{pick}…", key="reapply_go"):
            confirm_undo(chosen, "reapply")
        decided = aliases.all_decisions(con)
        if not decided.empty:
            with st.expander(
                f"Tên gọi đã chọn khi tải lên ({len(decided)})", icon=":material/rule:"
            ):
                labels = mapping.target_labels(con)
                st.dataframe(
                    decided.assign(
                        kind=decided.kind.map({"indicator": "Chỉ tiêu", "unit": "Đơn vị"}),
                        target=[
                            labels.get((k, t), t) for k, t in zip(decided.kind, decided.target)
                        ],
                        uploaded_at=decided.uploaded_at.dt.strftime("%d/%m/%Y %H:%M"),
                    )[["upload_id", "file_name", "uploaded_at", "kind", "name", "target"]].rename(
                        columns={
                            "upload_id": "Số",
                            "file_name": "Tệp",
                            "uploaded_at": "Thời gian",
                            "kind": "Loại",
                            "name": "Tên trong tệp",
                            "target": "Đã chọn",
                        }
                    ),
                    hide_index=True,
                    width="stretch",
                )
    if msg := st.session_state.pop("rollback_message", None):
        st.success(msg)

with tab_templates:
    st.markdown("Biểu mẫu trống sinh từ danh mục chỉ tiêu; điền số liệu rồi tải lên ở thẻ đầu.")
    units = catalog.units(con)
    names = sorted(set(units.name))
    unit_name = st.selectbox(
        "Đơn vị",
        names,
        index=names.index("Thành phố Hà Tĩnh") if "Thành phố Hà Tĩnh" in names else 0,
        key="tpl_unit",
    )
    year = st.number_input(
        "Năm", min_value=2010, max_value=2035, value=pd.Timestamp.now().year, step=1, key="tpl_year"
    )
    months = st.selectbox(
        "Kỳ",
        [6, 9, 12],
        format_func=lambda m: "Cả năm" if m == 12 else f"{m} tháng",
        key="tpl_months",
    )
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    left, right = st.columns(2)
    left.download_button(
        "Biểu tổng hợp (.xlsx)",  # templates are built when clicked
        lambda: templates.report_template(con, unit_name, int(year), int(months)),
        f"bieu_tong_hop_{int(months)}t_{int(year)}.xlsx",
        xlsx,
        on_click="ignore",
    )
    right.download_button(
        "Bảng dọc, mỗi dòng một số liệu (.xlsx)",
        lambda: templates.long_template(
            con, unit_name, int(year), "Năm" if months == 12 else f"{int(months)} tháng"
        ),
        f"bang_doc_{int(year)}.xlsx",
        xlsx,
        on_click="ignore",
    )
