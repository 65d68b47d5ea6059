"""Issue 17: numbers past 64 bits in ids and offsets are a 422, and the connection stays open."""
from __future__ import annotations

import pytest

HUGE = str(2**64)


@pytest.mark.parametrize("path", [f"/api/documents/{HUGE}", f"/api/documents/{HUGE}/extraction",
                                  f"/api/briefs/{HUGE}", f"/api/documents?offset={HUGE}",
                                  f"/api/targets?offset={HUGE}", f"/documents/{HUGE}", f"/documents?offset={HUGE}",
                                  f"/briefs/{HUGE}", f"/targets?offset={HUGE}"])
def test_a_number_past_64_bits_is_422_on_a_kept_connection(http, path):
    response = http.get(path)
    assert response.status_code == 422, response.text[:300]
    assert "Traceback" not in response.text
    # The same keep-alive connection answers the next request.
    assert http.get("/api/documents", params={"limit": 1}).status_code == 200
    assert http.get(f"/api/documents/{2**63 - 1}").status_code == 404
