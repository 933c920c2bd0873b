"""Precision and recall of Paste findings on the real passages in tests/paste/real/ (hand-labelled in
expected.json), read as `opcc-desktop propose FILE.txt` reads them (the same parser as Paste findings).
`python -m tests.paste.measure_real [-v]` prints the figures; test_real_passages.py keeps them.

A found finding matches an expected one when the kinds agree and its text starts with the expected first
words (case, quotes and spacing ignored) and swallows none of the `text_excludes`. Field accuracy (reference,
addressees, target date, responses) is counted over matched findings, for the keys a label gives.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from opcc_desktop.domain.paste_parse import ParsedFinding
from opcc_desktop.services.report_intake import propose_from_text

REAL = Path(__file__).parent / "real"
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def _norm(text: str) -> str:
    return " ".join(text.translate(_QUOTES).casefold().split())


@dataclass
class Score:
    passages: int = 0
    expected: int = 0
    found: int = 0
    matched: int = 0
    fields_right: int = 0
    fields_checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0


def _matches(label: dict, item: ParsedFinding) -> bool:
    if label["kind"] != item.kind:
        return False
    text = _norm(item.text)
    if not text.startswith(_norm(label["text_start"])):
        return False
    return not any(_norm(word) in text for word in label.get("text_excludes", []))


def _check_fields(label: dict, item: ParsedFinding, score: Score, name: str) -> None:
    checks = []
    if "reference" in label:
        checks.append(("reference", label["reference"], item.reference))
    if "addressees" in label:
        checks.append(("addressees", [_norm(a) for a in label["addressees"]], [_norm(a) for a in item.addressees]))
    if "target_date" in label:
        checks.append(("target_date", label["target_date"], item.target_date.isoformat() if item.target_date else None))
    for key in ("force_response", "pcc_response"):
        if f"{key}_start" in label:
            checks.append((key, True, _norm(getattr(item, key)).startswith(_norm(label[f"{key}_start"]))))
    for what, want, got in checks:
        score.fields_checked += 1
        if want == got:
            score.fields_right += 1
        else:
            score.problems.append(f"{name}: {what} {got!r} (expected {want!r}) in “{item.text[:50]}”")


def _propose(text: str) -> list[ParsedFinding]:
    return propose_from_text(text).findings


def measure(parse=_propose) -> Score:
    labels = json.loads((REAL / "expected.json").read_text(encoding="utf-8"))["passages"]
    score = Score()
    for name, passage in sorted(labels.items()):
        found = parse((REAL / name).read_text(encoding="utf-8"))
        score.passages += 1
        score.expected += len(passage["findings"])
        score.found += len(found)
        unmatched = list(found)
        for label in passage["findings"]:
            hit = next((item for item in unmatched if _matches(label, item)), None)
            if hit is None:
                score.problems.append(f"{name}: missed {label['kind']} “{label['text_start'][:50]}”")
                continue
            unmatched.remove(hit)
            score.matched += 1
            _check_fields(label, hit, score, name)
        for item in unmatched:
            score.problems.append(f"{name}: false {item.kind} “{' '.join(item.text.split())[:60]}”")
    return score


def main(argv: list[str]) -> int:
    score = measure()
    print(f"{score.passages} passages, {score.expected} labelled findings, {score.found} found, {score.matched} right")
    print(f"precision {score.precision:.2f}  recall {score.recall:.2f}  "
          f"fields right {score.fields_right}/{score.fields_checked}")
    if "-v" in argv:
        print("\n".join(score.problems))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
