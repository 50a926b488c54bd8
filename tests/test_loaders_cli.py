"""The command line is a contract: exit codes, one line per problem, export header, --db creation."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

from loader_helpers import SAMPLES

ROOT = Path(__file__).resolve().parents[1]
LINE = r"^.+:.+!?[A-Z]*\d*: (lỗi|cảnh báo) \[[a-z-]+\] .+"


def run(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "loaders", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_cli_contract(tmp_path):
    db = tmp_path / "new" / "store.duckdb"
    ok = run("check", SAMPLES / "city_6t_2016.xlsx", SAMPLES / "ntm_2016.xlsx")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout == ""
    bad = run("check", SAMPLES / "bad_unknown_ward.xlsx", SAMPLES / "bad_not_excel.xlsx")
    assert bad.returncode == 1
    lines = bad.stdout.strip().splitlines()
    assert any(
        line.startswith(
            f"{SAMPLES / 'bad_unknown_ward.xlsx'}:Thu NS phuong xa!B13: lỗi [unknown-unit] "
        )
        for line in lines
    )
    assert any(
        line.startswith(f"{SAMPLES / 'bad_not_excel.xlsx'}: lỗi [not-a-spreadsheet] ")
        for line in lines
    )
    assert "Traceback" not in bad.stdout + bad.stderr
    refused = run(
        "load", SAMPLES / "city_6t_2016.xlsx", SAMPLES / "bad_text_number.xlsx", "--db", db
    )
    assert refused.returncode == 1 and "D12" in refused.stdout
    empty = run("export", "--db", db)
    assert empty.returncode == 0
    assert empty.stdout.splitlines() == [
        "indicator_code,indicator_name,unit_code,unit_name,year,month_from,month_to,kind,value,measure"
    ]
    loaded = run("load", SAMPLES / "city_6t_2016.xlsx", SAMPLES / "ntm_2016.xlsx", "--db", db)
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", db).stdout)))
    assert len(rows) == 36 + 114
    assert {r["kind"] for r in rows} == {"actual", "estimate", "target"}
    assert {r["value"] for r in rows if r["indicator_code"].startswith("ntm_")} == {"0", "1"}
    gtsx = next(r for r in rows if r["indicator_code"] == "gtsx_tong" and r["kind"] == "estimate")
    assert (gtsx["value"], gtsx["measure"], gtsx["unit_name"], gtsx["month_to"]) == (
        "4339",
        "Tỷ đồng",
        "Thành phố Hà Tĩnh",
        "6",
    )


def _report(path, rows):
    from loader_helpers import city_report, xlsx_bytes

    path.write_bytes(
        xlsx_bytes(
            {
                "S": city_report(
                    "BÁO CÁO 6 THÁNG NĂM 2019",
                    ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2019", "Thực hiện 6 tháng"],
                    rows,
                )
            }
        )
    )
    return path


def test_unknown_names_map_and_aliases(tmp_path):
    """check lists unknown names with candidates and writes a MAP.csv template; load --map decides them
    (a code, skip) and saves them as aliases; a second file needs no map; aliases list/add/remove/export."""
    report = _report(
        tmp_path / "bc.xlsx",
        [
            ["1", "Tổng GT sản xuất", "Tỷ đồng", 100, 40],
            ["2", "Diện tích nuôi trồng thủy sản", "ha", 30, 15],
        ],
    )
    template = tmp_path / "template.csv"
    checked = run("check", report, "--write-map", template)
    assert checked.returncode == 1
    asked = [ln for ln in checked.stdout.splitlines() if ": chưa rõ [indicator]" in ln]
    assert (
        len(asked) == 2 and "gtsx_tong = Tổng giá trị sản xuất" in asked[0] and "S!B7" in asked[0]
    )
    assert list(csv.DictReader(template.open(encoding="utf-8")))[0]["name"] == "Tổng GT sản xuất"
    db = tmp_path / "store.duckdb"
    bad_map = tmp_path / "bad.csv"
    bad_map.write_text("name,kind,code\nTổng GT sản xuất,indicator,khong_co\n", encoding="utf-8")
    refused = run("load", report, "--map", bad_map, "--db", db)
    assert refused.returncode == 2 and "khong_co" in refused.stderr
    good_map = tmp_path / "map.csv"
    good_map.write_text(
        "name,kind,code\nTổng GT sản xuất,indicator,gtsx_tong\nDiện tích nuôi trồng thủy sản,indicator,skip\n",
        encoding="utf-8",
    )
    loaded = run("load", report, "--map", good_map, "--db", db, "--user", "lan")
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    assert "[skipped-name]" in loaded.stdout
    again = run(
        "load",
        _report(tmp_path / "bc2.xlsx", [["1", "Tổng GT sản xuất", "Tỷ đồng", 100, 45]]),
        "--db",
        db,
    )
    assert again.returncode == 0, again.stdout + again.stderr
    # check reads the store $CHITIEU_DB names, as load does: what was decided is not asked again
    rechecked = run("check", report, env={**os.environ, "CHITIEU_DB": str(db)})
    assert rechecked.returncode == 0 and ": chưa rõ" not in rechecked.stdout, (
        rechecked.stdout + rechecked.stderr
    )
    listed = list(csv.DictReader(io.StringIO(run("aliases", "list", "--db", db).stdout)))
    assert {(r["name"], r["code"], r["created_by"]) for r in listed} == {
        ("Tổng GT sản xuất", "gtsx_tong", "lan"),
        ("Diện tích nuôi trồng thủy sản", "skip", "lan"),
    }
    assert run("aliases", "add", "Tổng GTSX toàn ngành", "gtsx_tong", "--db", db).returncode == 0
    assert run("aliases", "add", "Gì đó", "khong_co", "--db", db).returncode == 2
    assert run("aliases", "remove", "Tổng GTSX toàn ngành", "--db", db).returncode == 0
    assert run("aliases", "remove", "Tổng GTSX toàn ngành", "--db", db).returncode == 2
    out = tmp_path / "catalog"
    assert run("aliases", "export", "--out", out, "--db", db).returncode == 0
    import tomllib

    exported = tomllib.loads((out / "aliases.toml").read_text("utf-8"))["alias"]
    assert {a["name"] for a in exported} == {"Tổng GT sản xuất", "Diện tích nuôi trồng thủy sản"}


def test_export_round_trips_the_demo_store(demo_db_path, tmp_path):
    """`export --with-source` of the demo store loads into an empty store and exports the same bytes;
    the ten-column export says on stderr what it cannot carry, and its rows are the same set."""
    source = tmp_path / "demo.duckdb"
    source.write_bytes(demo_db_path.read_bytes())
    full = run("export", "--with-source", "--db", source)
    assert full.returncode == 0, full.stderr
    assert full.stdout.splitlines()[0].endswith(",measure,target_source")
    plain = run("export", "--db", source)
    assert plain.returncode == 0
    assert plain.stdout.splitlines()[0].endswith(",value,measure")
    assert "--with-source" in plain.stderr  # the demo holds plans from two sources for one key
    exported = tmp_path / "xuat.csv"
    exported.write_text(full.stdout, "utf-8")
    fresh = tmp_path / "fresh.duckdb"
    loaded = run("load", exported, "--db", fresh)
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    again = run("export", "--with-source", "--db", fresh)
    assert again.stdout == full.stdout
    assert run("export", "--db", fresh).stdout == plain.stdout
    assert len(full.stdout.splitlines()) > 30_000


def test_plain_export_round_trips_where_each_plan_has_one_source(tmp_path):
    db, fresh = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    assert (
        run("load", SAMPLES / "city_6t_2016.xlsx", SAMPLES / "ntm_2016.xlsx", "--db", db).returncode
        == 0
    )
    first = run("export", "--db", db)
    assert first.stderr == ""
    (tmp_path / "x.csv").write_text(first.stdout, "utf-8")
    assert run("load", tmp_path / "x.csv", "--db", fresh).returncode == 0
    assert run("export", "--db", fresh).stdout == first.stdout


def test_relative_db_is_taken_from_the_working_directory(tmp_path):
    made = subprocess.run(
        [sys.executable, "-m", "loaders", "export", "--db", "kho.duckdb"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "kho.duckdb").exists()
    assert not (ROOT / "kho.duckdb").exists()


def test_argument_errors_are_vietnamese():
    wrong = run("load")
    assert wrong.returncode == 2
    assert "Cách dùng: python -m loaders load" in wrong.stderr
    assert "thiếu đối số bắt buộc: FILE" in wrong.stderr
    helped = run("export", "--help")
    assert "tùy chọn:" in helped.stdout and "in hướng dẫn này rồi thoát" in helped.stdout
    assert "usage" not in helped.stdout + wrong.stderr
