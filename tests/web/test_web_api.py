"""The read API over HTTP against a real server, on SQLite and PostgreSQL: every endpoint, and bad input.

The knowledge base is the demo corpus that ships with the package; answers
are checked against what the KnowledgeBase itself says, so the API is shown
to be a door onto the same functions, not a second implementation.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import httpx
import pytest

from policylens.store import KnowledgeBase

AS_OF = "2026-11-22"


@pytest.fixture(scope="module")
def kb(demo_server) -> Iterator[KnowledgeBase]:
    """The server's own knowledge base, opened beside it: what the API must agree with."""
    opened = KnowledgeBase.open(demo_server.settings.db_url)
    yield opened
    opened.close()


def _json(response: httpx.Response, status: int = 200) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def _error(response: httpx.Response, status: int) -> str:
    body = _json(response, status)
    assert set(body) == {"error"} and body["error"], body
    assert "Traceback" not in body["error"]
    return body["error"]


def test_documents_list_pages_through_every_document(http):
    first = _json(http.get("/api/v1/documents", params={"limit": 5}))
    assert first["total"] == 12 and len(first["items"]) == 5
    assert "text" not in first["items"][0]
    rest = _json(http.get("/api/v1/documents", params={"limit": 50, "offset": 5}))["items"]
    ids = [d["id"] for d in first["items"] + rest]
    assert len(ids) == len(set(ids)) == 12


def test_document_and_its_extraction_point_into_the_same_text(http):
    doc = _json(http.get("/api/v1/documents/2"))
    assert doc["id"] == 2 and doc["title"].startswith("Shandong Approves Weifang")
    extraction = _json(http.get("/api/v1/documents/2/extraction"))
    text = extraction["document"]["text"]
    assert text == doc["text"]
    assert extraction["quantities"] and extraction["entities"]
    for q in extraction["quantities"]:
        assert text[q["start"] : q["end"]] == q["text"]
    for e in extraction["entities"]:
        for start, end in e["mentions"]:
            assert text[start:end]


@pytest.mark.parametrize(
    "path", ["/api/v1/documents/99999", "/api/v1/documents/99999/extraction", "/api/v1/briefs/99999"]
)
def test_an_unknown_document_is_404_naming_it(http, path):
    assert "document 99999" in _error(http.get(path), 404)


def test_a_document_id_must_be_a_number(http):
    assert "document_id" in _error(http.get("/api/v1/documents/abc"), 422)


def test_entities_by_name_fragment_most_mentioned_first(http):
    found = _json(http.get("/api/v1/entities", params={"q": "weif"}))["items"]
    assert found[0]["name"] == "Weifang" and found[0]["type"] == "place"
    assert all("weifang" in e["name"].lower() for e in found)
    places = _json(http.get("/api/v1/entities", params={"type": "place", "limit": 3}))["items"]
    assert len(places) == 3 and {e["type"] for e in places} == {"place"}


def test_entity_profile_has_hierarchy_relations_and_targets(http):
    weifang = _json(http.get("/api/v1/entities/Weifang", params={"as_of": AS_OF}))
    assert weifang["as_of"] == AS_OF
    assert [h["name"] for h in weifang["hierarchy"]] == ["Shandong", "China"]
    assert "cluster" in weifang["contains"] and weifang["targets"] and weifang["documents"]
    assert any(r["relation"] == "part_of" for r in weifang["relations"])


def test_entity_names_with_spaces_and_slashes_are_url_quoted(http):
    # The short form resolves to the cluster, which goes by its long name (the one most documents use).
    name = "Weifang-Linyi-Dezhou agricultural machinery cluster"
    profile = _json(http.get("/api/v1/entities/" + httpx.URL(name).raw_path.decode()))
    assert profile["name"].startswith("Weifang-Linyi-Dezhou ") and profile["type"] == "cluster"
    long = _json(http.get("/api/v1/entities/" + httpx.URL(profile["name"]).raw_path.decode()))
    assert long["name"] == profile["name"]


def test_an_unknown_entity_is_404_with_a_suggestion(http):
    message = _error(http.get("/api/v1/entities/Weifangg"), 404)
    assert "Weifangg" in message and "Weifang" in message.replace("Weifangg", "")


def test_targets_filter_like_the_cli(http, kb):
    every = _json(http.get("/api/v1/targets", params={"as_of": AS_OF, "limit": 1000}))["items"]
    assert len(every) == len(kb.targets(as_of=dt.date.fromisoformat(AS_OF))) > 50
    met = _json(http.get("/api/v1/targets", params={"as_of": AS_OF, "status": "met"}))["items"]
    assert met and {t["status"] for t in met} == {"met"}
    assert [t["id"] for t in met] == [t.id for t in kb.targets(as_of=dt.date.fromisoformat(AS_OF), status="met")]
    assert all(t["progress_percent"] >= 100 for t in met)
    in_weifang = _json(http.get("/api/v1/targets", params={"as_of": AS_OF, "region": "Weifang", "limit": 1000}))
    assert 0 < len(in_weifang["items"]) < len(every)
    machinery = _json(
        http.get("/api/v1/targets", params={"as_of": AS_OF, "industry": "agricultural-machinery", "limit": 1000})
    )["items"]
    assert 0 < len(machinery) < len(every)


def test_targets_page_by_offset_in_deadline_order(http):
    every = _json(http.get("/api/v1/targets", params={"as_of": AS_OF, "limit": 1000}))["items"]
    response = http.get("/api/v1/targets", params={"as_of": AS_OF, "limit": 10, "offset": 20})
    page = _json(response)
    assert [t["id"] for t in page["items"]] == [t["id"] for t in every[20:30]]
    assert (page["total"], page["limit"], page["offset"]) == (len(every), 10, 20)
    links = {link.get("rel"): httpx.URL(link["url"]) for link in response.links.values()}
    assert links["next"].params["offset"] == "30" and links["prev"].params["offset"] == "10"
    following = _json(http.get(links["next"].path, params=dict(links["next"].params)))
    assert [t["id"] for t in following["items"]] == [t["id"] for t in every[30:40]]
    last = http.get("/api/v1/targets", params={"as_of": AS_OF, "limit": 10, "offset": len(every) - 5})
    assert len(_json(last)["items"]) == 5 and "next" not in last.links


@pytest.mark.parametrize(
    "query, named",
    [
        ({"status": "bogus"}, "status"),
        ({"as_of": "2026-13-01"}, "as_of"),
        ({"limit": "0"}, "limit"),
        ({"limit": "abc"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"offset": str(2**63)}, "offset"),
    ],
)
def test_bad_target_filters_are_422_naming_the_input(http, query, named):
    assert named in _error(http.get("/api/v1/targets", params=query), 422)


@pytest.mark.parametrize("query", [{"region": "Xyzzyville"}, {"entity": "Nobody Such Co"}])
def test_a_filter_naming_nothing_known_is_404_naming_it(http, query):
    assert next(iter(query.values())) in _error(http.get("/api/v1/targets", params=query), 404)


def test_conflicts_with_kind_filter(http):
    rows = _json(http.get("/api/v1/conflicts"))["items"]
    assert rows and rows[0]["kind"] == "cross_document" and rows[0]["reason"]
    assert _json(http.get("/api/v1/conflicts", params={"kind": "currency_restatement"}))["items"] == []
    assert "kind" in _error(http.get("/api/v1/conflicts", params={"kind": "bogus"}), 422)


def test_search_with_filters(http):
    hits = _json(http.get("/api/v1/search", params={"q": "cluster"}))["items"]
    assert hits and {h["kind"] for h in hits} <= {"document", "quantity", "event"}
    events = _json(http.get("/api/v1/search", params={"q": "cluster", "kind": "event"}))["items"]
    assert events and {h["kind"] for h in events} == {"event"}
    media = _json(http.get("/api/v1/search", params={"q": "cluster", "source_type": "government"}))["items"]
    assert all(h["source_type"] == "government" for h in media)
    recent = _json(http.get("/api/v1/search", params={"q": "cluster", "since": "2030-01-01"}))["items"]
    assert recent == []


@pytest.mark.parametrize(
    "query, named",
    [
        ({}, "q"),
        ({"q": "!!!"}, "q"),
        ({"q": "cluster", "since": "yesterday"}, "since"),
        ({"q": "cluster", "source_type": "blog"}, "source_type"),
        ({"q": "cluster", "kind": "person"}, "kind"),
    ],
)
def test_bad_search_input_is_422(http, query, named):
    assert named in _error(http.get("/api/v1/search", params=query), 422)


def test_brief_in_three_formats(http):
    md = http.get("/api/v1/briefs/2", params={"as_of": AS_OF})
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
    assert md.text.startswith("# ")
    html = http.get("/api/v1/briefs/2", params={"format": "html", "as_of": AS_OF, "download": "true"})
    assert html.headers["content-type"].startswith("text/html") and "<h1>" in html.text
    assert html.headers["content-disposition"] == 'attachment; filename="brief-2.html"'
    # Its own <style>, and no script of any kind.
    assert "script-src" not in html.headers["content-security-policy"]
    assert "default-src 'none'" in html.headers["content-security-policy"]
    data = json.loads(http.get("/api/v1/briefs/2", params={"format": "json", "as_of": AS_OF}).text)
    assert data["as_of"] == AS_OF and data["sections"] and data["citations"]


def test_brief_for_an_audience(http):
    data = _json(http.get("/api/v1/briefs/2", params={"format": "json", "audience": "exporters", "as_of": AS_OF}))
    assert data["audience"] == ["exporters"]


@pytest.mark.parametrize(
    "query, named",
    [
        ({"format": "pdf"}, "format"),
        ({"audience": "aliens"}, "audience"),
        ({"as_of": "soon"}, "as_of"),
        ({"language": "fr"}, "language"),
    ],
)
def test_bad_brief_options_are_422(http, query, named):
    assert named in _error(http.get("/api/v1/briefs/2", params=query), 422)


def test_overview_counts_and_deadlines(http, kb):
    overview = _json(http.get("/api/v1/overview", params={"as_of": AS_OF}))
    # Every stated target: goals have a status, terms and thresholds of instruments (caps, rewards) do not.
    stated = len(kb.targets(as_of=dt.date.fromisoformat(AS_OF)))
    assert (
        overview["counts"]["documents"] == 12 and overview["counts"]["targets"] + overview["counts"]["terms"] == stated
    )
    assert 0 < overview["counts"]["terms"] and sum(overview["status_counts"].values()) == overview["counts"]["targets"]
    assert overview["status_counts"]["met"] == len(kb.targets(as_of=dt.date.fromisoformat(AS_OF), status="met"))
    assert overview["recent_documents"][0]["id"] == 12
    assert sum(d["count"] for d in overview["deadlines"]) <= stated


def test_unknown_api_path_is_a_json_404(http):
    assert "/api/v1/nothing" in _error(http.get("/api/v1/nothing"), 404)


def test_every_response_carries_the_security_headers(http):
    for path in ("/", "/api/v1/documents", "/documents/1", "/nothing"):
        headers = http.get(path).headers
        assert headers["x-content-type-options"] == "nosniff"
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"].split("script-src")[1].split(";")[0]


def test_openapi_describes_the_api_and_docs_are_served_locally(http):
    spec = _json(http.get("/openapi.json"))
    for path in (
        "/api/v1/documents",
        "/api/v1/documents/{document_id}/extraction",
        "/api/v1/entities/{name}",
        "/api/v1/targets",
        "/api/v1/conflicts",
        "/api/v1/search",
        "/api/v1/briefs/{document_id}",
        "/api/v1/ingest/upload",
    ):
        assert path in spec["paths"], path
    assert "multipart/form-data" in spec["paths"]["/api/v1/ingest/upload"]["post"]["requestBody"]["content"]
    docs = http.get("/docs")
    assert docs.status_code == 200 and "/docs/assets/swagger-ui-bundle.js" in docs.text
    assert "https://" not in docs.text
    asset = http.get("/docs/assets/swagger-ui-bundle.js")
    assert asset.status_code == 200 and len(asset.content) > 100_000


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/documents",
        "/documents/2",
        "/entities",
        "/entities?q=wei",
        "/entities/Weifang",
        "/targets",
        "/targets?status=met&sort=progress",
        "/conflicts",
        "/briefs/2",
        "/search?q=cluster&source_type=media",
        "/search",
    ],
)
def test_every_page_renders(http, path):
    response = http.get(path)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    assert "<main" in response.text and "Traceback" not in response.text


@pytest.mark.parametrize(
    "form",
    [
        {},
        {"since": "2030-01-01"},
        {"until": "2025-12-31"},
        {"since": "2024-01-01", "until": "2024-12-31"},
        {"source_type": "government"},
        {"region": "Qingdao"},
        {"industry": "new-energy-vehicles"},
    ],
)
def test_search_page_filters_as_the_knowledge_base_does(http, kb, form):
    """Each control of the search form reaches KnowledgeBase.search as the value it stands for (dates as dates)."""
    page = http.get("/search", params={"q": "cluster", **form})
    assert page.status_code == 200, page.text[:500]
    dates = {k: dt.date.fromisoformat(v) for k, v in form.items() if k in ("since", "until")}
    expected = kb.search("cluster", limit=200, **{**form, **dates})
    assert page.text.count('<li class="hit card">') == len(expected)
    assert all(f"#{h.document_id}</span>" in page.text for h in expected)


def test_targets_csv_has_every_filtered_target(http, kb):
    response = http.get("/targets.csv", params={"status": "met", "as_of": AS_OF})
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    lines = response.text.strip().splitlines()
    met = kb.targets(as_of=dt.date.fromisoformat(AS_OF), status="met")
    assert lines[0].startswith("id,status,subject") and len(lines) == 1 + len(met) > 1
    assert all(",met," in line for line in lines[1:])


@pytest.mark.parametrize(
    "path, status, says",
    [
        ("/documents/99999", 404, "document 99999"),
        ("/entities/Xyzzyville", 404, "Xyzzyville"),
        ("/targets?status=bogus", 422, "status"),
        ("/targets?as_of=31/12/2026", 422, "as_of"),
        ("/search?q=x&since=bad", 422, "since"),
        ("/nothing/here", 404, "/nothing/here"),
    ],
)
def test_pages_show_a_friendly_error_with_the_right_status(http, path, status, says):
    response = http.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert says in response.text and "Back to the dashboard" in response.text
    assert "Traceback" not in response.text


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"status": "met"},
        {"status": "past_due_unverified"},
        {"status": "open"},
        {"region": "Weifang"},
        {"industry": "agricultural-machinery", "status": "open"},
    ],
)
def test_a_target_page_total_counts_every_matching_target(http, query):
    every = _json(http.get("/api/v1/targets", params={"as_of": AS_OF, "limit": 1000, **query}))
    assert every["total"] == len(every["items"])
    first = _json(http.get("/api/v1/targets", params={"as_of": AS_OF, "limit": 2, **query}))
    assert first["total"] == every["total"] and first["items"] == every["items"][:2]
