"""Search finds organisations, partnerships and figures in the visitor's language."""

from tests.conftest import make_organisation


def test_an_empty_search_says_what_to_type(client, db):
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert "Type a word in the search field" in response.content.decode()


def test_a_very_long_search_is_refused_with_a_clear_message(client, db):
    response = client.get("/fr/recherche/", {"q": "x" * 101})
    assert response.status_code == 400
    assert (
        "Votre recherche est trop longue : 100 caractères au maximum." in response.content.decode()
    )


def test_results_come_from_organisations_partnerships_and_figures(client, demo):
    html = client.get("/en/search/", {"q": "exploitation"}).content.decode()
    assert "Organisation" in html
    assert "Key figure" in html
    assert "<mark>" in html


def test_a_search_in_spanish_finds_spanish_text(client, demo):
    html = client.get("/es/buscar/", {"q": "Trabajo"}).content.decode()
    assert "Organización Internacional del Trabajo" in html
    assert 'href="/es/organizaciones/oit/"' in html


def test_what_was_typed_is_shown_escaped(client, demo):
    response = client.get("/en/search/", {"q": '<script>alert("x")</script>'})
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


def test_a_matching_text_with_markup_is_shown_as_text(client, db):
    make_organisation(name_fr="Réseau <b>gras</b>", summary_fr="Résumé <img src=x> réseau")
    html = client.get("/fr/recherche/", {"q": "réseau"}).content.decode()
    assert "<b>gras</b>" not in html
    assert "&lt;b&gt;gras&lt;/b&gt;" in html


def test_search_ignores_case_and_accents_on_both_engines(client, demo):
    html = client.get("/fr/recherche/", {"q": "GENEVE"}).content.decode()
    assert "Défense des Enfants International" in html


def test_postgresql_or_sqlite_finds_a_word_in_another_form(client, demo):
    html = client.get("/en/search/", {"q": "child"}).content.decode()
    assert "results for" in html
    assert "0 results" not in html


def test_a_draft_is_never_found(client, db):
    make_organisation(name_fr="Organisme secret", is_published=False)
    html = client.get("/fr/recherche/", {"q": "secret"}).content.decode()
    assert "Organisme secret" not in html
