"""Criteria-matrix marks: "x", "Đạt", "✓", "1" → 1; blank, "Chưa đạt", "-", "0" → 0."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from vn.text import fold

MET = {
    "x",
    "đạt",
    "dat",
    "✓",
    "✔",
    "v",
    "1",
    "có",
    "co",
    "đ",
    "d",
    "+",
    "xx",
    "đạt chuẩn",
    "dat chuan",
    "hoàn thành",
    "hoan thanh",
}
NOT_MET = {
    "",
    "chưa đạt",
    "chua dat",
    "không đạt",
    "khong dat",
    "-",
    "0",
    "không",
    "khong",
    "chưa",
    "chua",
    "o",
    "cđ",
}


def parse_marks(block: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(values 1/0, status 1 = read | 2 = unreadable) for an object array of matrix cells."""
    flat = block.ravel()
    codes, uniques = pd.factorize(
        pd.Series([str(v).strip() if v is not None else "" for v in flat], dtype=object)
    )
    u_val = np.zeros(len(uniques))
    u_stat = np.ones(len(uniques), dtype=np.int8)
    for j, text in enumerate(uniques):
        # "Chưa đạt\n(7/9)", "Đạt (2023)": the mark is the first line, without a detail in brackets
        t = re.sub(r"\s*\([^()]*\)\s*$", "", text.splitlines()[0] if text else "").strip().lower()
        if t in ("1.0",):
            t = "1"
        if t in ("0.0",):
            t = "0"
        if t in MET or fold(t) in MET:
            u_val[j] = 1.0
        elif t in NOT_MET or fold(t) in NOT_MET:
            u_val[j] = 0.0
        else:
            u_stat[j] = 2
    values = u_val[codes].reshape(block.shape)
    status = u_stat[codes].reshape(block.shape)
    return values, status
