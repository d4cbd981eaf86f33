"""``ki serve``: a local web editor for the concept files of one folder.

Only ``ki serve`` imports this package (Starlette and uvicorn come with the ``editor`` extra):
``ki validate`` never pays for it. The parts:

* ``app``: ``create_app(root, token)``, the Starlette application and its security middleware
  (Host check, token, same-origin writes);
* ``api``: the JSON routes under ``/api`` (files, validate, render, edit);
* ``paths``: which paths a request may name (confined to the folder, concept files only);
* ``edit``: form edits applied to the YAML text, keeping every other byte;
* ``page``: the browser page's routes.
"""
