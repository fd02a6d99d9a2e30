"""The README tells the truth: its curl example answers what it shows (over real HTTP on
loopback, against the graph built from data/documents), and it lists every command and every
option of ``aseankg serve`` that exists."""

from __future__ import annotations

import re
import shlex

import httpx
import typer.main

from aseankg.cli import app as cli_app
from conftest import ROOT, Server

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_curl_example_answers_what_the_readme_shows(server: Server) -> None:
    """The ``sh`` block that starts with curl, and the ``json`` block right after it."""
    ((command, shown),) = re.findall(r"^```sh\n(curl .*?)^```\n```json\n(.*?)^```", README, flags=re.M | re.S)
    words = shlex.split(command.replace("\\\n", " "))
    url = next(w for w in words if w.startswith("http://"))
    header = words[words.index("-H") + 1]
    query = words[words.index("--data-urlencode") + 1].removeprefix("query=")
    assert url.startswith("http://127.0.0.1:8000/")
    name, _, value = header.partition(": ")
    r = httpx.get(server.base_url + url.removeprefix("http://127.0.0.1:8000"), params={"query": query},
                  headers={name: value}, timeout=30)
    assert r.status_code == 200
    assert r.text.strip() == shown.strip()


def test_every_command_is_in_the_readme() -> None:
    for command in cli_app.registered_commands:
        assert f"`aseankg {command.name or command.callback.__name__}" in README


def test_every_serve_option_is_in_the_readme() -> None:
    serve = typer.main.get_command(cli_app).commands["serve"]
    options = [opt for param in serve.params for opt in param.opts if opt.startswith("--")]
    assert len(options) >= 10
    for option in options:
        assert f"`{option}" in README or f"[{option}" in README, option
    for param in serve.params:
        if param.envvar:
            assert f"AKG_{param.envvar.removeprefix('AKG_')}" in README, param.envvar
