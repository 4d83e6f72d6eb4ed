"""The switcher, the "also available in" notice, hreflang and the sitemap agree on languages."""

import re

import pytest
from django.utils import translation

from multilingual.availability import available_languages, falls_back
from tests.conftest import make_organisation, make_partnership
from tests.public.conftest import PAGES


@pytest.fixture
def english_only(db):
    """A partner whose page is translated into English, not into Spanish."""
    body = make_organisation(
        name_fr="Réseau européen",
        name_en="European network",
        slug_fr="reseau-europeen",
        slug_en="european-network",
        summary_fr="Un réseau.",
        summary_en="A network.",
        description_fr="Il agit en Europe.",
        description_en="It works in Europe.",
    )
    make_partnership(
        body,
        role_fr="Membre",
        role_en="Member",
        description_fr="DEI en est membre.",
        description_en="DCI is a member.",
    )
    return body


def switcher_links(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {lang: href for href, lang in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav)}


def hreflang_links(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html))


def notice_languages(html):
    aside = re.search(r'<aside class="also-available".*?</aside>', html, re.S)
    return re.findall(r'hreflang="(\w+)"', aside.group(0)) if aside else []


def test_the_notice_names_only_the_languages_a_partner_is_really_translated_into(
    client, english_only
):
    html = client.get("/fr/organisations/reseau-europeen/").content.decode()
    assert "Cette page existe aussi en :" in html
    assert notice_languages(html) == ["en"]


def test_a_language_that_only_falls_back_to_french_is_not_offered_as_this_page(
    client, english_only
):
    html = client.get("/fr/organisations/reseau-europeen/").content.decode()
    # Spanish goes to the closest page that exists (tests/public/test_language_switcher_helps.py).
    assert switcher_links(html)["es"] == "/es/organizaciones/"
    assert set(hreflang_links(html)) == {"fr", "en", "x-default"}


def test_the_switcher_links_to_the_other_languages_slug(client, english_only):
    html = client.get("/fr/organisations/reseau-europeen/").content.decode()
    assert switcher_links(html)["en"] == "/en/organisations/european-network/"
    response = client.get("/en/organisations/european-network/")
    assert response.status_code == 200


def test_a_visitor_reading_french_fallback_is_told_and_the_text_is_marked_french(
    client, english_only
):
    html = client.get("/es/organizaciones/reseau-europeen/").content.decode()
    assert "Esta página aún no está traducida a su idioma" in html
    assert '<p class="lead" lang="fr">Un réseau.</p>' in html


def test_the_french_fallback_is_found_by_its_french_slug_in_spanish(client, english_only):
    assert client.get("/es/organizaciones/reseau-europeen/").status_code == 200


def test_availability_reads_the_columns_not_the_fallback(english_only):
    assert available_languages(english_only) == ["fr", "en"]
    with translation.override("es"):
        assert english_only.name == "Réseau européen"  # the attribute falls back…
    assert falls_back(english_only, "name", "es")  # …the rule is not fooled by it.


def test_the_hreflang_links_carry_absolute_urls_and_a_canonical(client, demo):
    html = client.get("/es/organizaciones/oit/").content.decode()
    assert '<link rel="canonical" href="http://testserver/es/organizaciones/oit/">' in html
    assert hreflang_links(html) == {
        "fr": "http://testserver/fr/organisations/oit/",
        "en": "http://testserver/en/organisations/ilo/",
        "es": "http://testserver/es/organizaciones/oit/",
        "x-default": "http://testserver/fr/organisations/oit/",
    }


@pytest.mark.parametrize("page_name", list(PAGES))
def test_switcher_notice_hreflang_and_sitemap_agree_on_every_page(client, demo, page_name):
    sitemap = client.get("/sitemap.xml").content.decode()
    for path in PAGES[page_name]:
        html = client.get(path).content.decode()
        current = re.search(r'<html lang="(\w+)"', html).group(1)
        switcher = switcher_links(html)
        hreflang = {k: v.removeprefix("http://testserver") for k, v in hreflang_links(html).items()}
        hreflang.pop("x-default")
        assert set(switcher) | {current} == set(hreflang), path
        assert set(notice_languages(html)) in (set(), set(switcher)), path
        for lang, href in switcher.items():
            assert hreflang[lang] == href, path
            if page_name != "search":
                assert f'hreflang="{lang}" href="http://testserver{href}"' in sitemap, path


def test_the_sitemap_lists_a_partial_translation_only_in_its_languages(client, english_only):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/en/organisations/european-network/</loc>" in sitemap
    assert "/es/organizaciones/reseau-europeen/" not in sitemap
    assert (
        'hreflang="x-default" href="http://testserver/fr/organisations/reseau-europeen/"' in sitemap
    )


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "admin" not in response.content.decode()  # the admin's address stays private


def test_a_partnership_shown_in_french_on_the_spanish_partners_page_says_so(client, english_only):
    html = client.get("/es/socios/").content.decode()
    assert "Aún no traducido a su idioma: se muestra en francés." in html
    assert '<p lang="fr">DEI en est membre.</p>' in html
    assert "Aún no traducido" not in client.get("/en/partners/").content.decode()
