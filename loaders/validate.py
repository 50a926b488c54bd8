"""Checks over the observations of an upload: catalog bounds (negative counts, percentages over 100
where the catalog forbids it) and duplicates (same indicator × unit × period × kind twice)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from loaders.catalog import Catalog
from loaders.messages import fmt
from loaders.problems import Problem, problem
from store.reference import DEFAULT_SANITY_MAX

KEY = ["indicator_code", "unit_id", "year", "month_from", "month_to", "kind", "target_source"]
MAX_PER_CODE = 200


def _cell(source_cell: str) -> tuple[str | None, str | None]:
    if "!" in source_cell:
        sheet, cell = source_cell.rsplit("!", 1)
        return sheet, cell
    return None, source_cell


def check_bounds(file: str, obs: pd.DataFrame, catalog: Catalog) -> list[Problem]:
    if obs.empty:
        return []
    ind = catalog.indicators
    codes, uniques = pd.factorize(obs["indicator_code"])
    lo = ind["min_value"].reindex(uniques).to_numpy(dtype=float)[codes]
    hi = ind["max_value"].reindex(uniques).to_numpy(dtype=float)[codes]
    v = obs["value"].to_numpy(dtype=float)
    # every measure's sanity maximum (data/catalog/measures.toml): beyond it no value is real, and a
    # 1,7e308 stored would break every page that formats it
    measure_max = catalog.measures["sanity_max"].astype(float).fillna(DEFAULT_SANITY_MAX)
    sane = (
        ind["measure"].reindex(uniques).map(measure_max).fillna(DEFAULT_SANITY_MAX).to_numpy(float)
    )[codes]
    absurd = ~np.isfinite(v) | (np.abs(v) > sane)
    bad = (~np.isnan(lo) & (v < lo - 1e-9)) | (~np.isnan(hi) & (v > hi + 1e-9)) | absurd
    problems = []
    idx = np.flatnonzero(bad)
    for i in idx[:MAX_PER_CODE]:
        row = obs.iloc[i]
        code = row["indicator_code"]
        name = ind.at[code, "name"]
        measure = catalog.measures.at[ind.at[code, "measure"], "name"]
        sheet, cell = _cell(row["source_cell"])
        if not np.isfinite(v[i]):
            why = "không phải là một số hữu hạn (quá lớn để là số liệu thật)"
        elif absurd[i]:
            why = (
                f"lớn bất thường: vượt {fmt(sane[i])} {measure}, mức không đơn vị nào đạt tới "
                "(có thể gõ nhầm, dán nhầm mã số hoặc sai đơn vị tính)"
            )
        elif not np.isnan(lo[i]) and v[i] < lo[i]:
            why = "không thể âm" if lo[i] == 0 else f"phải từ {fmt(lo[i])} {measure} trở lên"
        elif measure == "%" and hi[i] == 100:
            why = "không thể vượt quá 100%"
        elif not np.isnan(hi[i]) and ind.at[code, "value_type"] == "bool":
            why = "chỉ được là 1 (đạt) hoặc 0 (chưa đạt)"
        else:
            why = f"không được vượt quá {fmt(hi[i])} {measure}"
        problems.append(
            problem(
                "impossible-value",
                file,
                sheet,
                cell,
                value=fmt(float(row["source_value"])),
                indicator=name,
                why=why,
            )
        )
    if len(idx) > MAX_PER_CODE:
        problems.append(
            problem(
                "impossible-value", file, None, None, "more", count=fmt(len(idx) - MAX_PER_CODE)
            )
        )
    return problems


def duplicated_keys(obs: pd.DataFrame) -> np.ndarray:
    """Rows whose key (indicator × unit × period × kind × target source) another row has too: the key
    columns factorised (categoricals by their codes) and combined into one integer per row."""
    key = np.zeros(len(obs), dtype=np.int64)
    size = 1
    for column in KEY:
        series = obs[column]
        if isinstance(series.dtype, pd.CategoricalDtype):
            codes, width = (
                np.asarray(series.cat.codes, dtype=np.int64) + 1,
                len(series.cat.categories) + 1,
            )
        else:
            codes, uniques = pd.factorize(series, use_na_sentinel=False)
            width = len(uniques)
        if size * max(width, 1) >= 2**62:
            key, seen = pd.factorize(key)
            key, size = key.astype(np.int64), len(seen)
        key = key * max(width, 1) + codes
        size *= max(width, 1)
    codes, uniques = pd.factorize(key)
    if len(uniques) == len(key):
        return np.zeros(len(key), dtype=bool)
    return np.bincount(codes)[codes] > 1


def check_duplicates(obs: pd.DataFrame, file_of=None) -> tuple[pd.DataFrame, list[Problem]]:
    """(observations with exact repeats dropped, problems). `file_of(i)` names the file of row i."""
    if obs.empty:
        return obs, []
    dup = duplicated_keys(obs)
    if not dup.any():
        return obs, []
    problems: list[Problem] = []
    sub = obs[dup]
    drop = []
    for _, group in sub.groupby(KEY, sort=False):
        first = group.iloc[0]
        first_where = (
            first["source_cell"]
            if file_of is None
            else f"{file_of(group.index[0])}:{first['source_cell']}"
        )
        for index, row in group.iloc[1:].iterrows():
            file = file_of(index) if file_of else row.get("file", "")
            sheet, cell = _cell(row["source_cell"])
            same = np.isclose(row["value"], first["value"], rtol=1e-9, atol=0)
            if same:
                drop.append(index)
                if len(problems) < MAX_PER_CODE:
                    problems.append(
                        problem("duplicate-value", file, sheet, cell, first=first_where)
                    )
            elif len(problems) < MAX_PER_CODE:
                problems.append(
                    problem(
                        "conflicting-duplicate",
                        file,
                        sheet,
                        cell,
                        value=fmt(row["source_value"]),
                        first=first_where,
                        first_value=fmt(first["source_value"]),
                    )
                )
    return obs.drop(index=drop), problems
