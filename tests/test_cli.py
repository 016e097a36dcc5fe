from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from storyline.cli import INTERNAL_ERROR, cli, main
from storyline.store import open_store
from tests.conftest import CLI, ROOT


def test_ingest_then_list_show_search_stats(run: CLI, examples: Path) -> None:
    result = run("ingest", str(examples))
    assert result.exit_code == 0, result.output
    assert "Ingested 11 documents" in result.output
    again = run("ingest", str(examples))
    assert again.exit_code == 0 and "Nothing new (11 unchanged" in again.output

    listing = json.loads(run("documents", "--json").output)
    assert len(listing) == 11 and "text" not in listing[0]
    table = run("documents").output
    assert "Agency denies Yoon Ha-rin" in table

    denial = next(d for d in listing if d["outlet"] == "K-Wave Times")
    shown = run("show", denial["id"][:8], "--removed")
    assert shown.exit_code == 0
    assert "2025-06-16 (day, from metadata)" in shown.output
    assert "Starlight Entertainment" in shown.output

    hits = json.loads(run("search", "Northwind", "--json").output)
    assert {h["title"] for h in hits} >= {"Yoon Ha-rin, Kang Do-jin deny dating reports"}

    stats = json.loads(run("stats", "--json").output)
    assert stats["documents"] == 11 and stats["by_language"] == {"en": 11}


def test_failures_exit_1_with_one_line_each_and_no_traceback(run: CLI, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Title\n\nA good article.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("ingest", str(tmp_path), str(tmp_path / "gone.html"))
    assert result.exit_code == 1
    assert f"failed: {tmp_path / 'empty.txt'}: empty file" in result.output
    assert f"failed: {tmp_path / 'gone.html'}: no such file or directory" in result.output
    assert "Ingested 1 document (1 ingested, 2 failed)" in result.output
    assert "Traceback" not in result.output


def test_quiet_prints_only_errors(run: CLI, examples: Path) -> None:
    result = run("ingest", "--quiet", str(examples))
    assert result.exit_code == 0 and result.output == ""


def test_stdin_with_format(run: CLI) -> None:
    page = "<html><body><article><p>" + "Stdin article sentence. " * 20 + "</p></article>"
    result = run("ingest", "-", "--format", "html", input=page)
    assert result.exit_code == 0, result.output
    [doc] = json.loads(run("documents", "--json").output)
    assert doc["source"] == "<stdin>" and doc["kind"] == "html"
    other = run("ingest", "-", input="Another\n\nA different article from a pipe.")
    assert "1 ingested" in other.output  # a second pipe adds, it does not replace
    assert len(json.loads(run("documents", "--json").output)) == 2


def test_field_options(run: CLI, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"maintext": "Body.", "when": "2024-02-03", "name": "T"}) + "\n")
    result = run(
        "ingest",
        str(feed),
        "--text-field",
        "maintext",
        "--date-field",
        "when",
        "--title-field",
        "name",
    )
    assert result.exit_code == 0, result.output
    [doc] = json.loads(run("documents", "--json").output)
    assert doc["published"] == {"value": "2024-02-03", "precision": "day", "basis": "input"}
    assert doc["title"] == "T"


def test_bad_option_values_are_usage_errors(run: CLI, examples: Path) -> None:
    result = run("ingest", str(examples), "--max-size", "lots")
    assert result.exit_code == 2 and "not a size" in result.output


def test_read_commands_need_a_database(run: CLI) -> None:
    result = run("documents")
    assert result.exit_code == 1
    assert "no database at" in result.output and "Traceback" not in result.output


def test_show_unknown_document(run: CLI, examples: Path) -> None:
    run("ingest", str(examples))
    result = run("show", "d_nothing")
    assert result.exit_code == 1 and "no document 'd_nothing'" in result.output


def test_export_schema(run: CLI, examples: Path, tmp_path: Path) -> None:
    run("ingest", str(examples))
    out = tmp_path / "export.json"
    assert run("export", "--format", "json", "-o", str(out)).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "storyline/v1"
    entities = {e["id"] for e in data["entities"]}
    events = {e["id"] for e in data["events"]}
    assert data["relations"], "the sample corpus states relations"
    for relation in data["relations"]:
        assert {relation["subject"], relation["object"]} <= entities
        assert set(relation["events"]) <= events
        assert relation["events"] or relation["evidence"]
    for story in data["stories"]:
        assert set(story) >= {"id", "title", "documents", "entities", "first", "last"}
        assert story["id"].startswith("s_") and story["documents"]
    assert {d["story"] for d in data["documents"]} == {s["id"] for s in data["stories"]}
    ids = {d["id"] for d in data["documents"]}
    entity_ids = {e["id"] for e in data["entities"]}
    assert data["events"]
    for event in data["events"]:
        assert set(event) >= {
            "id", "type", "participants", "time", "modality", "summary", "quote", "evidence",
            "outlets",
        }  # fmt: skip
        assert event["id"].startswith("v_") and "." in event["type"]
        assert {p["entity"] for p in event["participants"]} <= entity_ids
        assert set(event["time"]) == {"value", "precision", "text"}
        for evidence in event["evidence"]:
            assert evidence["document"] in ids
            text = next(d["text"] for d in data["documents"] if d["id"] == evidence["document"])
            assert text[evidence["start"] : evidence["end"]] == evidence["text"]
    for entity in data["entities"]:
        assert set(entity) >= {"id", "type", "name", "aliases", "accounts", "documents", "mentions"}
        assert entity["id"].startswith("e_") and entity["name"] in entity["aliases"]
        assert entity["mentions"] >= 1 and set(entity["documents"]) <= ids
    doc = data["documents"][0]
    for key in (
        "id",
        "source",
        "url",
        "title",
        "outlet",
        "credited_sources",
        "language",
        "published",
        "story",
        "duplicate_of",
        "text",
    ):
        assert key in doc
    assert json.loads(run("export").output) == data


def _commands() -> list[str]:
    assert isinstance(cli, click.Group)
    return sorted(cli.commands)


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_and_is_documented(command: str, run: CLI) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output
    assert cli.commands[command].help
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert f"$ storyline {command} --help" in reference, f"docs/cli.md lacks {command}"


def test_console_script_runs(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "storyline"
    if not script.exists():
        pytest.skip("storyline is not installed as a console script")
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=True)
    assert "storyline, version" in done.stdout


def test_db_after_the_command_and_own_database_skipped(tmp_path: Path, examples: Path) -> None:
    inside = examples / "news.db"  # a database kept inside the folder it ingests
    runner = CLI(tmp_path / "unused.db")
    first = runner.runner.invoke(cli, ["ingest", "--db", str(inside), str(examples)])
    assert first.exit_code == 0, first.output
    again = runner.runner.invoke(cli, ["ingest", "--db", str(inside), str(examples)])
    assert again.exit_code == 0 and "unsupported" not in again.output
    listed = runner.runner.invoke(cli, ["documents", "--db", str(inside), "--json"])
    assert len(json.loads(listed.output)) == 11
    assert not (tmp_path / "unused.db").exists()


def test_ingest_help_lists_every_default_field(run: CLI) -> None:
    text = " ".join(run("ingest", "--help").output.split())
    assert "maintext" in text and "canonical_url" in text and "date_publish" in text


def test_database_from_the_environment(tmp_path: Path, examples: Path) -> None:
    runner = CliRunner(env={"STORYLINE_DB": str(tmp_path / "env.db")})
    assert runner.invoke(cli, ["ingest", "-q", str(examples)]).exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_entities_and_entity(run: CLI, examples: Path) -> None:
    run("ingest", str(examples))
    listed = run("entities", "--type", "person")
    assert listed.exit_code == 0
    assert "Yoon Ha-rin" in listed.output and "Yoon Ha Rin" in listed.output
    as_json = json.loads(run("entities", "--json", "--limit", "3").output)
    assert len(as_json) == 3 and as_json[0]["mentions"] >= as_json[-1]["mentions"]
    shown = run("entity", "Yoon", "Ha", "Rin", "--why")
    assert shown.exit_code == 0
    assert "Yoon Ha-rin" in shown.output and "@harin.yoon" in shown.output
    assert "How the spellings came together" in shown.output
    detail = json.loads(run("entity", "@harin.yoon", "--json").output)
    assert detail["name"] == "Yoon Ha-rin"
    for evidence in detail["evidence"]:
        assert evidence["text"] in evidence["sentence"]


def test_entity_errors_are_one_line(run: CLI, examples: Path) -> None:
    run("ingest", str(examples))
    missing = run("entity", "Nobody Atall")
    assert missing.exit_code == 1 and "no entity called 'Nobody Atall'" in missing.output
    assert "Traceback" not in missing.output


def test_reprocess_and_stats(run: CLI, examples: Path) -> None:
    run("ingest", str(examples))
    before = json.loads(run("entities", "--json").output)
    result = run("reprocess", "--all")
    assert result.exit_code == 0 and "Annotated 11 documents" in result.output
    assert json.loads(run("entities", "--json").output) == before
    stats = run("stats")
    assert "entities" in stats.output and "person" in stats.output


def test_timeline_graph_and_report_commands(run: CLI, examples: Path) -> None:
    run("ingest", str(examples))
    result = run("timeline", "--all", "--format", "json")
    assert result.exit_code == 0
    entries = json.loads(result.output)
    assert entries and all({"date", "text", "evidence"} <= set(e) for e in entries)
    dated = [e["date"] for e in entries if e["date"]]
    assert dated == sorted(dated)
    summary = json.loads(run("timeline", "--all", "--dates", "2", "--format", "json").output)
    assert 1 <= len({e["date"] for e in summary}) <= 2
    pair = run("timeline", "--pair", "Min Seo-yeon", "Moonlit Harbor", "--format", "markdown")
    assert pair.exit_code == 0 and "Moonlit Harbor" in pair.output
    graph = run("graph", "--format", "mermaid")
    assert graph.exit_code == 0 and graph.output.startswith("graph LR")
    report = run("report")
    assert report.exit_code == 0 and "## Timeline" in report.output and "[^1]:" in report.output


def test_timeline_needs_one_scope(run: CLI, examples: Path) -> None:
    run("ingest", str(examples))
    result = run("timeline")
    assert result.exit_code == 2 and "give one of" in result.output
    result = run("report", "s_nothing")
    assert result.exit_code == 1 and "no story 's_nothing'" in result.output


def _storyline(*args: str) -> subprocess.Popen[str]:
    """storyline in a process of its own, as a second user would run it."""
    return subprocess.Popen(
        [sys.executable, "-m", "storyline", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_two_ingests_at_once_lose_nothing(tmp_path: Path, examples: Path) -> None:
    db = str(tmp_path / "shared.db")  # new: both processes also create and migrate it
    both = [_storyline("--db", db, "ingest", str(examples)) for _ in range(2)]
    outputs = [process.communicate(timeout=600)[0] for process in both]
    assert [process.returncode for process in both] == [0, 0], outputs
    listed = CLI(Path(db))("documents", "--json")
    assert len(json.loads(listed.output)) == 11


def test_a_writer_waits_while_another_holds_the_database(tmp_path: Path, examples: Path) -> None:
    db = tmp_path / "busy.db"
    open_store(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer, longer than SQLite's own wait
    ingesting = _storyline("--db", str(db), "ingest", str(examples / "wire_bora_news.jsonl"))
    time.sleep(7)
    holder.execute("COMMIT")
    output = ingesting.communicate(timeout=600)[0]
    assert ingesting.returncode == 0 and "0 failed" in output, output


def test_titles_cannot_drive_the_terminal(run: CLI, tmp_path: Path) -> None:
    record = {
        "title": "Kang Do-jin\x1b]0;owned\x07 returns \x1b[2J\x9b31m",
        "text": "Kang Do-jin\x1b[31m returns to the stage on Friday.",
        "outlet": "\x1b[5mBlinking News",
    }
    (tmp_path / "feed.jsonl").write_text(json.dumps(record), encoding="utf-8")
    assert run("ingest", str(tmp_path / "feed.jsonl")).exit_code == 0
    for args in (("documents",), ("show", f"{tmp_path}/feed.jsonl#1"), ("search", "Kang")):
        output = run(*args).output
        assert "returns" in output
        assert not re.search("[\x1b\x07\x9b]", output), args


def test_an_internal_error_exits_with_its_own_status(monkeypatch: pytest.MonkeyPatch) -> None:
    @cli.command("crash", hidden=True)
    def crash() -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(sys, "argv", ["storyline", "crash"])
    try:
        with pytest.raises(SystemExit) as exited:
            main()
    finally:
        del cli.commands["crash"]
    assert exited.value.code == INTERNAL_ERROR == 70
