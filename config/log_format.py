"""Log records as single lines, so that a log collector reads one event per line."""

import logging


class OneLineFormatter(logging.Formatter):
    """`time level logger message`, with any traceback folded onto the same line.

    Django's server-error records name the path only ("Internal Server Error: /fr/"): neither
    the query string, nor the visitor's address, nor form data reach the log.
    """

    def __init__(self):
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s")

    def format(self, record):
        return super().format(record).replace("\r", "").replace("\n", " ⏎ ")
