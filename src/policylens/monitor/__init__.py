"""Monitoring: watchlists, feeds polled on a schedule, alerts delivered exactly once.

The functions every door (CLI, web, scripts) calls; each takes an open
KnowledgeBase (the poll also takes a URL):

    add_watchlist(kb, name, region=, industry=, entity=, keyword=) -> Watchlist
    list_watchlists(kb) / get_watchlist(kb, name) / remove_watchlist(kb, name)
    add_feed(kb, url, every="1h", kind="auto", pages=1) -> Feed  (a feed, a page, a listing or a sitemap)
    list_feeds(kb);  remove_feed(kb, url);  next_due(kb)
    poll(db, settings, deliver_to=(...), now=, every_feed=, retry=, show=, on_outcome=) -> PollReport
    list_alerts(kb, limit=50, undelivered=, watchlist=, document_id=, after_id=) -> [Alert]

An Alert names its document and the brief of it (``brief_command``,
``brief_path`` = /briefs/<id>).  See ``poll`` for the order of
work that makes a crash lose nothing, and ``delivery`` for exactly-once.

What the monitor owns it keeps: its own tables (feeds, feed entries,
robots, watchlists, alerts, deliveries, destinations, monitor state) are
read and written here.  What the knowledge base owns (documents, their
entities and facts) is read through the store's reads,
``store.documents`` (offered as ``KnowledgeBase`` methods too): matching
and quoting take the poll's connection and ask there.  ``followups`` still
joins the derived progress, restatement and event tables itself.
"""

from .alerts import Alert, list_alerts
from .delivery import DeliveryResult, RetryPolicy, check_destination
from .durations import format_duration, parse_duration
from .feeds import Feed, add_feed, list_feeds, next_due, remove_feed
from .lock import PollRunning
from .poll import FeedResult, PollReport, poll
from .watchlists import (
    Watchlist,
    add_watchlist,
    get_watchlist,
    list_watchlists,
    remove_watchlist,
)

__all__ = [
    "Alert",
    "DeliveryResult",
    "Feed",
    "FeedResult",
    "PollReport",
    "PollRunning",
    "RetryPolicy",
    "Watchlist",
    "add_feed",
    "add_watchlist",
    "check_destination",
    "format_duration",
    "get_watchlist",
    "list_alerts",
    "list_feeds",
    "list_watchlists",
    "next_due",
    "parse_duration",
    "poll",
    "remove_feed",
    "remove_watchlist",
]
