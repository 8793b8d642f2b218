"""One module per CLI command: ``NAME``, ``add_parser(sub, lang)`` and ``run(args, ctx, out)``.

``app/cli.py`` lists them (``COMMANDS``), parses once and runs the one named. Help texts and
messages come from the catalogue (``cli.`` keys) in the user's language. Core imports stay
inside ``run`` so that building the parser (which the GUI's start also does) stays cheap.
"""
