"""The Findings page's model searches words on a worker: the window never waits for a slow search,
an answer to an older query is dropped, and pages of a long result arrive on the worker too."""

from __future__ import annotations

import threading

from opcc_desktop.domain.finding_rows import FindingsQuery
from opcc_desktop.services import findings_list
from opcc_desktop.ui.findings import findings_list_model
from opcc_desktop.ui.findings.findings_list_model import FindingsListModel
from opcc_desktop.ui.common.workers import pending_tasks


def test_a_query_without_words_is_answered_at_once(qtbot, demo_office, today_provider):
    model = FindingsListModel(demo_office, today_provider, background=True)
    model.set_query(FindingsQuery(kind="recommendation"))
    assert not model.is_loading()
    assert model.rowCount() == model.total() > 0
    assert {row.kind for row in model.rows} == {"recommendation"}


def test_words_are_searched_on_a_worker_and_stale_answers_dropped(qtbot, demo_office, today_provider, monkeypatch):
    threads: list[threading.Thread] = []
    real = findings_list.FindingsListService.count_and_first_page

    def recording(self, query, limit):
        threads.append(threading.current_thread())
        return real(self, query, limit)

    monkeypatch.setattr(findings_list.FindingsListService, "count_and_first_page", recording)
    model = FindingsListModel(demo_office, today_provider, background=True)
    everything = model.total()
    model.set_query(FindingsQuery(text="zzzz-not-there"))  # answered later: superseded below
    model.set_query(FindingsQuery(text="4P"))
    assert model.is_loading() and model.total() == everything  # the old rows stay meanwhile
    qtbot.waitUntil(lambda: not model.is_loading() and pending_tasks() == 0)
    assert model.total() == 1 and model.rowCount() == 1  # the newer query's answer, not the stale one
    assert all(thread is not threading.main_thread() for thread in threads[1:])


def test_further_pages_of_a_word_search_arrive_from_the_worker(qtbot, demo_office, today_provider, monkeypatch):
    monkeypatch.setattr(findings_list_model, "BATCH_SIZE", 2)
    model = FindingsListModel(demo_office, today_provider, background=True)
    word = "the"
    model.set_query(FindingsQuery(text=word))
    qtbot.waitUntil(lambda: not model.is_loading())
    assert model.total() > 2 * findings_list_model.BATCH_SIZE  # several pages to fetch
    while model.canFetchMore():
        before = model.rowCount()
        model.fetchMore()
        assert model.is_loading() and model.rowCount() == before  # nothing read on this thread
        qtbot.waitUntil(lambda: not model.is_loading())
    synchronous = FindingsListModel(demo_office, today_provider)
    synchronous.set_query(FindingsQuery(text=word))
    while synchronous.canFetchMore():
        synchronous.fetchMore()
    assert [r.id for r in model.rows] == [r.id for r in synchronous.rows]
