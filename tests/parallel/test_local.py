from __future__ import annotations

import functools
import multiprocessing
import os
import signal
import threading

import pytest

from kg.errors import InputError, UnknownNameError
from kg.model import Article
from kg.parallel import ArticleWork, Serial, choose_executor
from kg.parallel.local import ProcessPool, WorkerError


def summary(article, doc):
    """What a unit may send back: plain data about the article and its parse."""
    return (
        article.id,
        [t.text for t in doc],
        [(e.text, e.label_, e.start_char) for e in doc.ents],
        [s.start for s in doc.sents],
    )


class Unpicklable(Exception):
    def __init__(self, where, count):
        super().__init__(f"{where} {count}")
        self.lock = threading.Lock()


def failing(article, doc, *, bad, error):
    if article.id == bad:
        raise error
    return article.id


def dying(article, doc):
    if article.id == "a017":
        os.kill(os.getpid(), signal.SIGKILL)
    return article.id


def upper_text(article):
    return article.text.upper()


def test_process_pool_yields_what_one_process_does_in_article_order(nlp, articles):
    work = ArticleWork(summary)
    serial = list(Serial(nlp).map(work, articles))
    pooled = list(ProcessPool(nlp, processes=2, batch_size=3).map(work, articles))
    assert [r[0] for r in pooled] == [a.id for a in articles]
    assert pooled == serial
    assert multiprocessing.active_children() == []


def test_the_text_function_chooses_what_is_parsed(nlp, articles):
    work = ArticleWork(summary, text=upper_text)
    (result,) = ProcessPool(nlp, processes=2).map(work, articles[:1])
    assert result[1][:3] == ["COUNCIL", "BACKS", "PLAN"]


@pytest.mark.parametrize(
    ("error", "raised", "message"),
    [
        (InputError("a017: cannot use this"), InputError, "a017: cannot use this"),
        (UnknownNameError("extractor", "x.v9", ["a"]), UnknownNameError, "choose one of: a$"),
        (Unpicklable("a017", 3), WorkerError, "a worker process failed: Unpicklable: a017 3"),
        (ZeroDivisionError("division by zero"), ZeroDivisionError, "division by zero"),
    ],
)
def test_an_error_in_a_worker_is_raised_by_the_build_and_stops_every_worker(
    nlp, articles, error, raised, message
):
    work = ArticleWork(functools.partial(failing, bad="a017", error=error))
    with pytest.raises(raised, match=message):
        list(ProcessPool(nlp, processes=2, batch_size=4).map(work, articles))
    assert multiprocessing.active_children() == []


def test_a_worker_killed_is_an_error_not_a_hang(nlp, articles):
    with pytest.raises(WorkerError, match="was killed by signal 9"):
        list(ProcessPool(nlp, processes=2, batch_size=4).map(ArticleWork(dying), articles))
    assert multiprocessing.active_children() == []


def test_giving_up_early_stops_the_workers(nlp, articles):
    results = ProcessPool(nlp, processes=2, batch_size=2).map(ArticleWork(summary), articles)
    assert next(results)[0] == "a000"
    assert len(multiprocessing.active_children()) == 2
    results.close()
    assert multiprocessing.active_children() == []


def test_no_articles_start_no_workers(nlp):
    assert list(ProcessPool(nlp).map(ArticleWork(summary), [])) == []


def test_small_corpora_stay_in_one_process(nlp, articles):
    assert isinstance(choose_executor(nlp, len(articles), processes=2), Serial)
    assert isinstance(choose_executor(nlp, 500, processes=1), Serial)
    pool = choose_executor(nlp, 500, processes=2)
    assert isinstance(pool, ProcessPool) and pool.processes == 2


def test_workers_leave_with_a_killed_parent(nlp, tmp_path):
    """A parent killed with SIGKILL cannot stop its workers; they must notice."""
    pids = tmp_path / "pids"
    child = os.fork()
    if child == 0:  # the parent-to-be-killed: start a pool and block in it
        try:
            work = ArticleWork(functools.partial(record_and_wait, pids=str(pids)))
            articles = [Article(f"x{i}", "Text.") for i in range(4)]
            list(ProcessPool(nlp, processes=2, batch_size=1).map(work, articles))
        finally:
            os._exit(0)
    try:
        workers = wait_for_lines(pids, 2)
    finally:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
    assert wait_until_gone(workers), f"workers {workers} outlived their parent"


def record_and_wait(article, doc, *, pids):
    import time

    with open(pids, "a") as fh:
        fh.write(f"{os.getpid()}\n")
    time.sleep(60)


def wait_for_lines(path, count, timeout=30.0):
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists():
            lines = {int(x) for x in path.read_text().split()}
            if len(lines) >= count:
                return lines
        time.sleep(0.1)
    raise AssertionError(f"no {count} workers started")


def wait_until_gone(pids, timeout=10.0):
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(alive(pid) for pid in pids):
            return True
        time.sleep(0.1)
    return False


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_fan_out_gives_each_result_in_order_from_forked_workers(monkeypatch, tmp_path):
    import kg.nlp
    from kg.parallel import fan_out

    def no_pipeline(*_):  # inherited by the workers: none may load spaCy
        raise AssertionError("a fan-out worker loaded the pipeline")

    monkeypatch.setattr(kg.nlp, "load_pipeline", no_pipeline)
    held = {n: n * n for n in range(100)}  # what the workers see without pickling it

    def square_and_note(n):
        (tmp_path / f"{n}.pid").write_text(str(os.getpid()))
        return n, held[n]

    results = list(fan_out(lambda n: square_and_note(n), range(100), processes=2, batch_size=7))
    assert results == [(n, n * n) for n in range(100)]
    pids = {int((tmp_path / f"{n}.pid").read_text()) for n in range(100)}
    # Forked workers only (on a busy machine one may take every batch before the other starts).
    assert 1 <= len(pids) <= 2 and os.getpid() not in pids
    assert multiprocessing.active_children() == []


def test_fan_out_of_few_items_or_one_cpu_stays_in_this_process():
    from kg.parallel import fan_out

    assert list(fan_out(lambda _: os.getpid(), range(10), processes=2)) == [os.getpid()] * 10
    assert set(fan_out(lambda _: os.getpid(), range(100), processes=1)) == {os.getpid()}


def test_an_error_in_a_fan_out_worker_is_raised_here():
    from kg.parallel import fan_out

    def fails_at_50(n):
        if n == 50:
            raise InputError(f"item {n}: cannot use this")
        return n

    with pytest.raises(InputError, match="item 50: cannot use this"):
        list(fan_out(fails_at_50, range(100), processes=2))
    assert multiprocessing.active_children() == []


def test_side_by_side_runs_each_call_at_once_in_its_own_forked_process(monkeypatch):
    import kg.parallel
    from kg.parallel import side_by_side

    monkeypatch.setattr(kg.parallel, "available_cpus", lambda: 2)
    second_running = multiprocessing.get_context("fork").Event()

    def first():  # waits for the second: the two run at the same time
        return "first", os.getpid(), second_running.wait(60)

    def second():
        second_running.set()
        return "second", os.getpid(), True

    (a, pid_a, met), (b, pid_b, _) = side_by_side(first, second)
    assert (a, b, met) == ("first", "second", True)
    assert len({pid_a, pid_b, os.getpid()}) == 3
    assert multiprocessing.active_children() == []


def test_an_error_side_by_side_is_raised_here_and_one_cpu_runs_here(monkeypatch):
    import kg.parallel
    from kg.parallel import side_by_side

    def fails():
        raise InputError("the store folder is not writable")

    monkeypatch.setattr(kg.parallel, "available_cpus", lambda: 2)
    with pytest.raises(InputError, match="not writable"):
        side_by_side(os.getpid, fails)
    assert multiprocessing.active_children() == []
    monkeypatch.setattr(kg.parallel, "available_cpus", lambda: 1)
    assert side_by_side(os.getpid, os.getpid) == [os.getpid()] * 2
