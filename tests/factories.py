"""Test data named after the domain: organisations, partnerships, consultative statuses, key
figures, and staff by role (factory_boy).

Each factory makes a published object with its French text, the site's source language; pass
any field to change it, e.g. `OrganisationFactory(name_en="ILO", is_published=False)`.
Numbers come from factory_boy's sequences, so two objects never share a slug or a key, even
after others were deleted.
"""

from importlib import import_module

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from editing.roles import EDITORS, TRANSLATORS, grant_content_roles
from organisations.models import Organisation
from partners.models import ConsultativeStatus, Partnership
from stats.models import KeyFigure

# What every account made here signs in with (the tests sign in with it through the login form).
PASSWORD = "pw-for-tests"


class OrganisationFactory(factory.django.DjangoModelFactory):
    """A published NGO with a French name, slug and summary."""

    class Meta:
        model = Organisation

    name_fr = factory.Sequence(lambda n: f"Organisation {n + 1}")
    slug_fr = factory.Sequence(lambda n: f"organisation-{n + 1}")
    kind = Organisation.Kind.NGO
    summary_fr = factory.Sequence(lambda n: f"Résumé {n + 1}")
    is_published = True


class PartnershipFactory(factory.django.DjangoModelFactory):
    """A published collaboration with a new organisation, its role in French."""

    class Meta:
        model = Partnership

    organisation = factory.SubFactory(OrganisationFactory)
    kind = Partnership.Kind.COLLABORATION
    role_fr = "Partenaire"
    is_published = True


class ConsultativeStatusFactory(factory.django.DjangoModelFactory):
    """A special consultative status, on a partnership of the kind that may hold one."""

    class Meta:
        model = ConsultativeStatus

    partnership = factory.SubFactory(
        PartnershipFactory, kind=Partnership.Kind.CONSULTATIVE_STATUS, role_fr="Statut consultatif"
    )
    category = ConsultativeStatus.Category.SPECIAL
    granted_year = 1993
    privileges_fr = "Soumettre des déclarations écrites"


class KeyFigureFactory(factory.django.DjangoModelFactory):
    """A published count of 100 with a French label."""

    class Meta:
        model = KeyFigure

    key = factory.Sequence(lambda n: f"figure-{n + 1}")
    kind = KeyFigure.Kind.COUNT
    value = 100
    label_fr = factory.Sequence(lambda n: f"chiffre {n + 1}")
    is_published = True


# Every data migration that makes the role groups or grants them permissions, in the order they
# run. Each has a `grant_roles(Group, Permission)` that adds what it grants, and only adds.
ROLE_MIGRATIONS = (
    "editing.migrations.0001_roles",
    "stats.migrations.0007_open_data_roles",
    "pages.migrations.0002_roles_for_pages",
    "editing.migrations.0003_contributors_and_approvers",
    "stats.migrations.0011_open_data_for_editors_and_approvers",
    "pages.migrations.0006_pages_for_contributors_and_approvers",
    "editing.migrations.0005_editors_manage_redirects",
)


def restore_roles():
    """Make the role groups again with all their permissions, as the data migrations did: the
    browser tests empty the database, and data migrations are not run again."""
    for migration in ROLE_MIGRATIONS:
        import_module(migration).grant_roles(Group, Permission)
    # And what `migrate` gives them on every content type (editing/roles.py).
    grant_content_roles()


def role_group(name):
    """The group of a role (Editors, Translators, Contributors, Approvers), made again with
    every role's permissions if a test emptied the database."""
    if not Group.objects.filter(name=name).exists():
        restore_roles()
    return Group.objects.get(name=name)


class StaffFactory(factory.django.DjangoModelFactory):
    """A staff account with no role: it can sign in to the admin and see nothing in it."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n + 1}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(PASSWORD)
    is_staff = True


class EditorFactory(StaffFactory):
    """A member of the Editors group: creates, edits, publishes, orders and deletes content."""

    username = factory.Sequence(lambda n: f"editor{n + 1}")

    @factory.post_generation
    def joins_the_group(user, create, extracted, **kwargs):
        if create:
            user.groups.add(role_group(EDITORS))


class TranslatorFactory(StaffFactory):
    """A member of the Translators group: English and Spanish text of existing content only."""

    username = factory.Sequence(lambda n: f"translator{n + 1}")

    @factory.post_generation
    def joins_the_group(user, create, extracted, **kwargs):
        if create:
            user.groups.add(role_group(TRANSLATORS))


class AdministratorFactory(StaffFactory):
    """A superuser: every permission, users and groups included; for what no role may do."""

    username = factory.Sequence(lambda n: f"admin{n + 1}")
    is_superuser = True
