"""`progress-report --out FILE.pdf [--today] [--months] [--quarter]`: writes the PDF and exits 0; user errors
are one line on stderr with exit 1, never a traceback; bad arguments are usage errors (2)."""

import pytest
from pypdf import PdfReader

from opcc_desktop.app import main


@pytest.fixture
def demo_db(tmp_path):
    db = tmp_path / "cli.sqlite3"
    assert main(["--db", str(db), "demo", "--today", "2026-11-22"]) == 0
    return db


def _text(path):
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_writes_the_report_for_the_last_complete_quarter(demo_db, tmp_path, capsys):
    capsys.readouterr()
    out = tmp_path / "progress.pdf"
    assert main(["--db", str(demo_db), "progress-report", "--out", str(out), "--today", "2026-11-22"]) == 0
    printed = capsys.readouterr()
    pages = len(PdfReader(out).pages)
    assert printed.out.strip() == f"Wrote {out} ({pages} pages)." and printed.err == ""
    text = _text(out)
    assert "Q2 2026–27: July to September 2026" in text and "Open for more than 6 months" in text
    assert "tracks 10 findings" in text and not list(tmp_path.glob("*.part"))


def test_months_and_quarter_options(demo_db, tmp_path):
    out = tmp_path / "q3.pdf"
    assert main(["--db", str(demo_db), "progress-report", "--out", str(out), "--today", "2026-11-22",
                 "--months", "36", "--quarter", "2026-12-31"]) == 0
    text = _text(out)
    assert "Q3 2026–27: October to December 2026" in text and "Open for more than 36 months" in text


@pytest.mark.parametrize("extra, message", [
    (["--months", "0"], "--months must be between 1 and 240"),
    (["--months", "100000"], "--months must be between 1 and 240"),
])
def test_bad_months_is_one_line_and_exit_1(demo_db, tmp_path, capsys, extra, message):
    capsys.readouterr()
    out = tmp_path / "p.pdf"
    assert main(["--db", str(demo_db), "progress-report", "--out", str(out), *extra]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err and not out.exists()


def test_unwritable_output_and_missing_database_exit_1(demo_db, tmp_path, capsys):
    capsys.readouterr()
    assert main(["--db", str(demo_db), "progress-report", "--out", str(tmp_path / "nope" / "p.pdf")]) == 1
    err = capsys.readouterr().err
    assert "Cannot write" in err and err.count("\n") == 1
    assert main(["--db", str(tmp_path / "missing.sqlite3"), "progress-report", "--out", str(tmp_path / "p.pdf")]) == 1
    assert "There is no database" in capsys.readouterr().err and not (tmp_path / "missing.sqlite3").exists()


def test_usage_errors_exit_2(demo_db, tmp_path):
    with pytest.raises(SystemExit) as missing_out:
        main(["--db", str(demo_db), "progress-report"])
    with pytest.raises(SystemExit) as bad_date:
        main(["--db", str(demo_db), "progress-report", "--out", str(tmp_path / "p.pdf"), "--today", "2026-13-01"])
    assert missing_out.value.code == bad_date.value.code == 2
