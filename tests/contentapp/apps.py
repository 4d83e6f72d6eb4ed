from django.apps import AppConfig


class ContentAppConfig(AppConfig):
    """A content type that exists only in tests/editing/test_contract.py, added as a
    maintainer adds one: a model subclassing the contract, its translation.py, its admin."""

    name = "tests.contentapp"
    label = "contentapp"
    default_auto_field = "django.db.models.BigAutoField"
