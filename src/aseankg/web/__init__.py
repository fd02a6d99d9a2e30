"""The HTTP service: SPARQL endpoint, exports, entity pages and graph APIs over the store."""
