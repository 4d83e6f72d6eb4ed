"""Putting an account in a role's group is all it takes for it to sign in to the admin.

Django's admin only lets in accounts with "staff status"; a role (editing/roles.py) without it
would be a second, easily forgotten step. Joining Editors or Translators, from either side of
the relation (the user's page or a script adding users to the group), sets it.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed

from .roles import EDITORS, TRANSLATORS

ROLE_GROUPS = (EDITORS, TRANSLATORS)


def staff_on_joining_a_role(sender, instance, action, reverse, pk_set, **kwargs):
    """m2m_changed receiver for User.groups: new members of a role's group become staff."""
    if action != "post_add" or not pk_set:
        return
    user_model = get_user_model()
    if reverse:  # group.user_set.add(...)
        if instance.name not in ROLE_GROUPS:
            return
        user_model._default_manager.filter(pk__in=pk_set).update(is_staff=True)
        return
    if Group.objects.filter(pk__in=pk_set, name__in=ROLE_GROUPS).exists():
        user_model._default_manager.filter(pk=instance.pk).update(is_staff=True)
        instance.is_staff = True


def connect_signals():
    """Called once, from the app's ready()."""
    m2m_changed.connect(
        staff_on_joining_a_role,
        sender=get_user_model().groups.through,
        dispatch_uid="editing-staff-on-joining-a-role",
    )
