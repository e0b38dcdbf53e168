"""``python -m plkg``: the same as the ``plkg`` command."""
from .cli import main

main()
