"""One module per CLI command: ``NAME``, ``add_parser(parser, lang)`` and ``run(args, ctx, out)``.

``app/cli.py`` names them (``COMMANDS``), parses once and runs the one named; a module is
imported only when its command is named. Help texts and messages come from the catalogue
(``cli.`` keys) in the user's language. Core imports stay inside ``run`` so that parsing a
command's options stays cheap.
"""
