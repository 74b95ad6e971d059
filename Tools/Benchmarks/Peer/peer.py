"""Rõ's task workload on the Python `eventsourcing` library, for comparison.

Usage: peer.py --dir DIR --tasks T [--writers W]
Run it through run-peer.sh, which provides the pinned library in a virtualenv.

Each task gets 26 commands, as in Rõ: assign (creates the aggregate), accept,
then 12 x (submit a report, approve it). Each command is what an application
does: load the aggregate from the repository (no snapshots, no cache), trigger
the event, save it (one transaction). Figures:
  one_writer: all commands from one thread, commands/s;
  writers:    the same on a fresh database from W threads, each owning
              distinct tasks, commands/s;
  replay:     every event of the first database read in global order and folded
              into its aggregate, events/s;
  history:    repository.get of 200 random tasks, p50 and p99 in ms.
Prints one JSON object on stdout; diagnostics and errors go to stderr.
"""

import argparse
import importlib.metadata
import json
import math
import os
import random
import sys
import threading
import time

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate, event
from eventsourcing.sqlite import SQLiteConnectionPool

REPORTS = 12
EVENTS_PER_TASK = 2 + 2 * REPORTS
HISTORY_SAMPLES = 200


def log(message):
    print(f"peer: {message}", file=sys.stderr, flush=True)


# The library turns WAL on for file databases but leaves `synchronous` at the
# SQLite build's default (it never sets it). Rõ and the raw limit run with
# synchronous=FULL, so set it on every connection the library's pool opens.
# `_create_connection` is private: fail loudly if a release renames it.
if not hasattr(SQLiteConnectionPool, "_create_connection"):
    raise SystemExit("peer: eventsourcing's SQLiteConnectionPool has no _create_connection")
_library_create_connection = SQLiteConnectionPool._create_connection


def _create_full_sync_connection(self):
    connection = _library_create_connection(self)
    connection._sqlite_conn.execute("PRAGMA synchronous=FULL")
    return connection


SQLiteConnectionPool._create_connection = _create_full_sync_connection


class Task(Aggregate):
    """A task as Rõ has it, reduced to the events of the workload."""

    @event("Assigned")
    def __init__(self, title, lead, by):
        self.title = title
        self.lead = lead
        self.status = "assigned"
        self.reports = []
        self.percent = 0

    @event("Accepted")
    def accept(self, by):
        self.status = "accepted"

    @event("ReportSubmitted")
    def submit_report(self, summary, percent, by):
        self.reports.append({"summary": summary, "percent": percent, "approved": False})

    @event("ReportApproved")
    def approve_report(self, by):
        self.reports[-1]["approved"] = True
        self.percent = self.reports[-1]["percent"]


class Tasks(Application):
    # Rebuild every aggregate from its events on each load.
    is_snapshotting_enabled = False

    def assign(self, n):
        task = Task(title=f"Nhiệm vụ số {n} của Kế hoạch phát triển kinh tế – xã hội năm 2026",
                    lead="vhxh", by="chutich")
        self.save(task)
        return task.id

    def accept(self, task_id):
        task = self.repository.get(task_id)
        task.accept(by="lan")
        self.save(task)

    def submit_report(self, task_id, round_):
        task = self.repository.get(task_id)
        percent = min(100, round_ * 8)
        task.submit_report(
            summary=f"Đã hoàn thành {percent}% khối lượng; tổ chức 2 hội nghị tuyên truyền "
                    f"cho 250 người; kiểm tra 14 cơ sở.",
            percent=percent, by="lan")
        self.save(task)

    def approve_report(self, task_id):
        task = self.repository.get(task_id)
        task.approve_report(by="chutich")
        self.save(task)


def open_app(path):
    return Tasks(env={
        "PERSISTENCE_MODULE": "eventsourcing.sqlite",
        "SQLITE_DBNAME": path,
        "IS_SNAPSHOTTING_ENABLED": "n",
    })


def pragmas(app):
    """journal_mode and synchronous as SQLite reports them on the app's own connection."""
    with app.recorder.datastore.transaction(commit=False) as cursor:
        cursor.execute("PRAGMA journal_mode")
        journal_mode = cursor.fetchone()[0]
        cursor.execute("PRAGMA synchronous")
        synchronous = cursor.fetchone()[0]
    return journal_mode, synchronous


def run_task(app, n):
    """The 26 commands of one task, in order; returns the task's id."""
    task_id = app.assign(n)
    app.accept(task_id)
    for round_ in range(1, REPORTS + 1):
        app.submit_report(task_id, round_)
        app.approve_report(task_id)
    return task_id


def one_writer(app, tasks):
    start = time.perf_counter()
    ids = [run_task(app, n) for n in range(tasks)]
    return ids, time.perf_counter() - start


def many_writers(app, tasks, writers):
    errors = []
    barrier = threading.Barrier(writers + 1)

    def work(owned):
        try:
            barrier.wait()
            for n in owned:
                run_task(app, n)
        except Exception as error:  # reported after the join
            errors.append(error)

    # Thread w owns tasks w, w+W, w+2W, ...: distinct tasks, none shared.
    threads = [threading.Thread(target=work, args=(range(w, tasks, writers),)) for w in range(writers)]
    for thread in threads:
        thread.start()
    barrier.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - start
    if errors:
        raise RuntimeError(f"a writer failed: {errors[0]!r}")
    return seconds


def replay(app):
    """What a rebuild of read models does: every event in global order, folded."""
    aggregates = {}
    count = 0
    start = time.perf_counter()
    position = 1
    while True:
        page = app.recorder.select_notifications(start=position, limit=1000)
        if not page:
            break
        for notification in page:
            domain_event = app.mapper.to_domain_event(notification)
            aggregates[domain_event.originator_id] = domain_event.mutate(
                aggregates.get(domain_event.originator_id))
            count += 1
        position = page[-1].id + 1
    return count, len(aggregates), time.perf_counter() - start


def history(app, ids):
    rng = random.Random(42)
    times = []
    for task_id in rng.choices(ids, k=HISTORY_SAMPLES):
        start = time.perf_counter()
        task = app.repository.get(task_id)
        times.append((time.perf_counter() - start) * 1000)
        if task.version != EVENTS_PER_TASK:
            raise RuntimeError(f"task {task_id} has version {task.version}, not {EVENTS_PER_TASK}")
    times.sort()

    def percentile(p):  # nearest rank
        return times[min(len(times), max(1, math.ceil(p / 100 * len(times)))) - 1]
    return percentile(50), percentile(99)


def remove_database(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.remove(path + suffix)
        except FileNotFoundError:
            pass


def main():
    parser = argparse.ArgumentParser(description="Rõ's workload on the eventsourcing library")
    parser.add_argument("--dir", required=True, help="an existing scratch directory")
    parser.add_argument("--tasks", type=int, required=True, help="tasks (26 commands each)")
    parser.add_argument("--writers", type=int, default=16, help="threads for the writers run")
    args = parser.parse_args()
    if args.tasks < 1 or args.writers < 1:
        raise ValueError("--tasks and --writers must be positive")
    if not os.path.isdir(args.dir):
        raise ValueError(f"{args.dir} is not a directory")

    first = os.path.join(args.dir, f"peer-{os.getpid()}-one.sqlite")
    second = os.path.join(args.dir, f"peer-{os.getpid()}-many.sqlite")
    try:
        app = open_app(first)
        journal_mode, synchronous = pragmas(app)
        log(f"journal_mode={journal_mode} synchronous={synchronous}; one writer, {args.tasks} tasks")
        ids, one_seconds = one_writer(app, args.tasks)

        log(f"{args.writers} writers")
        app_many = open_app(second)
        many_seconds = many_writers(app_many, args.tasks, args.writers)
        many_pragmas = pragmas(app_many)
        app_many.close()
        if many_pragmas != (journal_mode, synchronous):
            raise RuntimeError(f"second database ran with {many_pragmas}, first with {(journal_mode, synchronous)}")

        log("replay and history")
        events, rebuilt, replay_seconds = replay(app)
        if events != args.tasks * EVENTS_PER_TASK or rebuilt != args.tasks:
            raise RuntimeError(f"replay read {events} events of {rebuilt} tasks")
        p50, p99 = history(app, ids)
        app.close()
    finally:
        remove_database(first)
        remove_database(second)

    commands = args.tasks * EVENTS_PER_TASK
    print(json.dumps({
        "library": "eventsourcing",
        "version": importlib.metadata.version("eventsourcing"),
        "journal_mode": journal_mode,
        "synchronous": synchronous,
        "tasks": args.tasks,
        "events_per_task": EVENTS_PER_TASK,
        "one_writer_commands": commands,
        "one_writer_seconds": round(one_seconds, 6),
        "one_writer_commands_per_second": round(commands / one_seconds, 1),
        "writers": args.writers,
        "writers_commands_per_second": round(commands / many_seconds, 1),
        "replay_events": events,
        "replay_seconds": round(replay_seconds, 6),
        "replay_events_per_second": round(events / replay_seconds, 1),
        "history_p50_ms": round(p50, 3),
        "history_p99_ms": round(p99, 3),
    }))


if __name__ == "__main__":
    try:
        main()
    except Exception as error:
        print(f"peer: {type(error).__name__}: {error}".replace("\n", " "), file=sys.stderr)
        sys.exit(1)
