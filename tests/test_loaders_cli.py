"""The command line is a contract: exit codes, one line per problem, export header, --db creation."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

from loader_helpers import SAMPLES

ROOT = Path(__file__).resolve().parents[1]
LINE = r"^.+:.+!?[A-Z]*\d*: (lỗi|cảnh báo) \[[a-z-]+\] .+"


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "loaders", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env=env)


def test_cli_contract(tmp_path):
    db = tmp_path / "new" / "store.duckdb"
    ok = run("check", SAMPLES / "city_6t_2016.xlsx", SAMPLES / "ntm_2016.xlsx")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout == ""
    bad = run("check", SAMPLES / "bad_unknown_ward.xlsx", SAMPLES / "bad_not_excel.xlsx")
    assert bad.returncode == 1
    lines = bad.stdout.strip().splitlines()
    assert any(l.startswith(f"{SAMPLES / 'bad_unknown_ward.xlsx'}:Thu NS phuong xa!B13: lỗi [unknown-unit] ") for l in lines)
    assert any(l.startswith(f"{SAMPLES / 'bad_not_excel.xlsx'}: lỗi [not-a-spreadsheet] ") for l in lines)
    assert "Traceback" not in bad.stdout + bad.stderr
    refused = run("load", SAMPLES / "city_6t_2016.xlsx", SAMPLES / "bad_text_number.xlsx", "--db", db)
    assert refused.returncode == 1 and "D12" in refused.stdout
    empty = run("export", "--db", db)
    assert empty.returncode == 0
    assert empty.stdout.splitlines() == ["indicator_code,indicator_name,unit_code,unit_name,year,month_from,month_to,kind,value,measure"]
    loaded = run("load", SAMPLES / "city_6t_2016.xlsx", SAMPLES / "ntm_2016.xlsx", "--db", db)
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", db).stdout)))
    assert len(rows) == 36 + 114
    assert {r["kind"] for r in rows} == {"actual", "estimate", "target"}
    assert {r["value"] for r in rows if r["indicator_code"].startswith("ntm_")} == {"0", "1"}
    gtsx = next(r for r in rows if r["indicator_code"] == "gtsx_tong" and r["kind"] == "estimate")
    assert (gtsx["value"], gtsx["measure"], gtsx["unit_name"], gtsx["month_to"]) == ("4339", "Tỷ đồng", "Thành phố Hà Tĩnh", "6")
