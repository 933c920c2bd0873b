"""`readiness`, `signatory add` and `issue`: public commands (acceptance checks use them)."""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import date

from opcc_desktop.app import main
from opcc_desktop.domain import vocabulary as vocab
from opcc_desktop.domain.models import Finding
from opcc_desktop.services.office import Office

from .helpers import PASSPHRASE, PNG, SETTINGS, inspection


def new_office(path, findings=None) -> None:
    office = Office.open(path)
    office.settings.update({**SETTINGS, "home_secretary_confirmed_on": date.today().isoformat()})
    office.inspections.save(inspection(findings=findings) if findings is not None else inspection())
    office.close()


def run(monkeypatch, capsys, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def archived(path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM letter_archive").fetchone()[0]


def test_signatory_add_then_issue_writes_the_signed_pdf(tmp_path, monkeypatch, capsys):
    db = tmp_path / "office.sqlite3"
    new_office(db)
    image = tmp_path / "sig.png"
    image.write_bytes(PNG)
    code, out, _ = run(monkeypatch, capsys, "--db", str(db), "signatory", "add", "Peter  McCall\u200b", "--title",
                       "PFCC", "--signature", str(image), "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == 0 and "Signatory added: Peter McCall." in out
    code, _, err = run(monkeypatch, capsys, "--db", str(db), "signatory", "add", "peter mccall", "--signature",
                       str(image), "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == 1 and "already has a signature set up" in err
    code, out, _ = run(monkeypatch, capsys, "--db", str(db), "readiness", "30001", "--json")
    assert code == 0 and json.loads(out) == {"ready": True, "blocking": [], "warnings": []}
    pdf = tmp_path / "issued.pdf"
    code, out, err = run(monkeypatch, capsys, "--db", str(db), "issue", "30001", "--kind", "home_secretary",
                         "--signatory", "PETER MCCALL", "--passphrase-stdin", "--out", str(pdf),
                         stdin=PASSPHRASE + "\n")
    assert code == 0, err
    assert "Issued version 1 signed by Peter McCall" in out and pdf.read_bytes().startswith(b"%PDF")
    assert archived(db) == 1


def test_not_ready_lists_the_blocking_sentences_and_issue_writes_nothing(tmp_path, monkeypatch, capsys):
    db = tmp_path / "office.sqlite3"
    new_office(db, findings=(Finding(kind=vocab.RECOMMENDATION, reference="R1", text="Fix triage."),))
    image = tmp_path / "sig.png"
    image.write_bytes(PNG)
    run(monkeypatch, capsys, "--db", str(db), "signatory", "add", "Peter McCall", "--signature", str(image),
        "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    code, out, _ = run(monkeypatch, capsys, "--db", str(db), "readiness", "30001", "--kind", "published_response",
                       "--json")
    result = json.loads(out)
    assert code == 1 and result["ready"] is False
    assert result["blocking"] == [("Recommendation R1 has no response from the force or the commissioner. "
                                  "Section 55 requires every recommendation to be answered.")]
    code, out, _ = run(monkeypatch, capsys, "--db", str(db), "readiness", "30001")
    assert "Not ready to sign." in out and "Recommendation R1 has no response" in out
    pdf = tmp_path / "issued.pdf"
    code, out, err = run(monkeypatch, capsys, "--db", str(db), "issue", "30001", "--kind", "published_response",
                         "--signatory", "Peter McCall", "--passphrase-stdin", "--out", str(pdf),
                         "--anyway", "no", stdin=PASSPHRASE + "\n")
    assert code == 1 and "Recommendation R1 has no response" in err
    assert not pdf.exists() and archived(db) == 0


def test_warnings_need_anyway_on_the_command_line(tmp_path, monkeypatch, capsys):
    db = tmp_path / "office.sqlite3"
    new_office(db)
    office = Office.open(db)
    office.settings.update({"home_secretary_confirmed_on": ""})
    office.close()
    image = tmp_path / "sig.png"
    image.write_bytes(PNG)
    run(monkeypatch, capsys, "--db", str(db), "signatory", "add", "Peter McCall", "--signature", str(image),
        "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    code, out, _ = run(monkeypatch, capsys, "--db", str(db), "readiness", "30001", "--json")
    assert code == 0 and json.loads(out)["ready"] is True and len(json.loads(out)["warnings"]) == 1
    args = ["--db", str(db), "issue", "30001", "--signatory", "Peter McCall", "--passphrase-stdin"]
    code, _, err = run(monkeypatch, capsys, *args, stdin=PASSPHRASE + "\n")
    assert code == 1 and "--anyway REASON" in err and archived(db) == 0
    code, _, err = run(monkeypatch, capsys, *args, "--anyway", "Checked today", stdin="wrong passphrase!\n")
    assert code == 1 and "passphrase is not right" in err and archived(db) == 0
    code, _, _ = run(monkeypatch, capsys, *args, "--anyway", "Checked today", stdin=PASSPHRASE + "\n")
    assert code == 0 and archived(db) == 1


def test_an_unwritable_out_file_issues_nothing(tmp_path, monkeypatch, capsys):
    db = tmp_path / "office.sqlite3"
    new_office(db)
    image = tmp_path / "sig.png"
    image.write_bytes(PNG)
    run(monkeypatch, capsys, "--db", str(db), "signatory", "add", "Peter McCall", "--signature", str(image),
        "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    missing_folder = tmp_path / "no such folder" / "issued.pdf"
    code, _, err = run(monkeypatch, capsys, "--db", str(db), "issue", "30001", "--signatory", "Peter McCall",
                       "--passphrase-stdin", "--out", str(missing_folder), stdin=PASSPHRASE + "\n")
    assert code == 1 and "nothing was issued" in err and archived(db) == 0
    code, _, err = run(monkeypatch, capsys, "--db", str(db), "signatory", "add", "Jo Bloggs", "--signature",
                       str(tmp_path / "missing.png"), "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == 1 and "Cannot read" in err
