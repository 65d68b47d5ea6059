from __future__ import annotations
def find_events(document, index, entities):
    return []
