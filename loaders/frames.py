"""Building observation frames without per-cell Python objects: columns factorised once, text columns as
categoricals (codes + a few distinct labels), cell references built by Arrow, frames of several sheets
joined with their categories united. Used by the extractors, add_preview and commit."""

from __future__ import annotations

from itertools import count
from typing import Iterable, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from loaders.cells import column_letter

STR_DTYPE = pd.StringDtype("pyarrow", na_value=np.nan)  # pandas' default "str"


def factorize(values: Iterable, n: int) -> tuple[np.ndarray, list]:
    """(codes int64, distinct values in order of first appearance) of n hashable values, by one dict pass.
    Values equal in Python (1, 1.0 and True) share a code: use it for labels, not for value cells."""
    seen: dict = {}
    first = np.fromiter(map(seen.setdefault, values, count()), dtype=np.int64, count=n)
    if len(seen) == n:
        return first, list(seen)
    lut = np.empty(n, dtype=np.int64)
    lut[np.fromiter(seen.values(), dtype=np.int64, count=len(seen))] = np.arange(len(seen))
    return lut[first], list(seen)


def categorical(codes: np.ndarray, labels: Sequence) -> pd.Categorical:
    """A categorical of labels[codes]: labels may repeat or be None (→ missing); categories sorted so
    sorting the column sorts the texts."""
    labels = (
        ["" if x is None else str(x) for x in labels]
        if any(x is None for x in labels)
        else [str(x) for x in labels]
    )
    if not labels:
        return pd.Categorical.from_codes(
            np.full(len(codes), -1, dtype=np.int8), categories=pd.Index([], dtype=object)
        )
    cats, inverse = np.unique(np.array(labels, dtype=object), return_inverse=True)
    return pd.Categorical.from_codes(
        inverse[codes], categories=pd.Index(cats, dtype=object), validate=False
    )


def constant(value: str, n: int) -> pd.Categorical:
    return pd.Categorical.from_codes(
        np.zeros(n, dtype=np.int8), categories=pd.Index([value], dtype=object), validate=False
    )


def cell_refs(sheet: str, rows: np.ndarray, cols: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """ "Sheet!D11" for 0-based rows and columns, as a pandas "str" array: the texts of each row number
    and column prefix are made once, then gathered and joined by Arrow (no Python loop per cell)."""
    rows = np.asarray(rows, dtype=np.int64)
    cols = np.asarray(cols, dtype=np.int64)
    if len(rows) == 0:
        return pd.array([], dtype=STR_DTYPE)
    r0, r1, c0, c1 = int(rows.min()), int(rows.max()), int(cols.min()), int(cols.max())
    prefixes = pa.array(
        [f"{sheet}!{column_letter(c)}" for c in range(c0, c1 + 1)], type=pa.string()
    )
    numbers = pc.cast(pa.array(np.arange(r0 + 1, r1 + 2)), pa.string())
    joined = pc.binary_join_element_wise(
        prefixes.take(pa.array(cols - c0)), numbers.take(pa.array(rows - r0)), ""
    )
    return pd.array(joined, dtype=STR_DTYPE)


def relabel(column: pd.Series | pd.Categorical, mapping) -> pd.Categorical:
    """A categorical column's labels passed through `mapping` (a dict or a function), codes kept."""
    cat = column.array if isinstance(column, pd.Series) else column
    if not isinstance(cat, pd.Categorical):
        cat = pd.Categorical(np.asarray(column, dtype=object))
    get = mapping.get if isinstance(mapping, dict) else mapping
    labels = [get(c) for c in cat.categories]
    codes = np.asarray(cat.codes, dtype=np.int64)
    if (codes < 0).any():
        labels = labels + [None]
        codes = np.where(codes < 0, len(labels) - 1, codes)
    return categorical(codes, labels)


def concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Frames of several sheets in one, categorical columns keeping one (united) set of categories."""
    if len(frames) == 1:
        return frames[0].reset_index(drop=True)
    first = frames[0]
    fixed = [f.copy() for f in frames]
    for c in first.columns:
        if all(isinstance(f[c].dtype, pd.CategoricalDtype) for f in frames):
            # categories as objects: one file's may be strings, another's empty or all-missing (float)
            parts = [
                pd.Categorical.from_codes(
                    f[c].array.codes, categories=pd.Index(list(f[c].cat.categories), dtype=object)
                )
                for f in frames
            ]
            united = pd.api.types.union_categoricals(parts, sort_categories=True)
            cats = united.categories
            for f in fixed:
                f[c] = f[c].cat.set_categories(cats)
    return pd.concat(fixed, ignore_index=True)


def arrow_table(frame: pd.DataFrame, columns: list[str]) -> pa.Table:
    """The columns of a frame as an Arrow table without per-row conversion (categoricals stay dictionaries)."""
    arrays = {}
    for c in columns:
        s = frame[c]
        if isinstance(s.dtype, pd.CategoricalDtype):
            cats = pa.array(np.asarray(s.cat.categories, dtype=object), type=pa.string())
            codes = np.asarray(s.cat.codes)
            arrays[c] = pa.DictionaryArray.from_arrays(pa.array(codes, mask=codes < 0), cats)
        elif s.dtype == object or isinstance(s.dtype, pd.StringDtype):
            arrays[c] = pa.array(
                s.array if isinstance(s.dtype, pd.StringDtype) else s.to_numpy(dtype=object),
                type=pa.string(),
                from_pandas=True,
            )
        else:
            arrays[c] = pa.array(s.to_numpy())
    return pa.table(arrays)
