"""The curator's write path: ``POST /api/documents`` adds an article, as ``aseankg add`` does.

It exists only when the operator gives a token (``aseankg serve --admin-token-file FILE`` or
``$AKG_ADMIN_TOKEN``); without one the route is not there at all (404). A request must carry
``Authorization: Bearer <token>``: none is 401 (with ``WWW-Authenticate``), a wrong one 403,
compared in constant time. The article (a multipart ``file``, or a ``text/plain`` body with
``?filename=``) is saved as a new file under ``<store>/inbox/`` — never over anything that is
there already — and that copy goes through :func:`aseankg.build.add`: a refused document is
reported with its reason and the graph serving is unchanged.
"""

from __future__ import annotations

import hmac
import re
import secrets
import time
from pathlib import Path
from typing import Annotated

from fastapi import FastAPI, Query, Request, Security
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from aseankg.corpus import MAX_BYTES
from aseankg.store import StoreDir

#: A file name that is also a safe document identifier (it becomes the named graph's IRI).
FILENAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,195}\.txt")
REALM = 'Bearer realm="aseankg curator"'
MULTIPART = "multipart/form-data"
TEXT = "text/plain"
#: Room for a multipart envelope around the largest article the reader accepts.
MAX_BODY = MAX_BYTES + 64 * 1024

_bearer = HTTPBearer(auto_error=False, description="The curator's token (set by the operator).")


def read_token(path: Path | None, env_value: str | None) -> str | None:
    """The admin token from ``path`` (its text, stripped) or from the environment's value.

    Raises ``ValueError`` for a file that cannot be read or a token too short to be a secret.
    """
    if path is not None:
        try:
            token = Path(path).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"{path}: cannot read the admin token ({exc})") from None
    elif env_value:
        token = env_value.strip()
    else:
        return None
    if len(token) < 16:
        raise ValueError("the admin token must be at least 16 characters (e.g. `openssl rand -hex 32`)")
    return token


class DocumentOutcome(BaseModel):
    name: str = Field(description="The file name as given.")
    identifier: str = Field(description="The document identifier (the file's stem): its graph is …/graph/doc/{identifier}.")
    built: bool = Field(description="True when the document is now in the graph.")
    reason: str | None = Field(description="Why it was refused, when it was.")
    entities: int = Field(description="Entities extracted from it.")
    triples: int = Field(description="Triples of its graph.")


class AddResult(BaseModel):
    outcome: DocumentOutcome
    saved_as: str = Field(description="Where the copy of the upload is kept, relative to the store directory.")
    entities: int = Field(description="Entities in the whole graph after the add (0 when refused).")
    triples: int = Field(description="Triples in the whole store after the add (0 when refused).")
    seconds: float


class Problem(BaseModel):
    detail: str


def _error(status: int, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


def _authorised(credentials: HTTPAuthorizationCredentials | None, token: str) -> JSONResponse | None:
    if credentials is None:
        return _error(401, "a curator's bearer token is required (Authorization: Bearer …)", {"WWW-Authenticate": REALM})
    if not hmac.compare_digest(credentials.credentials.encode("utf-8"), token.encode("utf-8")):
        return _error(403, "this token does not allow adding documents")
    return None


async def _upload(request: Request, filename: str | None) -> tuple[str, bytes] | JSONResponse:
    """The name and bytes of the article in the request, or the error response."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > MAX_BODY:
        return _error(413, f"the article is larger than the {MAX_BYTES} bytes a document may have")
    if media == MULTIPART:
        try:
            form = await request.form(max_files=1, max_fields=4)
        except Exception as exc:  # a malformed multipart body is the client's error
            return _error(400, f"cannot read the multipart body: {exc}")
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            return _error(422, "send the article as the multipart field 'file' (a file part)")
        data = await upload.read(MAX_BYTES + 1)
        name = filename or upload.filename or ""
    elif media == TEXT:
        data = bytearray()
        async for chunk in request.stream():
            data += chunk
            if len(data) > MAX_BYTES:
                break
        data = bytes(data)
        if not filename:
            return _error(422, "a text/plain upload needs its file name: ?filename=NAME.txt")
        name = filename
    else:
        return _error(415, f"send the article as {MULTIPART} (field 'file') or as {TEXT} with ?filename=NAME.txt")
    if len(data) > MAX_BYTES:
        return _error(413, f"the article is larger than the {MAX_BYTES} bytes a document may have")
    if not FILENAME.fullmatch(name):
        return _error(
            422,
            "the file name must end in .txt and use only ASCII letters, digits, '.', '_' and '-' "
            f"(it names the document's graph), not {name!r}",
        )
    return name, data


def save_copy(store_dir: StoreDir, name: str, data: bytes) -> Path:
    """Write ``data`` as a new file ``<store>/inbox/<stamp>-<random>/<name>`` (never overwriting)."""
    folder = store_dir.root / "inbox" / f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{secrets.token_hex(4)}"
    folder.mkdir(parents=True)
    path = folder / name
    with path.open("xb") as f:
        f.write(data)
    return path


def _add(store_dir: StoreDir, path: Path):
    from aseankg.build import add

    return add([path], store_dir)  # holds the store's write lock, as `aseankg add` does


def install(app: FastAPI, store_dir: StoreDir, token: str) -> None:
    """Add ``POST /api/documents`` to ``app``, guarded by ``token``."""

    @app.post(
        "/api/documents",
        tags=["curation"],
        summary="Add an article (curators only)",
        response_model=AddResult,
        status_code=201,
        responses={
            400: {"model": Problem, "description": "The body cannot be read."},
            401: {"model": Problem, "description": "No bearer token."},
            403: {"model": Problem, "description": "A wrong token."},
            413: {"model": Problem, "description": "The article is too large."},
            415: {"model": Problem, "description": "Neither multipart/form-data nor text/plain."},
            422: {"model": AddResult, "description": "The document was refused (the reason is in the outcome), or the request is invalid."},
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    MULTIPART: {
                        "schema": {
                            "type": "object",
                            "required": ["file"],
                            "properties": {"file": {"type": "string", "format": "binary", "description": "The article file (UTF-8 text, .txt)."}},
                        }
                    },
                    TEXT: {"schema": {"type": "string", "description": "The article's text (UTF-8); give ?filename=NAME.txt."}},
                },
            }
        },
    )
    async def add_document(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)],
        filename: Annotated[
            str | None,
            Query(max_length=200, description="The article's file name (NAME.txt); required for a text/plain body."),
        ] = None,
    ) -> JSONResponse:
        """Runs the article through the same pipeline as ``aseankg add`` (read, extract, map,
        validate, then a new store generation with its graph added or replaced). A copy of the
        upload is kept under the store's ``inbox/``; what was sent is never changed. 201 when
        the document was built, 422 with the reason when it was refused (the graph serving is
        then unchanged)."""
        refused = _authorised(credentials, token)
        if refused is not None:
            return refused
        upload = await _upload(request, filename)
        if isinstance(upload, JSONResponse):
            return upload
        name, data = upload
        path = save_copy(store_dir, name, data)
        try:
            result = await run_in_threadpool(_add, store_dir, path)
        except Exception as exc:  # the store could not be written: nothing switched
            return _error(500, f"the add failed, the graph serving is unchanged: {type(exc).__name__}: {exc}")
        outcome = result.outcomes[0]
        body = AddResult(
            outcome=DocumentOutcome(
                name=outcome.name,
                identifier=outcome.identifier,
                built=outcome.built,
                reason=outcome.reason,
                entities=outcome.entities,
                triples=outcome.triples,
            ),
            saved_as=str(path.relative_to(store_dir.root)),
            entities=result.entities,
            triples=result.triples,
            seconds=round(result.seconds, 3),
        )
        return JSONResponse(body.model_dump(), status_code=201 if outcome.built else 422)
