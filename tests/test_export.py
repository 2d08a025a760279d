"""Exports of the sample corpus to SQLite, a live PostgreSQL, CSV and Parquet (issue 6)."""

from __future__ import annotations

import csv
import sqlite3
import sys

import pytest

from pipeline.cli import main
from pipeline.export import export, load_records
from pipeline.export.tables import TABLE_BY_NAME, TABLES
from pipeline.registry import build_registry

pytestmark = [pytest.mark.model, pytest.mark.issue(6)]


@pytest.fixture(scope="module")
def records(records_file):
    return load_records(records_file)


def expected_counts(records) -> dict[str, int]:
    """Row counts computed from the records themselves, not from the export code."""
    entities = build_registry(records)
    people = [p for r in records for p in r.people]
    orgs = [o for r in records for o in r.organizations]
    locations = [loc for r in records for loc in r.locations]
    return {
        "articles": len(records),
        "people": len(people),
        "organizations": len(orgs),
        "roles": sum(len(p.roles) for p in people),
        "aliases": sum(len(o.aliases) for o in orgs),
        "locations": len(locations),
        "dates": sum(len(r.dates) for r in records),
        "agreement_counts": sum(len(r.agreement_counts) for r in records),
        "mentions": sum(len(x.mentions) for x in [*people, *orgs, *locations]),
        "entities": len(entities),
        "entity_variants": sum(len(e.variants) for e in entities),
        "entity_members": len(people) + len(orgs),
    }


def test_every_foreign_key_points_at_a_primary_key():
    for table in TABLES:
        assert set(table.primary_key) <= set(table.column_names), table.name
        for fk in table.foreign_keys:
            assert fk.column in table.column_names, (table.name, fk.column)
            assert TABLE_BY_NAME[fk.table].primary_key == (fk.target,), (table.name, fk)


def _dump(connection) -> dict[str, list[tuple]]:
    out = {}
    for table in TABLES:
        cursor = connection.execute(f'SELECT * FROM "{table.name}"')
        out[table.name] = sorted(cursor.fetchall(), key=repr)
    return out


def test_sqlite_export_counts_keys_and_idempotent_reexport(records, tmp_path):
    url = f"sqlite:///{tmp_path / 'uninews.db'}"
    counts = export(records, url)
    assert counts == expected_counts(records)
    with sqlite3.connect(tmp_path / "uninews.db") as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        before = _dump(db)
    assert export(records, url) == counts
    with sqlite3.connect(tmp_path / "uninews.db") as db:
        assert _dump(db) == before


def test_sqlite_foreign_keys_are_enforced(records, tmp_path):
    url = f"sqlite:///{tmp_path / 'uninews.db'}"
    export(records[:2], url)
    with sqlite3.connect(tmp_path / "uninews.db") as db:
        db.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(sqlite3.IntegrityError):
            db.execute(
                'INSERT INTO "people" VALUES (?, ?, ?, ?, ?)',
                ("x:P1", "no-such-doc", "P1", "X", None),
            )


def test_a_changed_file_replaces_its_older_article(records, tmp_path):
    url = f"sqlite:///{tmp_path / 'uninews.db'}"
    export(records, url)
    old = records[0]
    new = old.model_copy(update={"doc_id": "0" * 16, "title": "Changed"})
    counts = export([new], url)
    assert counts["articles"] == len(records)
    with sqlite3.connect(tmp_path / "uninews.db") as db:
        ids = {row[0] for row in db.execute('SELECT "doc_id" FROM "articles"')}
        assert "0" * 16 in ids and old.doc_id not in ids
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_records_of_earlier_exports_stay_and_join_the_registry(records, tmp_path):
    url = f"sqlite:///{tmp_path / 'uninews.db'}"
    half = len(records) // 2
    export(records[:half], url)
    counts = export(records[half:], url)
    assert counts == expected_counts(records)


def test_postgresql_export_counts_keys_and_idempotent_reexport(records, postgres_url):
    import psycopg

    counts = export(records, postgres_url)
    assert counts == expected_counts(records)
    with psycopg.connect(postgres_url) as db:
        before = _dump(db)
        constraints = db.execute(
            "SELECT constraint_type, count(*) FROM information_schema.table_constraints "
            "WHERE table_schema = 'public' GROUP BY constraint_type"
        ).fetchall()
    declared = sum(len(t.foreign_keys) for t in TABLES)
    assert dict(constraints)["FOREIGN KEY"] == declared
    assert dict(constraints)["PRIMARY KEY"] == len(TABLES)
    assert export(records, postgres_url) == counts
    with psycopg.connect(postgres_url) as db:
        assert _dump(db) == before
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            db.execute(
                'INSERT INTO "roles" ("role_id", "person_id", "doc_id", "title") '
                "VALUES ('x', 'no-such-person', %s, 'Rector')",
                (records[0].doc_id,),
            )


def _read_csv(folder, table):
    with open(folder / f"{table}.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def test_csv_export_counts_keys_and_identical_reexport(records, tmp_path):
    folder = tmp_path / "csv"
    counts = export(records, "csv", folder)
    assert counts == expected_counts(records)
    first = {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))}
    assert set(first) == {f"{t.name}.csv" for t in TABLES}
    keys = {}
    for table in TABLES:
        header, rows = _read_csv(folder, table.name)
        assert header == table.column_names
        assert len(rows) == counts[table.name]
        positions = [header.index(c) for c in table.primary_key]
        pks = {tuple(row[i] for i in positions) for row in rows}
        assert len(pks) == len(rows), f"duplicate primary key in {table.name}"
        keys[table.name] = {pk[0] for pk in pks}
    for table in TABLES:
        header, rows = _read_csv(folder, table.name)
        for fk in table.foreign_keys:
            values = {row[header.index(fk.column)] for row in rows} - {""}
            assert values <= keys[fk.table], (table.name, fk.column)
    export(records, "csv", folder)
    assert {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))} == first


def test_parquet_export_counts_types_and_identical_reexport(records, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    folder = tmp_path / "parquet"
    counts = export(records, "parquet", folder)
    assert counts == expected_counts(records)
    first = {p.name: p.read_bytes() for p in sorted(folder.glob("*.parquet"))}
    for table in TABLES:
        data = pq.read_table(folder / f"{table.name}.parquet")
        assert data.num_rows == counts[table.name]
        assert data.column_names == table.column_names
        key = data.column(table.primary_key[0]).to_pylist()
        if len(table.primary_key) == 1:
            assert len(set(key)) == len(key)
    assert str(pq.read_table(folder / "dates.parquet").schema.field("start_char").type) == "int64"
    export(records, "parquet", folder)
    assert {p.name: p.read_bytes() for p in sorted(folder.glob("*.parquet"))} == first


# -- command line ----------------------------------------------------------------------------
def test_cli_export_to_sqlite(records_file, tmp_path, capsys):
    db = tmp_path / "out" / "u.db"
    assert main(["export", str(records_file), "--to", f"sqlite:///{db}"]) == 0
    err = capsys.readouterr().err
    assert "uninews: exported" in err and "articles" in err
    assert db.is_file()


@pytest.mark.parametrize(
    "to",
    [pytest.param(["csv"], id="csv_without_dir"), pytest.param(["mysql://x/y"], id="unknown_url")],
)
def test_cli_export_bad_target_is_one_line(records_file, to, capsys):
    assert main(["export", str(records_file), "--to", *to]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("uninews: error:")


def test_cli_export_parquet_without_pyarrow_names_the_extra(
    records_file, tmp_path, capsys, monkeypatch
):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    assert main(["export", str(records_file), "--to", "parquet", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert (
        err == "uninews: error: exporting to Parquet needs pyarrow: pip install 'uninews[export]'"
    )


def test_cli_export_postgres_without_psycopg_names_the_extra(records_file, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)
    assert main(["export", str(records_file), "--to", "postgresql://u@127.0.0.1:1/x"]) == 2
    assert "pip install 'uninews[export]'" in capsys.readouterr().err


def test_cli_export_invalid_records_file(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"schema_version": "1.2"}\n')
    assert main(["export", str(bad), "--to", f"sqlite:///{tmp_path / 'x.db'}"]) == 2
    assert "bad.jsonl:1:" in capsys.readouterr().err
