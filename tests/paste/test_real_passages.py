"""The real passages keep their figures (before issue 18's rework: precision 0.50, recall 0.30)."""

from tests.paste.measure_real import measure


def test_precision_and_recall_on_the_real_passages():
    score = measure()
    assert score.passages >= 25 and score.expected >= 20
    assert score.precision >= 0.95 and score.recall >= 0.95, "\n".join(score.problems)
    assert score.fields_right == score.fields_checked, "\n".join(score.problems)
