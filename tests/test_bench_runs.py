"""The benchmark command still runs end to end at a tiny scale. Not a timed test: it checks the table."""

import re
import subprocess
import sys
from pathlib import Path

from bench.generate import counts, office_document

ROOT = Path(__file__).resolve().parent.parent


def test_generator_is_deterministic_and_scales():
    small = office_document(0.02, seed=7)
    assert small == office_document(0.02, seed=7)
    assert small != office_document(0.02, seed=8)
    assert counts(office_document(0.1))["inspections"] == 50
    assert counts(office_document(0.1))["findings"] > counts(small)["findings"]


def test_benchmark_command_prints_every_figure(tmp_path):
    results = tmp_path / "RESULTS.md"
    run = subprocess.run([sys.executable, "-m", "bench", "--scale", "0.02", "--repeat", "2", "--cold-runs", "1",
                          "--results", str(results)],
                         cwd=ROOT, check=False, capture_output=True, text=True, timeout=300,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stderr
    for figure in ("cold start to painted dashboard", "smoke command", "filter inspections", "open inspection form", "save a finding",
                   "letter, 60-finding appendix", "letter command, whole process", "import whole database", "peak memory at first paint",
                   "peak memory, inspections list shown"):
        row = next(line for line in run.stdout.splitlines() if line.startswith(f"| {figure}"))
        assert re.search(r"\| [0-9.]+ (ms|s|MB) \|", row), row
    assert "### Scale 0.02" in results.read_text(encoding="utf-8")
