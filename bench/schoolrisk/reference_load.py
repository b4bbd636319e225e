#!/usr/bin/env python3
"""Reference for the national import: the same 18 CSV files loaded as plain text into a fresh
SQLite database (one TEXT table per file, executemany in one transaction per file) by Python's
standard library. It does the unavoidable part of the import (read, decode, split, insert) and
none of ours (validation, typed columns, upserts with fingerprints, change log, outbox events),
so "our import / this" says what our extra work costs on the same machine in the same run."""
import csv
import os
import sqlite3
import sys
import tempfile
import time


def rows(path):
    # The DfE files are mostly UTF-8; a few older ones are Windows-1252.
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            with open(path, newline="", encoding=encoding) as f:
                return list(csv.reader(f))
        except UnicodeDecodeError:
            continue
    raise SystemExit(f"cannot decode {path}")


def main(data_dir):
    started = time.perf_counter()
    total = 0
    with tempfile.TemporaryDirectory() as work:
        db = sqlite3.connect(os.path.join(work, "reference.db"))
        db.execute("PRAGMA journal_mode=WAL")
        for name in sorted(os.listdir(data_dir)):
            if not name.endswith(".csv"):
                continue
            header, *body = rows(os.path.join(data_dir, name))
            table = '"' + name[:-4] + '"'
            columns = ", ".join(f'"c{i}" TEXT' for i in range(len(header)))
            db.execute(f"CREATE TABLE {table} ({columns})")
            marks = ", ".join("?" * len(header))
            with db:
                db.executemany(f"INSERT INTO {table} VALUES ({marks})",
                               (r[:len(header)] + [None] * (len(header) - len(r)) for r in body))
            total += len(body)
        db.close()
    print(f"reference load: {total} rows in {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main(sys.argv[1])
