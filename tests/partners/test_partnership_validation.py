import pytest
from django.core.exceptions import ValidationError

from partners.models import ConsultativeStatus, Partnership
from tests.conftest import make_organisation, make_partnership

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]


def test_the_end_year_cannot_come_before_the_start_year():
    partnership = Partnership(
        organisation=make_organisation(), kind="membership", since_year=2012, until_year=2010
    )
    with pytest.raises(ValidationError) as raised:
        partnership.full_clean()
    assert raised.value.message_dict == {
        "until_year": ["The end year cannot be before the start year (2012)."]
    }


def test_a_relationship_may_end_the_year_it_began():
    Partnership(
        organisation=make_organisation(), kind="membership", since_year=2012, until_year=2012
    ).full_clean()


def test_a_start_year_before_1900_is_refused():
    partnership = Partnership(organisation=make_organisation(), kind="membership", since_year=1850)
    with pytest.raises(ValidationError) as raised:
        partnership.full_clean()
    assert raised.value.message_dict == {"since_year": ["Enter a year no earlier than 1900."]}


def test_one_organisation_can_have_several_relationships_with_dei():
    ipjj = make_organisation(name_fr="IPJJ")
    make_partnership(ipjj, kind="steering_committee")
    make_partnership(ipjj, kind="hosting")
    assert sorted(ipjj.partnerships.values_list("kind", flat=True)) == [
        "hosting",
        "steering_committee",
    ]


def test_what_a_relationship_lets_dei_do_is_read_one_point_per_line():
    partnership = make_partnership(benefits_fr="Assister aux réunions\n\n  Soumettre des avis  \n")
    assert partnership.benefit_list() == ["Assister aux réunions", "Soumettre des avis"]


def test_a_consultative_status_belongs_to_a_consultative_status_partnership():
    collaboration = make_partnership(kind="collaboration")
    with pytest.raises(ValidationError) as raised:
        ConsultativeStatus(partnership=collaboration).full_clean()
    assert "partnership" in raised.value.message_dict


def test_a_consultative_status_names_the_body_that_grants_it():
    ecosoc = make_organisation(name_fr="Conseil économique et social")
    status = ConsultativeStatus.objects.create(
        partnership=make_partnership(ecosoc, kind="consultative_status"), category="special"
    )
    status.full_clean()
    assert status.body == ecosoc
