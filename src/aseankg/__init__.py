"""aseankg: a bilingual knowledge graph of Thailand's digital diplomacy."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("aseankg")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
