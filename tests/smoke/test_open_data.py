"""The open data downloads through gunicorn and the production settings, over HTTP."""

import csv
import io

import pytest

from .client import Visitor

DOWNLOADS = [
    ("/fr/chiffres-cles/donnees.csv", "text/csv; charset=utf-8"),
    ("/en/key-figures/data.json", "application/json"),
    ("/es/socios/datos.csv", "text/csv; charset=utf-8"),
    ("/en/partners/data.json", "application/json"),
]


@pytest.mark.parametrize(("path", "content_type"), DOWNLOADS)
def test_a_download_answers_and_then_304_to_a_client_that_has_it(path, content_type):
    visitor = Visitor()
    reply = visitor.get(path)
    assert reply.status == 200, path
    assert reply.header("Content-Type") == content_type
    assert reply.header("ETag") and reply.header("Last-Modified")
    again = visitor.get(path, headers={"If-None-Match": reply.header("ETag")})
    assert again.status == 304
    assert again.body == b""


def test_the_demo_figures_download_names_the_missing_sources():
    reply = Visitor().get("/en/key-figures/data.csv")
    rows = list(csv.DictReader(io.StringIO(reply.body.decode("utf-8-sig"), newline="")))
    missing = {row["identifier"] for row in rows if row["source_missing"] == "true"}
    assert len(missing) == 4
    assert {row["licence"] for row in rows} == {"CC BY 4.0"}
