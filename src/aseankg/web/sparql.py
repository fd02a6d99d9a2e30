"""The SPARQL endpoint: the query operation of the W3C SPARQL 1.1 Protocol, read-only.

``GET /sparql?query=``, ``POST`` form-encoded or ``POST application/sparql-query``; the dataset
by ``default-graph-uri`` / ``named-graph-uri`` (else the default graph is the union of the named
graphs); the answer in the format the client asks for (``Accept`` or ``format=``), streamed as
it is computed by a query worker process, within the endpoint's limits (time, rows, bytes;
``SERVICE`` only to the operator's allow-list). Without a query, ``/sparql`` describes itself (SPARQL 1.1 Service Description)
to RDF clients and shows the query editor to browsers.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs

import pyoxigraph
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response, StreamingResponse
from fastapi.templating import Jinja2Templates

from aseankg.namespaces import PREFIXES
from aseankg.sparql_text import looks_like_update, service_targets
from aseankg.web import negotiation
from aseankg.web.descriptions import service_description
from aseankg.web.executor import Busy, Job, QueryFailed, QueryPool, QueryTimeout, Run
from aseankg.web.limits import Limits
from aseankg.web.negotiation import GRAPH_FORMATS, HTML, RESULT_FORMATS, Format

router = APIRouter()
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))

ALLOW = "GET, HEAD, POST, OPTIONS"
FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"
READ_ONLY = (
    "This SPARQL endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, CREATE, "
    "DROP, COPY, MOVE, ADD) is not accepted here.\n"
)
DESCRIPTION_FORMATS: tuple[Format, ...] = (*GRAPH_FORMATS, HTML)


class ProtocolError(Exception):
    """A request the protocol refuses, with its status and a plain-text message."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message if message.endswith("\n") else message + "\n"
        self.headers = headers or {}

    def response(self) -> PlainTextResponse:
        return PlainTextResponse(self.message, status_code=self.status, headers=self.headers)


@dataclass
class Operation:
    """One query operation as the protocol carries it."""

    query: str | None
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)


def _parse_params(raw: bytes | str, where: str) -> dict[str, list[str]]:
    """Form or query-string parameters, percent-decoded as UTF-8 (strictly)."""
    text = raw.decode("latin-1") if isinstance(raw, bytes) else raw
    try:
        return parse_qs(text, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise ProtocolError(400, f"the {where} is not valid UTF-8 once percent-decoded") from None
    except ValueError as exc:
        raise ProtocolError(400, f"the {where} cannot be read: {exc}") from None


def _media_type(request: Request) -> tuple[str, str | None]:
    """The request's media type and charset parameter (lower-cased), or ("", None)."""
    header = request.headers.get("content-type", "")
    media, *params = (part.strip() for part in header.split(";"))
    charset = None
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return media.lower(), charset


async def read_operation(request: Request) -> Operation:
    """The query operation of ``request``, or a :class:`ProtocolError`."""
    url = _parse_params(request.scope.get("query_string", b""), "query string")
    if "update" in url:
        raise ProtocolError(403, READ_ONLY)
    params = url
    queries = list(url.get("query", []))
    if request.method == "POST":
        media, charset = _media_type(request)
        if media == SPARQL_UPDATE:
            raise ProtocolError(403, READ_ONLY)
        if media not in (FORM, SPARQL_QUERY):
            said = f"'{media}'" if media else "no Content-Type"
            raise ProtocolError(
                415,
                f"cannot read a POST with {said}: send the query as {FORM} (query=…) "
                f"or as {SPARQL_QUERY} (the query itself, UTF-8)",
                {"Accept-Post": f"{FORM}, {SPARQL_QUERY}"},
            )
        if charset not in (None, "utf-8", "utf8", "us-ascii"):
            raise ProtocolError(415, f"the request body must be UTF-8 ({media}; charset=utf-8), not {charset}")
        body = await request.body()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolError(400, f"the request body is not valid UTF-8 (byte {exc.start})") from None
        if media == FORM:
            form = _parse_params(text, "request body")
            if "update" in form:
                raise ProtocolError(403, READ_ONLY)
            params = {key: url.get(key, []) + form.get(key, []) for key in {*url, *form}}
            queries += form.get("query", [])
        else:
            queries.append(text)
    if len(queries) > 1:
        raise ProtocolError(400, f"give exactly one 'query' (this request has {len(queries)})")
    return Operation(
        query=queries[0] if queries else None,
        default_graphs=params.get("default-graph-uri", []),
        named_graphs=params.get("named-graph-uri", []),
        formats=params.get("format", []) + params.get("output", []),
    )


def _check_iris(iris: list[str], name: str) -> None:
    for iri in iris:
        try:
            pyoxigraph.NamedNode(iri)
        except ValueError:
            raise ProtocolError(400, f"{name} must be an absolute IRI, not {iri!r}") from None


async def answer_query(request: Request, op: Operation) -> Response:
    """Run ``op`` in a query worker (:mod:`aseankg.web.executor`) and stream its results in the
    negotiated format, within the endpoint's limits (:mod:`aseankg.web.limits`)."""
    _check_iris(op.default_graphs, "default-graph-uri")
    _check_iris(op.named_graphs, "named-graph-uri")
    limits: Limits = request.app.state.limits
    text = op.query or ""
    if len(text) > limits.max_query_chars:
        raise ProtocolError(
            413,
            f"the query is {len(text)} characters long, more than the {limits.max_query_chars} this "
            "endpoint accepts; split it, or ask with fewer VALUES",
        )
    if looks_like_update(text):
        raise ProtocolError(403, READ_ONLY)
    refused = refused_services(text, request.app.state.service_allow)
    if refused:
        raise ProtocolError(403, refused)
    generation = request.app.state.store.root.current()
    if generation is None:
        return PlainTextResponse(f"no graph in {request.app.state.store.root.root}: run `aseankg build` first\n", status_code=503)
    results_format = negotiation.negotiate(request, RESULT_FORMATS, format_values=op.formats)
    graph_format = negotiation.negotiate(request, GRAPH_FORMATS, format_values=op.formats)
    job = Job(
        query=text,
        generation=str(generation),
        default_graph=op.default_graphs or ([] if op.named_graphs else None),
        named_graphs=op.named_graphs or None,
        results_format=results_format.name if results_format else None,
        graph_format=graph_format.name if graph_format else None,
        head=request.method == "HEAD",
        max_rows=limits.max_rows,
        max_bytes=limits.max_response_bytes,
    )
    pool: QueryPool = request.app.state.queries
    try:
        run = await pool.run(job)
    except Busy as exc:
        return PlainTextResponse(
            f"{exc}\n",
            status_code=503,
            headers={"Retry-After": "5"},
        )
    except (QueryTimeout, QueryFailed) as exc:
        return _failure(exc, text)
    assert run.started is not None
    offered = GRAPH_FORMATS if run.started.kind == "triples" else RESULT_FORMATS
    fmt = graph_format if run.started.kind == "triples" else results_format
    if fmt is None:
        return negotiation.not_acceptable(offered)
    headers = {"Vary": "Accept"}
    if request.method == "HEAD":
        return _head(fmt, headers)
    try:
        first = await run.first_chunk()
    except (QueryTimeout, QueryFailed) as exc:
        return _failure(exc, text)
    except BaseException:
        run.abandon()
        raise
    return QueryResponse(run, first, media_type=fmt.content_type, headers=headers)


def refused_services(text: str, allowed: frozenset[str]) -> str | None:
    """Why the query may not run here because of its ``SERVICE`` clauses, or None.

    The engine would fetch a SERVICE endpoint from this server: only the operator's allow-list
    (``aseankg serve --service-allow IRI``) may be called, by its exact IRI.
    """
    targets = service_targets(text, PREFIXES)
    for target in targets:
        if target is None:
            return (
                "SERVICE (federated query) here needs the endpoint's IRI written out in full "
                "(not a variable or a relative IRI), and only endpoints the operator allows are called"
            )
        if target not in allowed:
            listed = ", ".join(f"<{iri}>" for iri in sorted(allowed)) or "none"
            return f"SERVICE <{target}> is not allowed on this endpoint (federated query may call: {listed})"
    return None


def _failure(exc: QueryTimeout | QueryFailed, text: str) -> Response:
    """The response for a query that did not get as far as its first chunk."""
    if isinstance(exc, QueryTimeout):
        return PlainTextResponse(f"{exc}\n", status_code=503)
    if exc.kind == "syntax":
        if looks_like_update(text):
            return PlainTextResponse(READ_ONLY, status_code=403)
        return PlainTextResponse(f"SPARQL syntax error: {exc.message}\n", status_code=400)
    if exc.kind == "limit":
        return PlainTextResponse(f"{exc.message}\n", status_code=422)
    if service_targets(text):
        return PlainTextResponse(f"the federated query failed: {exc.message}\n", status_code=502)
    return PlainTextResponse(f"the query failed: {exc.message}\n", status_code=500)


class _Cut(Exception):
    """The response cannot be completed: leave it cut, so no client takes it for complete."""


class QueryResponse(StreamingResponse):
    """The chunks of a running query. Cut short (a limit, the time) it ends with an error line
    and is left incomplete — the status was sent with the first rows."""

    def __init__(self, run: Run, first: bytes | None, **kwargs) -> None:
        super().__init__(self._chunks(run, first), **kwargs)
        self.run = run

    @staticmethod
    async def _chunks(run: Run, first: bytes | None):
        try:
            if first is not None:
                yield first
                async for chunk in run.rest():
                    yield chunk
        except QueryTimeout as exc:
            yield f"\n\nERROR: {exc}\n".encode()
            raise _Cut from None
        except QueryFailed as exc:
            yield f"\n\nERROR: {exc.message}\n".encode()
            raise _Cut from None
        finally:
            run.abandon()

    async def __call__(self, scope, receive, send) -> None:
        try:
            await super().__call__(scope, receive, send)
        except _Cut:
            pass  # returning without the last body message: the server closes the connection
        finally:
            self.run.abandon()


def _head(fmt: Format, headers: dict[str, str]) -> Response:
    response = Response(status_code=200, media_type=fmt.content_type, headers=headers)
    del response.headers["content-length"]
    return response


# The OpenAPI description of /sparql (the handler reads the request itself, as the protocol
# allows repeated parameters and two body media types).
_DATASET_PARAMETERS = [
    {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": {"type": "array", "items": {"type": "string", "format": "iri"}},
        "style": "form",
        "explode": True,
    }
    for name, description in (
        ("default-graph-uri", "A named graph of the store to take as the default graph (repeatable: "
         "their merge). Without it and without named-graph-uri, the default graph is the union of all named graphs."),
        ("named-graph-uri", "A named graph the query's GRAPH patterns may see (repeatable)."),
    )
]
_FORMAT_PARAMETER = {
    "name": "format",
    "in": "query",
    "required": False,
    "description": "The result format, for clients that cannot set Accept: json, xml, csv, tsv "
    "(SELECT, ASK); ttl, nt, jsonld, rdfxml, nq, trig (CONSTRUCT, DESCRIBE); or a media type.",
    "schema": {"type": "string"},
}
_QUERY_PARAMETER = {
    "name": "query",
    "in": "query",
    "required": False,
    "description": "The SPARQL 1.1 query (UTF-8). The prefixes akg:, akgid:, skos:, schema:, prov:, "
    "dcterms:, rdfs:, owl:, xsd: … are predeclared. Without a query, /sparql answers with its "
    "service description (RDF Accept) or the query editor (text/html).",
    "schema": {"type": "string"},
    "example": "SELECT ?meeting ?label WHERE { ?meeting a akg:Meeting ; skos:prefLabel ?label } LIMIT 10",
}
_RESPONSES = {
    "200": {
        "description": "The results, streamed in the negotiated format.",
        "content": {f.media_type: {} for f in (*RESULT_FORMATS, *GRAPH_FORMATS)},
    },
    "400": {"description": "A syntax error (with line and column), two queries, a body not in UTF-8.",
            "content": {"text/plain": {}}},
    "403": {"description": "A SPARQL Update, or a SERVICE the endpoint may not call: the endpoint is read-only.",
            "content": {"text/plain": {}}},
    "406": {"description": "None of the accepted formats is offered; the body lists those that are.",
            "content": {"text/plain": {}}},
}
_GET_OPENAPI = {"parameters": [_QUERY_PARAMETER, *_DATASET_PARAMETERS, _FORMAT_PARAMETER]}
_POST_OPENAPI = {
    "parameters": [*_DATASET_PARAMETERS, _FORMAT_PARAMETER],
    "requestBody": {
        "required": True,
        "content": {
            FORM: {
                "schema": {
                    "type": "object",
                    "required": ["query"],
                    "properties": {
                        "query": {"type": "string", "description": _QUERY_PARAMETER["description"]},
                        "default-graph-uri": {"type": "array", "items": {"type": "string"}},
                        "named-graph-uri": {"type": "array", "items": {"type": "string"}},
                    },
                },
            },
            SPARQL_QUERY: {"schema": {"type": "string", "description": "The query itself, in UTF-8."}},
        },
    },
}
_SUMMARY = "SPARQL 1.1 query (W3C SPARQL 1.1 Protocol, read-only)"


@router.api_route("/sparql", methods=["GET", "HEAD", "POST", "OPTIONS"], include_in_schema=False)
async def sparql(request: Request) -> Response:
    """The SPARQL 1.1 Protocol query operation: ``GET ?query=``, or ``POST`` as a form
    (``query=…``) or as ``application/sparql-query``; the answer in the format of ``Accept``
    (q-values) or ``format=``, streamed. The default graph is the union of the named graphs
    unless ``default-graph-uri`` / ``named-graph-uri`` name the dataset."""
    if request.method == "OPTIONS":
        return Response(status_code=204, headers={"Allow": ALLOW, "Accept-Post": f"{FORM}, {SPARQL_QUERY}"})
    try:
        op = await read_operation(request)
        if op.query is not None:
            return await answer_query(request, op)
        if request.method == "POST":
            raise ProtocolError(400, "no query: send one as 'query' (form) or as the application/sparql-query body")
    except ProtocolError as error:
        return error.response()
    return await describe_or_edit(request, op)


# /sparql in the OpenAPI docs: the same handler, after the route above, which answers first
# (one route for all four methods, so a 405 names them all in Allow).
router.get("/sparql", summary=_SUMMARY, tags=["sparql"], response_class=Response, responses=_RESPONSES,
           openapi_extra=_GET_OPENAPI)(sparql)
router.post("/sparql", summary=_SUMMARY, tags=["sparql"], response_class=Response, openapi_extra=_POST_OPENAPI, responses={
    **_RESPONSES,
    "415": {"description": "A body that is neither a form nor application/sparql-query.", "content": {"text/plain": {}}},
})(sparql)


async def describe_or_edit(request: Request, op: Operation) -> Response:
    """``/sparql`` without a query: the service description (RDF) or the query editor (HTML)."""
    fmt = negotiation.negotiate(request, DESCRIPTION_FORMATS, format_values=op.formats)
    if fmt is None:
        return PlainTextResponse(
            "no query: give one with ?query=… (GET) or POST it; without a query /sparql answers "
            "with its service description in RDF (text/turtle, application/ld+json…) or, "
            "for text/html, the query editor\n",
            status_code=400,
            headers={"Vary": "Accept"},
        )
    if fmt is HTML:
        return editor(request)
    return await service_description(request, fmt)


# --- the query editor -----------------------------------------------------------------------


@dataclass(frozen=True)
class Example:
    """An example query of ``queries/``: its file name, its question in Thai and English."""

    name: str
    th: str
    en: str
    query: str


_THAI = re.compile(r"[\u0E00-\u0E7F]")
_LABELLED = re.compile(r"^\s*(th|en)\s*:\s*(.+)$", re.IGNORECASE)


def _question(comment_lines: list[str]) -> tuple[str, str]:
    """The Thai and the English question of a query file's comment header: the lines
    labelled ``th:`` and ``en:``, else the first line in Thai script and the first in Latin."""
    labelled = {}
    for line in comment_lines:
        match = _LABELLED.match(line)
        if match:
            labelled.setdefault(match.group(1).lower(), match.group(2).strip())
    th, en = labelled.get("th", ""), labelled.get("en", "")
    for line in comment_lines:
        text = line.strip()
        if not th and _THAI.search(text):
            th = text
        elif not en and text and not _THAI.search(text) and re.search(r"[A-Za-z]", text):
            en = text
    return th, en


def examples() -> list[Example]:
    """The example queries of ``queries/*.rq``, in file-name order."""
    from aseankg.paths import QUERIES_DIR

    found: list[Example] = []
    for path in sorted(Path(QUERIES_DIR).glob("*.rq")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        header: list[str] = []
        for line in text.splitlines():
            stripped = line.strip()
            if stripped.startswith("#"):
                header.append(stripped.lstrip("#").strip())
            elif stripped:
                break
        th, en = _question(header)
        found.append(Example(path.stem, th or path.stem, en or path.stem, text))
    return found


DEFAULT_QUERY = """\
PREFIX akg: <{akg}>
PREFIX skos: <{skos}>

# Meetings and their names in Thai and English / การประชุมกับชื่อภาษาไทยและภาษาอังกฤษ
SELECT ?meeting ?th ?en WHERE {{
  ?meeting a akg:Meeting .
  OPTIONAL {{ ?meeting skos:prefLabel ?th FILTER(lang(?th) = "th") }}
  OPTIONAL {{ ?meeting skos:prefLabel ?en FILTER(lang(?en) = "en") }}
}}
ORDER BY ?meeting
LIMIT 100
""".format(akg=PREFIXES["akg"], skos=PREFIXES["skos"])


def editor(request: Request) -> HTMLResponse:
    """The YASGUI page, served from this app (no CDN), with the examples to pick from."""
    response = templates.TemplateResponse(
        request,
        "sparql.html",
        {
            "examples": examples(),
            "prefixes": json.dumps(PREFIXES),
            "default_query": DEFAULT_QUERY,
        },
    )
    response.headers["Vary"] = "Accept"
    return response


@router.get("/sparql/examples", include_in_schema=False)
def example_queries() -> JSONResponse:
    """The example queries as JSON, for the editor's picker."""
    return JSONResponse([e.__dict__ for e in examples()])
