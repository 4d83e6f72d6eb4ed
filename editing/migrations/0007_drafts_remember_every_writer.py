"""Drafts remember everyone who wrote into them: with four eyes on, none of them approves it.

Drafts saved before keep their author and submitter, which the rule also reads.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("editing", "0006_admin_language_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="draft",
            name="writers",
            field=models.JSONField(
                blank=True, default=dict, editable=False, verbose_name="written by"
            ),
        ),
    ]
