"""The admin's search-as-you-type choice of a related object, safe to show again after a refusal."""

from django.contrib.admin import widgets
from django.core.exceptions import ValidationError


class AutocompleteSelect(widgets.AutocompleteSelect):
    """Django's, except that a posted value which cannot be an id is left out when the refused
    form is shown again. Django looks every value up, and letters or a number too large for the
    column made that lookup fail: a server error instead of "Select a valid choice"."""

    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, [v for v in value if self.could_be_id(v)], attr)

    def could_be_id(self, value):
        remote = self.field.remote_field
        target = remote.model._meta.get_field(remote.field_name)
        try:
            # The column's own range comes with its validators.
            target.run_validators(target.to_python(value))
        except ValidationError:
            return False
        return True
