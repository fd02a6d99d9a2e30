FROM node:20-bookworm-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/vendor-assets.sh scripts/
RUN npm ci --ignore-scripts --no-audit --no-fund && bash scripts/vendor-assets.sh node_modules vendor

FROM python:3.11-slim-bookworm
WORKDIR /app
COPY pyproject.toml README.md ./
COPY src/ src/
COPY --from=assets /app/vendor src/aseankg/web/static/vendor
RUN pip install --no-cache-dir -e .
COPY ontology/ ontology/
COPY shapes/ shapes/
COPY data/ data/
COPY queries/ queries/
EXPOSE 8000
# Build (a no-op when nothing changed since the graph in the volume was built), then serve.
CMD ["sh", "-c", "aseankg build; aseankg serve --host 0.0.0.0 --port 8000"]
