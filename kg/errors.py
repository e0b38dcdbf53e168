"""User-facing errors: shown as one line naming the input, never a traceback."""


class UserError(Exception):
    """Bad input or usage; the message names the file, sheet/row or line and what is wrong."""
