"""The ``aseankg`` command: a thin shell over build, store, validate and web."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from aseankg.store import StoreDir, StoreNotFound

app = typer.Typer(
    help="aseankg: a bilingual knowledge graph of Thailand's digital diplomacy.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)
out = Console()

StoreOption = Annotated[
    Optional[Path],
    typer.Option("--store", help="Store directory (default: $AKG_STORE or var/store)."),
]


def _store(path: Path | None) -> StoreDir:
    return StoreDir(path)


def _fail(message: str, code: int = 1) -> None:
    console.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(code)


def _run_pipeline(action, paths: list[Path], store: StoreDir, label: str, **kwargs) -> None:
    from aseankg.build import document_paths

    files = document_paths(paths)
    missing = [p for p in files if not p.exists()]
    if missing:
        _fail(", ".join(f"{p}: no such file" for p in missing))
    if not files:
        _fail(f"no article files (*.txt) in {', '.join(str(p) for p in paths)}: the graph serving is unchanged")
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    # A bar on a terminal only: piped or logged, the summary below is the whole output.
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task(label, total=len(files))

        def on_document(outcome) -> None:
            mark = "[green]✓[/green]" if outcome.built else "[red]✗[/red]"
            progress.update(task, advance=1, description=f"{label} {mark} {outcome.name}")

        try:
            result = action(files, store, progress=on_document, **kwargs)
        except OSError as exc:  # e.g. a full disk while writing the new generation
            progress.stop()
            _fail(f"{label} failed while writing the store ({exc}); the graph serving is unchanged")
    if result.up_to_date:
        console.print(
            f"Graph in {store.root} is up to date ({result.triples} triples): nothing that feeds it changed, not rebuilding.",
            soft_wrap=True,
        )
        return
    console.print(
        f"Documents read: {len(result.outcomes)}, built: {len(result.built)}, "
        f"refused: {len(result.refused)}; entities: {result.entities}, triples: {result.triples}; "
        f"{result.seconds:.1f} s",
        highlight=False,
    )
    for outcome in result.refused:
        console.print(f"[red]refused[/red] {outcome.reason}", highlight=False)
    if result.refused and not result.built:
        console.print("Nothing was built: the graph serving is unchanged.")
        raise typer.Exit(1)
    if result.refused:
        raise typer.Exit(2)


@app.command()
def build(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Article files or folders (default: data/documents).")] = None,
    store: StoreOption = None,
    force: Annotated[bool, typer.Option("--force", help="Rebuild even when nothing changed.")] = False,
) -> None:
    """Read documents, extract, map to RDF, validate, and write a new store generation."""
    from aseankg.build import build as run_build
    from aseankg.paths import DOCUMENTS_DIR

    _run_pipeline(run_build, paths or [DOCUMENTS_DIR], _store(store), "build", force=force)


@app.command()
def add(
    paths: Annotated[list[Path], typer.Argument(help="Article files to add or replace.")],
    store: StoreOption = None,
) -> None:
    """Add new articles to the current graph: only their graphs are written."""
    from aseankg.build import add as run_add

    _run_pipeline(run_add, paths, _store(store), "add")


@app.command()
def serve(
    store: StoreOption = None,
    host: Annotated[str, typer.Option(envvar="AKG_HOST", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(envvar="AKG_PORT", help="Port to listen on.")] = 8000,
    admin_token_file: Annotated[
        Optional[Path],
        typer.Option(help="A file holding the curators' token: enables POST /api/documents (else $AKG_ADMIN_TOKEN)."),
    ] = None,
    query_timeout: Annotated[
        Optional[float], typer.Option(envvar="AKG_QUERY_TIMEOUT", help="Seconds a SPARQL query may compute before its answer starts, or stall within it (default 10).")
    ] = None,
    response_timeout: Annotated[
        Optional[float],
        typer.Option(envvar="AKG_RESPONSE_TIMEOUT", help="Seconds a whole SPARQL answer may take, slow clients included (default 300)."),
    ] = None,
    max_rows: Annotated[
        Optional[int], typer.Option(envvar="AKG_MAX_ROWS", help="Rows (or triples) one answer may have (default 1,000,000).")
    ] = None,
    max_response_bytes: Annotated[
        Optional[int], typer.Option(envvar="AKG_MAX_RESPONSE_BYTES", help="Bytes one answer may have (default 512 MiB).")
    ] = None,
    max_body_bytes: Annotated[
        Optional[int], typer.Option(envvar="AKG_MAX_BODY_BYTES", help="Bytes a request body may have (default 1 MiB).")
    ] = None,
    max_query_chars: Annotated[
        Optional[int], typer.Option(envvar="AKG_MAX_QUERY_CHARS", help="Characters a SPARQL query may have (default 100,000).")
    ] = None,
    query_workers: Annotated[
        Optional[int], typer.Option(envvar="AKG_QUERY_WORKERS", help="Query worker processes (default 2).")
    ] = None,
    service_allow: Annotated[
        Optional[list[str]],
        typer.Option(envvar="AKG_SERVICE_ALLOW", help="A SPARQL endpoint IRI that SERVICE may call (repeat it; none by default)."),
    ] = None,
) -> None:
    """Serve the graph over HTTP: SPARQL at /sparql, entity pages at /id/…."""
    import os

    import pyoxigraph
    import uvicorn

    from aseankg.web.admin import read_token
    from aseankg.web.app import create_app
    from aseankg.web.limits import Limits

    store_dir = _store(store)
    if store_dir.current() is None:
        _fail(f"no graph in {store_dir.root}: run `aseankg build` first")
    try:
        token = read_token(admin_token_file, os.environ.get("AKG_ADMIN_TOKEN"))
    except ValueError as exc:
        _fail(str(exc))
    given = {
        "query_timeout": query_timeout, "response_timeout": response_timeout, "max_rows": max_rows, "max_response_bytes": max_response_bytes,
        "max_body_bytes": max_body_bytes, "max_query_chars": max_query_chars, "query_workers": query_workers,
    }
    try:
        limits = Limits(**{k: v for k, v in given.items() if v is not None})
    except ValueError as exc:
        _fail(str(exc))
    allowed = [iri for value in service_allow or [] for iri in value.split()]
    for iri in allowed:
        try:
            pyoxigraph.NamedNode(iri)
        except ValueError:
            _fail(f"--service-allow needs an absolute IRI, not {iri!r}")
    console.print(f"Serving {store_dir.root} on http://{host}:{port} (SPARQL at /sparql)")
    if token:
        console.print("Curators may add documents: POST /api/documents (bearer token)")
    if allowed:
        console.print("SPARQL SERVICE may call: " + ", ".join(allowed))
    app = create_app(store_dir, admin_token=token, limits=limits, service_allow=allowed)
    # h11 whether or not httptools is installed: its head limit is ours to set (httptools
    # refuses any URL over 64 KiB with a bare 400, so a long GET query would never get its 413).
    uvicorn.run(app, host=host, port=port, log_level="warning", http="h11", h11_max_incomplete_event_size=limits.max_request_head)


class QueryFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"


def _read_query(text: str) -> str:
    if text == "-":
        return sys.stdin.read()
    if text.startswith("@"):
        path = Path(text[1:])
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            _fail(f"{path}: cannot read the query ({exc.strerror or exc})")
    return text


@app.command()
def query(
    sparql: Annotated[str, typer.Argument(help="A SPARQL query, @file.rq, or - for stdin.")],
    store: StoreOption = None,
    format: Annotated[QueryFormat, typer.Option("--format", "-f", help="Output format.")] = QueryFormat.table,
) -> None:
    """Run a SPARQL query on the local store (well-known prefixes are predeclared)."""
    import pyoxigraph

    from aseankg.store import query as run_query

    text = _read_query(sparql)
    try:
        results = run_query(_store(store).open(), text)
    except StoreNotFound as exc:
        _fail(str(exc))
    except SyntaxError as exc:
        _fail(f"SPARQL syntax error: {exc}")
    if isinstance(results, pyoxigraph.QueryTriples):
        sys.stdout.write(results.serialize(format=pyoxigraph.RdfFormat.TURTLE).decode())
        return
    if format != QueryFormat.table:
        sys.stdout.write(results.serialize(format=_results_format(format)).decode())
        return
    if isinstance(results, pyoxigraph.QueryBoolean):
        out.print("true" if bool(results) else "false")
        return
    variables = [v.value for v in results.variables]
    table = Table(*variables)
    for row in results:
        table.add_row(*[_cell(row[v]) for v in variables])
    out.print(table)


def _results_format(format: QueryFormat):
    import pyoxigraph

    return {
        QueryFormat.json: pyoxigraph.QueryResultsFormat.JSON,
        QueryFormat.csv: pyoxigraph.QueryResultsFormat.CSV,
        QueryFormat.tsv: pyoxigraph.QueryResultsFormat.TSV,
    }[format]


def _cell(term) -> str:
    import pyoxigraph

    from aseankg.namespaces import compact

    if term is None:
        return ""
    if isinstance(term, pyoxigraph.NamedNode):
        return compact(term.value)
    if isinstance(term, pyoxigraph.Literal) and term.language:
        return f"{term.value} @{term.language}"
    return term.value


class ExportFormat(str, Enum):
    ttl = "ttl"
    nt = "nt"
    nq = "nq"
    trig = "trig"
    jsonld = "jsonld"


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Serialisation.")],
    store: StoreOption = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="File to write (default: stdout).")] = None,
) -> None:
    """Export the whole graph (all named graphs; ttl/nt/jsonld give their union)."""
    from aseankg.export import export as run_export

    try:
        source = _store(store).open()
    except StoreNotFound as exc:
        _fail(str(exc))
    if output is None:
        run_export(source, format.value, sys.stdout.buffer)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("wb") as f:
        run_export(source, format.value, f)
    console.print(f"Wrote {output}")


class Lang(str, Enum):
    th = "th"
    en = "en"


class ReportFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
def validate(
    store: StoreOption = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the messages.")] = Lang.en,
    format: Annotated[ReportFormat, typer.Option("--format", "-f")] = ReportFormat.text,
) -> None:
    """Validate the stored graph against the SHACL shapes; exit 1 when it does not conform."""
    import json

    from aseankg.validate import format_report, validate_store

    try:
        source = _store(store).open()
    except StoreNotFound as exc:
        _fail(str(exc))
    report = validate_store(source, lang=lang.value)
    if format == ReportFormat.json:
        out.print_json(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        out.print(format_report(report, lang=lang.value), highlight=False)
    if not report.conforms:
        raise typer.Exit(1)


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Folder of gold annotations (data/gold).")],
    documents: Annotated[
        Optional[Path], typer.Argument(help="Folder of the annotated articles (default: data/documents).")
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every error.")] = False,
) -> None:
    """Precision, recall and F1 of the extractor against gold annotations, per class and relation."""
    from aseankg.evaluate import main

    args = [str(gold)] + ([str(documents)] if documents else []) + (["-v"] if verbose else [])
    raise typer.Exit(main(args))


if __name__ == "__main__":
    app()
