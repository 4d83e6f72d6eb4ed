"""Thousands of odd requests to the public site: none gets a server error, every error page is
the site's own in the visitor's language, nothing typed comes back as live markup, and no draft
leaks out.

Each test sends a known number of requests per generated example and checks afterwards how many
it really sent; together they send more than 5,000. Examples are derived from each test itself,
never from a saved database, so every run sends the same requests.
"""

from urllib.parse import quote, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from organisations.models import Organisation
from tests.conftest import make_organisation

pytestmark = pytest.mark.django_db

LANGUAGES = ("fr", "en", "es")
PAGE_NOT_FOUND = {"fr": "Page introuvable", "en": "Page not found", "es": "Página no encontrada"}
BAD_REQUEST = {
    "fr": "Cette adresse est illisible",
    "en": "This address cannot be read",
    "es": "Esta dirección no se puede leer",
}
# Translated paths of the pages with no slug, as the three languages spell them.
PAGES = (
    "/fr/",
    "/en/",
    "/es/",
    "/fr/partenaires/",
    "/en/partners/",
    "/es/socios/",
    "/fr/chiffres-cles/",
    "/en/key-figures/",
    "/es/cifras-clave/",
    "/fr/a-propos/",
    "/en/about/",
    "/es/acerca-de/",
    "/fr/recherche/",
    "/en/search/",
    "/es/buscar/",
)
SEARCH = ("/fr/recherche/", "/en/search/", "/es/buscar/")
ORGANISATIONS = ("/fr/organisations/", "/en/organisations/", "/es/organizaciones/")
OTHER_ADDRESSES = ("/", "/sitemap.xml", "/robots.txt", "/healthz")
DRAFT_NAME = "Brouillon confidentiel du comité"
DRAFT_SLUG = "brouillon-confidentiel"
MAX_SEARCH_LENGTH = 100

# Hypothesis: the same examples on every run and no example database. Each @given function lives
# inside its test, so the demo content is loaded once for all its examples (they only read it),
# and the test counts the requests once they have all run.
FUZZ = settings(
    database=None,
    derandomize=True,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)

# Requests each test must have sent: together more than 5,000. Few searches: on SQLite each one
# reads and folds every text of the site in Python, ten times the cost of a 404.
QUOTAS = {
    "odd_paths": 2000,
    "language_prefixes": 700,
    "slugs": 1000,
    "query_strings": 500,
    "search": 250,
    "accept_language": 600,
}


# --- What visitors type -----------------------------------------------------------------------

tokens = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
MARKUP = (
    '<script>alert("{}")</script>',
    '"><img src=x onerror=alert("{}")>',
    "'><svg onload=alert('{}')>",
    "<a href=\"javascript:alert('{}')\">lien</a>",
    "</title><h1>{}</h1>",
)
markup = st.builds(str.format, st.sampled_from(MARKUP), tokens)
sql = st.sampled_from(
    [
        "' OR 1=1 --",
        '" OR ""="',
        "1; DROP TABLE organisations_organisation; --",
        "' UNION SELECT password FROM auth_user --",
        "%' AND 1=1 AND '%'='",
    ]
)
# Code points 0-31 and 127: NUL, line breaks, escape...
control = st.text(alphabet=st.characters(codec="ascii", categories=["Cc"]), min_size=1, max_size=4)
unicode_text = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=30)
words = st.sampled_from(
    ["enfant", "children", "niños", "Genève", "ONU", "OIT", "ilo", "ecpat", "travail", "droits"]
)
typed = st.one_of(markup, sql, control, unicode_text, words, tokens)


def huge(units, min_size=10_000, max_size=30_000):
    """A string of min_size to max_size characters, made by repeating a short one."""
    return st.tuples(units, st.integers(min_size, max_size)).map(
        lambda pair: (pair[0] * (pair[1] // len(pair[0]) + 1))[: pair[1]]
    )


# Percent-encoded bytes that are not UTF-8, encoded separators, and other junk.
PERCENT_JUNK = (
    "%ff%fe",
    "%c0%af",
    "%e2%82",
    "%80",
    "%ed%a0%80",
    "%2e%2e",
    "%2f",
    "%5c",
    "%00",
    "%0d%0a",
    "%",
    "%zz",
    "%25",
    "%20",
)
percent_junk = st.one_of(
    st.sampled_from(PERCENT_JUNK),
    st.binary(min_size=1, max_size=6).map(lambda raw: "".join(f"%{byte:02x}" for byte in raw)),
)
long_segment = st.integers(200, 5_000).map(lambda n: "a" * n) | huge(tokens, 300, 3_000)


def encoded(strategy):
    """What a browser sends in an address for the text typed."""
    return strategy.map(lambda text: quote(text, safe=""))


# --- What the visitor must see ----------------------------------------------------------------


class Visitor:
    """An anonymous browser that checks every answer it gets, and counts its requests."""

    def __init__(self):
        self.client = Client()
        self.sent = 0
        self.cache_hits = 0

    def get(self, address, typed=(), **headers):
        self.sent += 1
        response = self.client.get(address, **headers)
        if response.get("X-Cache") == "hit":
            self.cache_hits += 1
        check(response, typed)
        return response

    def with_junk_session(self, address, typed=(), **headers):
        # A cookie the site never issued: the visitor stays anonymous, and may be served the
        # page cache's copy (only a real signed-in session turns the cache off).
        return self.get(address, typed, HTTP_COOKIE="sessionid=not-a-session-of-ours", **headers)


def check(response, typed):
    status = response.status_code
    path = response.wsgi_request.path
    assert 200 <= status < 400 or status in (400, 404), (status, path)
    if 300 <= status < 400:
        # Never sent to another site (a path starting with // is another host).
        location = response["Location"]
        assert urlsplit(location).netloc in ("", "testserver"), location
        assert not location.startswith("//"), location
    body = response.content.decode(errors="replace")
    for text in typed:
        if "<" in text or '"' in text:
            assert text not in body, f"{text!r} echoed unescaped by {path}"
    assert DRAFT_NAME not in body
    if "text/html" in response.get("Content-Type", "") and status in (200, 400, 404):
        check_site_page(body, status, path)


def check_site_page(body, status, path):
    """The site's design (header, menu, footer) in one of its languages: the path's if it has
    one, and for a 404 the site's own "page not found"."""
    language = next((code for code in LANGUAGES if f'<html lang="{code}">' in body), None)
    assert language, f"{path} ({status}) is not one of the site's pages"
    prefix = path.split("/")[1]
    if prefix in LANGUAGES:
        assert language == prefix, path
    assert 'class="site-header"' in body, path
    assert 'class="site-footer"' in body, path
    if status == 404:
        assert f"<h1>{PAGE_NOT_FOUND[language]}</h1>" in body, path


# --- The content the requests go to -----------------------------------------------------------


@pytest.fixture
def site(db):
    """The demo content, plus a draft nobody may see, and the addresses of every page."""
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    make_organisation(
        name_fr=DRAFT_NAME, slug_fr=DRAFT_SLUG, summary_fr=DRAFT_NAME, is_published=False
    )
    slugs = sorted(
        {
            slug
            for row in Organisation.objects.values_list("slug_fr", "slug_en", "slug_es")
            for slug in row
            if slug
        }
    )
    addresses = [*PAGES, *OTHER_ADDRESSES]
    addresses += [f"{base}{slug}/" for base in ORGANISATIONS for slug in slugs[:12]]
    return {"slugs": slugs, "addresses": addresses}


def run(test, quota, visitor):
    test()
    assert visitor.sent >= quota
    # Most requests reach a view. An address may be visited twice (anonymous, then with a made-up
    # session cookie): the second may be the cached copy, which the same checks read.
    assert visitor.cache_hits <= visitor.sent / 2


# --- The tests --------------------------------------------------------------------------------


def mangle(path, operations):
    """The path with each operation applied at a slash: dot segments, doubled slashes, junk."""
    segments = path.split("/")
    for position, insertion in operations:
        segments.insert(1 + position % len(segments), insertion)
    return "/".join(segments)


def test_odd_paths_get_a_page_a_redirect_or_the_sites_404(site):
    visitor = Visitor()
    insertions = st.one_of(
        st.sampled_from([".", "..", "", "...", "./..", "~", "index.php", ";jsessionid=1"]),
        percent_junk,
        encoded(typed),
        long_segment,
    )
    operations = st.lists(st.tuples(st.integers(0, 8), insertions), min_size=1, max_size=4)

    @settings(FUZZ, max_examples=QUOTAS["odd_paths"] // 2)
    @given(path=st.sampled_from(site["addresses"]), operations=operations, typed=typed)
    def visit(path, operations, typed):
        odd = mangle(path, operations)
        visitor.get(odd)
        # The same, with something typed at the end and no trailing slash.
        visitor.get(odd.rstrip("/") + "/" + quote(typed, safe=""), typed=[typed])

    run(visit, QUOTAS["odd_paths"], visitor)


def test_unknown_language_prefixes_get_the_sites_404_or_a_redirect(site):
    visitor = Visitor()
    prefixes = st.one_of(
        st.sampled_from(["xx", "FR", "Fr", "EN", "fr-be", "fr-BE", "en-us", "en_GB", "es-419"]),
        st.sampled_from(["zh-hans", "de", "fr@latin", "eng", "e", "", "fr.", "%66r", "f%00r"]),
        st.from_regex(r"[a-zA-Z]{1,4}([-_@][a-zA-Z0-9]{1,8}){0,2}", fullmatch=True),
        percent_junk,
    )
    tails = st.sampled_from(
        sorted(
            {
                address.split("/", 2)[2]
                for address in site["addresses"]
                if address[:4] in ("/fr/", "/en/", "/es/")
            }
        )
    )

    @settings(FUZZ, max_examples=QUOTAS["language_prefixes"] // 2)
    @given(prefix=prefixes, tail=tails)
    def visit(prefix, tail):
        visitor.get(f"/{prefix}/{tail}")
        visitor.with_junk_session(f"/{prefix}/")

    run(visit, QUOTAS["language_prefixes"], visitor)


def test_odd_organisation_slugs_get_a_page_a_redirect_or_the_sites_404(site):
    visitor = Visitor()
    real = st.sampled_from(site["slugs"])
    slugs = st.one_of(
        real,
        real.map(str.upper),
        st.builds("{}-{}".format, real, tokens),
        st.just(DRAFT_SLUG),
        st.integers(201, 5_000).map(lambda n: "a" * n),
        huge(tokens, 300, 3_000),
        percent_junk,
        st.builds("{}{}".format, real, percent_junk),
        encoded(typed),
    )

    @settings(FUZZ, max_examples=QUOTAS["slugs"] // 2)
    @given(base=st.sampled_from(ORGANISATIONS), slug=slugs)
    def visit(base, slug):
        visitor.get(f"{base}{slug}/")
        visitor.get(f"{base}{slug}")  # without its slash: a redirect, or the 404

    run(visit, QUOTAS["slugs"], visitor)


def test_query_strings_with_markup_sql_and_control_characters_are_harmless(site):
    visitor = Visitor()
    known = st.sampled_from(["q", "preview", "page", "lang", "next", "utm_source"])
    names = st.one_of(known, typed)
    values = st.one_of(typed, st.just("1"), huge(tokens))
    pairs = st.lists(st.tuples(names, values), min_size=1, max_size=4)

    @settings(FUZZ, max_examples=QUOTAS["query_strings"] // 2)
    @given(path=st.sampled_from(site["addresses"]), pairs=pairs, raw=st.booleans())
    def visit(path, pairs, raw):
        if raw:
            # As a script would send it: markup and spaces unencoded.
            query = "&".join(f"{name}={value}" for name, value in pairs)
            query = query.replace("#", "%23").replace("\r", "").replace("\n", "")
        else:
            query = "&".join(f"{quote(n, safe='')}={quote(v, safe='')}" for n, v in pairs)
        typed = [text for pair in pairs for text in pair]
        visitor.get(f"{path}?{query}", typed=typed)
        visitor.with_junk_session(f"{path}?{query}", typed=typed)

    run(visit, QUOTAS["query_strings"], visitor)


def test_search_answers_any_query_with_results_or_the_sites_400(site):
    visitor = Visitor()
    queries = st.one_of(typed, huge(typed), huge(tokens), st.lists(typed, max_size=5).map(" ".join))

    @settings(FUZZ, max_examples=QUOTAS["search"])
    @given(path=st.sampled_from(SEARCH), query=queries)
    def visit(path, query):
        response = visitor.get(f"{path}?q={quote(query, safe='')}", typed=[query])
        searched = query.strip()
        refused = len(searched) > MAX_SEARCH_LENGTH or "\x00" in searched
        assert response.status_code == (400 if refused else 200)

    run(visit, QUOTAS["search"], visitor)


def test_bad_accept_language_headers_get_a_language_the_site_speaks(site):
    visitor = Visitor()
    latin1 = st.characters(min_codepoint=0x20, max_codepoint=0xFF, blacklist_categories=["Cc"])
    headers = st.one_of(
        st.sampled_from(
            ["", "*", "q=abc", "fr;q=abc", "en;q=1e999", "es;q=-1", ",,,;;;", "xx-YY", "*;q=0"]
        ),
        st.text(alphabet=latin1, max_size=60),
        huge(st.sampled_from(["fr-FR;q=0.9,", "en;q=abc,", "x" * 40 + ","]), 1_000, 20_000),
        st.lists(
            st.tuples(
                st.from_regex(r"[a-zA-Z*]{1,8}(-[a-zA-Z0-9]{1,8})?", fullmatch=True),
                st.one_of(st.just(""), tokens, st.floats().map(str)),
            ),
            max_size=6,
        ).map(lambda langs: ", ".join(f"{code};q={q}" if q else code for code, q in langs)),
    )
    unprefixed = ("/", "/nulle-part/", "/partenaires/", "/sitemap.xml", "/robots.txt")

    @settings(FUZZ, max_examples=QUOTAS["accept_language"] // 2)
    @given(header=headers, path=st.sampled_from(unprefixed), page=st.sampled_from(PAGES))
    def visit(header, path, page):
        response = visitor.get(path, HTTP_ACCEPT_LANGUAGE=header)
        if path == "/":
            assert response["Location"] in ("/fr/", "/en/", "/es/")
        # On a page of a given language the header changes nothing: check() sees to that.
        visitor.with_junk_session(page + "nulle-part/", HTTP_ACCEPT_LANGUAGE=header)

    run(visit, QUOTAS["accept_language"], visitor)


@pytest.mark.parametrize(("path", "language"), [("/en/search/", "en"), ("/es/buscar/", "es")])
def test_a_query_with_too_many_parameters_gets_the_sites_400_page(site, path, language):
    # Django refuses more than DATA_UPLOAD_MAX_NUMBER_FIELDS (1,000) parameters; the search,
    # which reads them, answers the site's 400 page.
    query = "&".join(f"utm{n}=1" for n in range(1_001))
    response = Visitor().get(f"{path}?{query}")
    assert response.status_code == 400
    assert f"<h1>{BAD_REQUEST[language]}</h1>" in response.content.decode()


def test_a_page_that_reads_no_parameter_ignores_a_thousand_of_them(site):
    query = "&".join(f"utm{n}=1" for n in range(1_001))
    assert Visitor().get(f"/fr/?{query}").status_code == 200


def test_the_quotas_add_up_to_more_than_5000_requests():
    assert sum(QUOTAS.values()) >= 5_000
