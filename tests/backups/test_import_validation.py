"""import_content refuses what the admin would refuse: one bad row and nothing is written, with a
one-line message naming the model, the row's key and the field; hostile files included."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.backups.conftest import every_row, export_then_start_afresh


def rows_of(document, label):
    return {obj["pk"]: obj["fields"] for obj in document["objects"] if obj["model"] == label}


def organisation(document, pk):
    return rows_of(document, "organisations.organisation")[pk]


def refusal(path):
    """The import's error, which must be the command's own one-line refusal, never a crash."""
    with pytest.raises(CommandError) as refused:
        call_command("import_content", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    message = str(refused.value)
    assert "\n" not in message
    assert not any(every_row().values()), "a refused file must write nothing"
    return message


@pytest.fixture
def exported(rich_content, tmp_path):
    """The rich content's export, the database emptied, and a function to damage the file."""
    path = tmp_path / "content.json"
    export_then_start_afresh(path)

    def damage(change):
        document = json.loads(path.read_text(encoding="utf-8"))
        change(document)
        path.write_text(json.dumps(document), encoding="utf-8")
        return path

    return damage


def slug_with_a_path_and_markup(document):
    organisation(document, 1)["slug_en"] = "a b/../c?x=<y>"


def javascript_website(document):
    organisation(document, 1)["website"] = "javascript:alert(document.cookie)"


def ftp_evidence_link(document):
    rows_of(document, "partners.partnership")[1]["evidence_url"] = "ftp://example.org/file"


def kind_not_in_the_choices(document):
    organisation(document, 2)["kind"] = "secret_society"


def year_before_1900(document):
    organisation(document, 1)["founded_year"] = 1066


def integer_of_4000_digits(document):
    organisation(document, 1)["member_count"] = int("9" * 4000)


def end_before_start(document):
    rows_of(document, "partners.partnership")[2].update(since_year=2010, until_year=2001)


def percentage_over_100(document):
    rows_of(document, "statistics.keyfigure")[2].update(kind="percentage", value="150.00")


def parent_loop(document):
    organisation(document, 1)["parent"] = 2


def same_identifier_twice(document):
    rows_of(document, "statistics.keyfigure")[3]["key"] = "children-exploited"


def status_on_a_collaboration(document):
    rows_of(document, "partners.consultativestatus")[1]["partnership"] = 2


def logo_outside_the_media_folder(document):
    organisation(document, 1)["logo"] = "../../../etc/passwd"


def logo_at_an_absolute_path(document):
    organisation(document, 1)["logo"] = "/etc/passwd"


def logo_name_no_upload_has(document):
    organisation(document, 1)["logo"] = "logos/<script>\u0000.png"


def expiry_before_go_live(document):
    organisation(document, 2).update(
        publish_at="2030-01-02T00:00:00+00:00", expire_at="2030-01-01T00:00:00+00:00"
    )


@pytest.mark.parametrize(
    ("damage", "named"),
    [
        (slug_with_a_path_and_markup, "organisations.organisation 1, slug_en: Enter a valid"),
        (javascript_website, "organisations.organisation 1, website: Enter a web address"),
        (ftp_evidence_link, "partners.partnership 1, evidence_url: Enter a web address"),
        (kind_not_in_the_choices, "organisations.organisation 2, kind: Value 'secret_society'"),
        (year_before_1900, "organisations.organisation 1, founded_year: Enter a year no earlier"),
        (integer_of_4000_digits, "organisations.organisation 1, member_count: Ensure this value"),
        (end_before_start, "partners.partnership 2, until_year: The end year cannot be before"),
        (percentage_over_100, "statistics.keyfigure 2, value: A percentage is between 0 and 100"),
        (parent_loop, "organisations.organisation 1, parent: An organisation cannot be part of"),
        (same_identifier_twice, "statistics.keyfigure 3, key: Another key figure already has"),
        (status_on_a_collaboration, "partners.consultativestatus 1, partnership: "),
        (logo_outside_the_media_folder, "organisations.organisation 1, logo: The file's path"),
        (logo_at_an_absolute_path, "organisations.organisation 1, logo: The file's path"),
        (logo_name_no_upload_has, "organisations.organisation 1, logo: 'logos/<script>"),
        (expiry_before_go_live, "organisations.organisation 2, expire_at: The expiry must come"),
    ],
)
def test_a_row_the_admin_would_refuse_is_named_and_nothing_is_written(exported, damage, named):
    assert named in refusal(exported(damage))


def test_every_bad_row_is_named_at_once(exported):
    def two_bad_rows(document):
        javascript_website(document)
        kind_not_in_the_choices(document)

    message = refusal(exported(two_bad_rows))

    assert "organisations.organisation 1, website" in message
    assert "organisations.organisation 2, kind" in message


def test_after_a_refused_slug_the_site_still_answers(exported, client):
    refusal(exported(slug_with_a_path_and_markup))

    for url in ("/fr/", "/en/partners/", "/sitemap.xml"):
        assert client.get(url).status_code == 200


def test_a_deeply_nested_file_gets_a_one_line_refusal(db, tmp_path):
    path = tmp_path / "content.json"
    path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    assert "nested too deeply" in refusal(path)


def test_a_nested_value_in_a_row_is_refused_not_written_as_text(exported):
    def nested_name(document):
        organisation(document, 1)["name_fr"] = [[["ONU"]]]

    assert "is not a list of rows" in refusal(exported(nested_name))


def test_a_list_in_a_text_field_is_refused_not_written_as_text(exported):
    def listed_name(document):
        organisation(document, 1)["name_fr"] = ["ONU"]

    assert "organisations.organisation 1, name_fr: a list is not a value" in refusal(
        exported(listed_name)
    )


def test_a_link_to_an_organisation_the_file_does_not_hold_is_named(exported):
    def unknown_body(document):
        rows_of(document, "partners.partnership")[2]["organisation"] = ["nowhere"]

    message = refusal(exported(unknown_body))
    assert "partners.partnership 2, organisation: ['nowhere'] names no organisation" in message


def test_a_parent_further_down_the_file_is_unknown_if_it_never_comes(exported):
    def unknown_parent(document):
        organisation(document, 2)["parent"] = ["nowhere"]

    message = refusal(exported(unknown_parent))
    assert "organisations.organisation 2, parent: ['nowhere'] names no organisation" in message


def test_a_number_of_10000_digits_is_refused_in_one_line(db, tmp_path):
    path = tmp_path / "content.json"
    path.write_text(
        '{"format": "dei-site-content", "version": 2, "objects": [{"model": '
        '"organisations.organisation", "pk": ' + "7" * 10_000 + ', "fields": {}}]}',
        encoding="utf-8",
    )
    assert "not valid JSON" in refusal(path)


def test_a_key_too_large_for_the_database_is_refused_in_one_line(exported):
    def huge_key(document):
        for obj in document["objects"]:
            if obj["model"] == "partners.partnership" and obj["pk"] == 2:
                obj["pk"] = int("9" * 4000)

    message = refusal(exported(huge_key))
    assert message.count("9") < 100, "the value is cut, not printed whole"
    assert "partners.partnership 9999" in message


def test_a_row_twice_is_refused(exported):
    def twice(document):
        document["objects"].append(document["objects"][0])

    assert "organisations.organisation 1 is in it twice" in refusal(exported(twice))


def test_a_row_twice_under_two_spellings_of_its_key_is_refused(exported):
    def twice(document):
        copy = json.loads(json.dumps(document["objects"][0]))
        copy["pk"] = "01"
        copy["fields"].update(slug_fr="autre", slug_en="other", slug_es="otra")
        document["objects"].append(copy)

    assert "organisations.organisation 1, id: " in refusal(exported(twice))
