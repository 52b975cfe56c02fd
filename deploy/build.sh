#!/bin/sh
# Build a release where it stands: the pinned dependencies, the compiled translations and the
# collected static files (hashed, with gzip and brotli variants). The Dockerfile runs this
# script and so does CI (.ci/run), so the image and what CI tests cannot drift apart.
#
#   PYTHON=/path/to/venv/bin/python sh deploy/build.sh     (default: python3)
set -eu
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"

"$PYTHON" -m pip install --no-cache-dir --disable-pip-version-check -c constraints.txt .

# Settings refuse to load without a secret key; these steps need none of their own.
export DJANGO_SECRET_KEY="${DJANGO_SECRET_KEY:-build-only-not-a-secret}"
if command -v msgfmt >/dev/null 2>&1; then
    "$PYTHON" manage.py compilemessages --ignore=.venv --ignore=node_modules
else
    echo "GNU gettext not found: using the committed .mo files (a test keeps them current)"
fi
"$PYTHON" manage.py collectstatic --no-input --clear
