"""Views of the claim graph: a self-contained, offline interactive HTML page (PyVis)."""

from __future__ import annotations

from kg.view.html import write_html

__all__ = ["write_html"]
