"""The project's settings with a fourth language, Dutch: what a maintainer adding one changes.

Used by tests/editing/test_adding_a_language.py in a separate process, since a language's
columns are made when the models are imported.
"""

from config import settings as project

globals().update({name: value for name, value in vars(project).items() if name.isupper()})

LANGUAGES = [*project.LANGUAGES, ("nl", "Dutch")]
ALLOWED_HOSTS = ["localhost"]
