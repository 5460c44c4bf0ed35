"""The command line as a user meets it: answers, one-line errors with exit codes, no tracebacks, help for
every command, and every command in the README."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from partnergraph.cli import COMMANDS, make_parser

ROOT = Path(__file__).resolve().parents[1]


def partnergraph(*args, root: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PARTNERGRAPH_ROOT": str(root)}
    return subprocess.run(
        [sys.executable, "-m", "partnergraph.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=root,
    )


def test_query_partner_countries_prints_the_table(seed_settings):
    out = partnergraph("query", "partner_countries", root=seed_settings.root)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].split() == ["country", "iso", "name", "events", "incoming_events", "outgoing_events"]
    assert lines[2].split() == ["pgid:country/de", "DE", "Germany", "4", "2", "2"]
    assert lines[3].split() == ["pgid:country/nl", "NL", "Netherlands", "3", "2", "1"]
    assert lines[-1] == "(9 rows)"


def test_query_formats(seed_settings):
    csv = partnergraph(
        "query", "events_on_topic", "--param", "topic=foster_care", "--format", "csv", root=seed_settings.root
    )
    assert csv.stdout.splitlines()[0] == "event,title,start,type,direction"
    assert ",2010-07-03,StudyVisit,incoming" in csv.stdout
    tsv = partnergraph("query", "partner_countries", "--format", "tsv", root=seed_settings.root)
    assert tsv.stdout.splitlines()[1].startswith('<https://w3id.org/partnergraph/id/country/de>\t"DE"')
    json = partnergraph("query", "partner_countries", "--format", "json", root=seed_settings.root)
    assert '"vars": [' in json.stdout and '"value": "DE"' in json.stdout


def test_query_from_stdin_and_from_a_file(seed_settings, tmp_path):
    text = (
        "PREFIX pg: <https://w3id.org/partnergraph/def/>\nSELECT (COUNT(?e) AS ?n) WHERE { ?e a pg:Event }\n"
    )
    out = partnergraph("query", "-", "--format", "csv", root=seed_settings.root, stdin=text)
    assert out.stdout.splitlines() == ["n", "16"]
    path = tmp_path / "count.rq"
    path.write_text(text, encoding="utf-8")
    assert partnergraph(
        "query", str(path), "--format", "csv", root=seed_settings.root
    ).stdout.splitlines() == ["n", "16"]


def test_query_list_shows_titles_and_parameters(seed_settings):
    out = partnergraph("query", "--list", root=seed_settings.root)
    assert re.search(
        r"events_on_topic\s+Events on a topic in a year range\s+\[topic=homelessness year_from=2000",
        out.stdout,
    )


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["query", "no_such_query"], None, "no saved query 'no_such_query'; known: co_occurring_partners"),
        (["query", "events_on_topic", "--param", "colour=red"], None, "unknown parameter(s) colour"),
        (
            ["query", "events_on_topic", "--param", "year_from=soon"],
            None,
            "--param year_from='soon': expected a year",
        ),
        (["query", "-"], "SELECT * WHERE {", "SPARQL syntax error: error at 1:17"),
        (["query", "missing.rq"], None, "missing.rq: no such query file"),
        (["query", "-"], "", "no query on standard input"),
        (["query", "partner_countries", "--endpoint", "http://127.0.0.1:9/sparql"], None, "cannot reach"),
    ],
)
def test_bad_input_gets_one_line_and_exit_code_2(seed_settings, args, stdin, message):
    out = partnergraph(*args, root=seed_settings.root, stdin=stdin)
    assert out.returncode == 2
    assert message in out.stderr
    assert "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_a_malformed_param_option_is_refused_by_the_parser(seed_settings):
    out = partnergraph("query", "events_on_topic", "--param", "topic", root=seed_settings.root)
    assert out.returncode == 2 and "expected name=value" in out.stderr


def test_an_unknown_country_code_is_refused_not_answered_with_no_rows(seed_settings):
    out = partnergraph("query", "events_in_country", "--param", "country=XX", root=seed_settings.root)
    assert out.returncode == 2 and out.stdout == "", out.stdout  # was '(0 rows)', exit 0
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("partnergraph query: country='XX': no such country code")
    known = partnergraph("query", "events_in_country", "--param", "country=jp", root=seed_settings.root)
    assert known.returncode == 0 and "(0 rows)" in known.stdout  # a real country with no events
    germany = partnergraph("query", "events_in_country", "--param", "country=de", root=seed_settings.root)
    assert germany.returncode == 0 and "(0 rows)" not in germany.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "-", "--format", "xml"], "partnergraph query: argument --format: invalid choice: 'xml'"),
        (
            ["network", "export"],
            "partnergraph network export: the following arguments are required: --format",
        ),
        (["view", "--depth", "-1"], "partnergraph view: argument --depth: expected a number of 0 or more"),
        # was taken as 0 (no cache) without a word; serve's limits are declared by one table now
        (["serve", "--cache", "-1"], "partnergraph serve: argument --cache: expected a number of 0 or more"),
        (["no_such_command"], "partnergraph: argument COMMAND: invalid choice: 'no_such_command'"),
    ],
)
def test_a_usage_error_is_one_line_and_exit_code_2(tmp_path, args, message):
    out = partnergraph(*args, root=tmp_path)
    assert out.returncode == 2
    assert out.stderr.startswith(message), out.stderr
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr


def run_on_a_terminal(root: Path, *args: str) -> str:
    """What the command writes to stderr when stderr is a terminal (a pseudo-terminal here)."""
    controller, terminal = pty.openpty()
    env = {**os.environ, "PARTNERGRAPH_ROOT": str(root)}
    with subprocess.Popen(
        [sys.executable, "-m", "partnergraph.cli", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=terminal,
        cwd=root,
        env=env,
    ) as process:
        os.close(terminal)
        seen = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the terminal's other end closed
                break
            if not chunk:
                break
            seen += chunk
        assert process.wait(timeout=300) == 0, seen
    os.close(controller)
    return seen.decode("utf-8", "replace")


def test_a_long_command_shows_its_steps_on_a_terminal_only(seed_settings, tmp_path):
    on_terminal = run_on_a_terminal(seed_settings.root, "publish", str(tmp_path / "site"))
    assert "INFO network:" in on_terminal, on_terminal
    piped = partnergraph("publish", str(tmp_path / "again"), root=seed_settings.root)
    assert piped.returncode == 0 and "INFO" not in piped.stderr, piped.stderr


def test_publish_into_a_file_is_refused_in_one_line(seed_settings, tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    out = partnergraph("publish", str(tmp_path / "notes.txt"), root=seed_settings.root)
    assert out.returncode == 2, out.stderr
    assert out.stderr.startswith("partnergraph publish: ") and "is a file, not a folder" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_folder_given_as_a_page_is_named_a_folder(seed_settings, tmp_path):
    extract = partnergraph("extract", str(tmp_path), root=seed_settings.root)
    assert extract.returncode == 2 and f"{tmp_path}: a folder, not a page" in extract.stderr, extract.stderr
    add = partnergraph("add", str(tmp_path), root=seed_settings.root)
    assert add.returncode == 2 and f"{tmp_path}: a folder (give a saved page" in add.stdout + add.stderr, add


@pytest.mark.parametrize(
    "args, says",
    [
        (["empty.txt"], "empty.txt"),  # a page with no text: SourceError
        (["page.txt", "--out", "taken/inside"], "taken"),  # a folder under a file: an OSError on writing
    ],
)
def test_extract_errors_read_as_every_commands_do(tmp_path, args, says):
    """extract printed 'partnergraph extract: error: ...', every other command 'partnergraph CMD: ...'."""
    (tmp_path / "page.txt").write_text("W dniu 3 maja 2019 r. gościliśmy delegację z Berlina.\n", "utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "taken").write_text("mine", encoding="utf-8")
    out = partnergraph("extract", *args, root=tmp_path)
    lines = out.stderr.strip().splitlines()
    assert out.returncode == 2 and len(lines) == 1, out.stderr
    assert lines[0].startswith("partnergraph extract: ") and "error:" not in lines[0] and says in lines[0]
    assert (tmp_path / "taken").read_text(encoding="utf-8") == "mine"


def test_extract_out_naming_a_file_is_refused_in_one_line(tmp_path):
    (tmp_path / "page.txt").write_text(
        "W dniu 3 maja 2019 r. gościliśmy delegację z Berlina.\n", encoding="utf-8"
    )
    (tmp_path / "taken").write_text("mine", encoding="utf-8")
    out = partnergraph("extract", "page.txt", "--out", "taken", root=tmp_path)
    assert out.returncode == 2, out.stderr
    assert out.stderr.strip() == "partnergraph extract: --out taken: a file, not a folder"
    assert (tmp_path / "taken").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    ("args", "command"),
    [(["view", "--out"], "view"), (["network", "export", "--format", "gexf", "--out"], "network export")],
)
def test_out_naming_a_folder_is_refused_in_one_line(seed_settings, tmp_path, args, command):
    out = partnergraph(*args, str(tmp_path), root=seed_settings.root)
    assert out.returncode == 2, out.stderr
    assert (
        out.stderr.strip()
        == f"partnergraph {command}: cannot write {tmp_path}: [Errno 21] Is a directory: '{tmp_path}'"
    )
    assert list(tmp_path.iterdir()) == []


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = make_parser()
    registered = parser._subparsers._group_actions[0].choices
    assert set(registered) == set(COMMANDS), "a command module is missing"
    for name, sub in registered.items():
        assert sub.format_help().strip(), name
        assert f"`partnergraph {name}" in readme, f"{name} is not in the README"


def test_every_option_of_every_command_says_what_it_does():
    out = subprocess.run(
        [sys.executable, "-m", "partnergraph.cli", "query", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert re.search(r"--format \{table,csv,tsv,json\}\s+\S", out.stdout), out.stdout
    commands = make_parser()._subparsers._group_actions[0].choices
    parsers = dict(commands)
    for name, network_parser in commands["network"]._subparsers._group_actions[0].choices.items():
        parsers[f"network {name}"] = network_parser
    for name, parser in parsers.items():
        for action in parser._actions:
            if action.option_strings and action.dest != "help":
                assert action.help, (name, action.option_strings)


def test_help_works_from_the_installed_script():
    out = subprocess.run(
        [Path(sys.executable).with_name("partnergraph"), "--help"], capture_output=True, text=True
    )
    assert out.returncode == 0 and "build" in out.stdout and "serve" in out.stdout


def test_help_names_only_files_of_the_repository():
    for command in COMMANDS:
        out = subprocess.run(
            [sys.executable, "-m", "partnergraph.cli", command, "--help"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "../shared" not in out, command
        for path in re.findall(r"\b(?:docs|queries|data)/[\w./-]+\.\w+", out):
            assert (ROOT / path).is_file(), (command, path)
