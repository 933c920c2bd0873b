import json

from pypdf import PdfReader

from opcc_desktop.app import main


def test_actions_and_board_paper_commands(tmp_path, capsys):
    db = str(tmp_path / "office.sqlite3")
    assert main(["--db", db, "demo", "--today", "2026-11-22"]) == 0
    capsys.readouterr()
    committee = "Cumbria Police Authority Audit and Performance Committee"
    assert main(["--db", db, "actions", "--board", committee]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[1] for line in lines] == ["001", "002", "003"]
    assert lines[0].split("\t")[4] == "C: Chief Supt John Taylor; L: Supt D Copely"
    assert main(["--db", db, "actions", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 4  # three scoping actions and one conference action
    out = tmp_path / "minutes.pdf"
    assert main(["--db", db, "board-paper", committee, "2005-07-27", "--kind", "minutes", "--out", str(out)]) == 0
    assert "Wrote" in capsys.readouterr().out
    assert "Collaboration project with Lancashire Constabulary" in PdfReader(str(out)).pages[0].extract_text()


def test_board_commands_explain_bad_names_and_dates(tmp_path, capsys):
    db = str(tmp_path / "office.sqlite3")
    main(["--db", db, "demo", "--today", "2026-11-22"])
    capsys.readouterr()
    assert main(["--db", db, "actions", "--board", "Nope"]) == 1
    assert "There is no board called 'Nope'" in capsys.readouterr().err
    assert (
        main(["--db", db, "board-paper", "Commissioner's Board", "2020-01-01", "--out", str(tmp_path / "x.pdf")]) == 1
    )
    assert "has no meeting on 01/01/2020" in capsys.readouterr().err
