"""The knowledge base: documents and their cited facts in SQLite or PostgreSQL."""

from .kb import KnowledgeBase, SaveResult

__all__ = ["KnowledgeBase", "SaveResult"]
