"""The peer: rdflib-endpoint serving an N-Quads file, as a Python user would set it up.

``python -m bench.peer FILE.nq --port P --report OUT.json`` parses the file into an rdflib
``Dataset`` whose default graph is the union of the named graphs (as aseankg's is), writes
how long that took and the process's memory to ``OUT.json``, and serves the dataset with
``rdflib_endpoint.SparqlEndpoint`` under uvicorn on 127.0.0.1 (loopback only).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", type=Path)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--report", type=Path, required=True)
    args = parser.parse_args()

    import rdflib
    import uvicorn
    from rdflib_endpoint import SparqlEndpoint

    from bench.servers import memory

    started = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(str(args.data), format="nquads")
    loaded = time.perf_counter() - started
    import os

    # No len(dataset): over the union default graph it walks every triple (minutes at 1M).
    args.report.write_text(json.dumps({"load_s": round(loaded, 1), **memory(os.getpid())}))
    app = SparqlEndpoint(graph=dataset, cors_enabled=False)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
