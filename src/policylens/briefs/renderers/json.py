"""The brief's own dictionary as JSON, inert even inside a page's ``<script>`` block."""

from __future__ import annotations

import json

from policylens.briefs.model import Brief

from . import Renderer, register


def to_json(brief: Brief) -> str:
    # "<" as \u003c keeps the JSON inert even when a page embeds it in a <script> block.
    return json.dumps(brief.to_dict(), ensure_ascii=False, indent=1).replace("<", "\\u003c") + "\n"


register(Renderer("json", order=30, render=to_json))
