"""`worksheets web`: the interview as a private page in the browser.

Layers, each its own module:

- `form`: the questions of the form, derived from the interview's own table
  (the one description of the answers), and the screens they are shown on;
- `state`: a form post <-> the person's answers, through the very path a batch
  CSV row takes, and problems placed at their fields;
- `rendering`: worksheets made in warmed-up worker processes, with a time limit;
- `guard`: the private-by-construction rules (token, Host, CSRF, Origin,
  headers, limits, no disk);
- `app`: the Flask application (routes and pages);
- `server`: waitress on 127.0.0.1, the address with its token, Ctrl-C.

Flask and waitress are imported only here, so `worksheets --help` stays fast.
"""
