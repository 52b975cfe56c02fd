# The SFIA site behind gunicorn, static files served by WhiteNoise.
#
#   docker build -t sfia-site .
#   docker run --rm -p 8000:8000 -e DJANGO_SECRET_KEY=... -e DJANGO_ALLOWED_HOSTS=... \
#       -e DATABASE_URL=postgres://user:password@host:5432/sfia sfia-site
#
# The schema and content are loaded once against that database with the same image:
#   docker run --rm -e DJANGO_SECRET_KEY=... -e DATABASE_URL=... sfia-site \
#       sh -c "python manage.py migrate --no-input && python manage.py loaddata fixtures/sfia.json"
# The code directory is read-only for the app user, so use PostgreSQL (DATABASE_URL), not the
# default SQLite file inside it.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --system --create-home --uid 10001 app

WORKDIR /app

# Dependencies first, from pyproject.toml and the pins alone, so this layer stays cached while
# only the code changes. The code itself runs from /app (settings find templates/, static/ and
# fixtures/ beside it), which comes first on sys.path for manage.py and gunicorn.
COPY pyproject.toml constraints.txt README.md ./
RUN pip install -c constraints.txt .

COPY . .

# Compile translations if the tree has .po files (gettext only for this step), then gather the
# static files for WhiteNoise. The secret key is a dummy that exists only inside this RUN.
RUN if find . -name '*.po' -not -path './staticfiles/*' | grep -q .; then \
        apt-get update \
        && apt-get install -y --no-install-recommends gettext \
        && DJANGO_SECRET_KEY=build-only-not-secret python manage.py compilemessages \
        && apt-get purge -y --auto-remove gettext \
        && rm -rf /var/lib/apt/lists/*; \
    fi \
    && DJANGO_SECRET_KEY=build-only-not-secret python manage.py collectstatic --no-input

USER app

EXPOSE 8000

# Any answer below 500 means the server is up (a 400 for the Host header is still an answer:
# DJANGO_ALLOWED_HOSTS in production need not list 127.0.0.1).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.error, urllib.request\ntry:\n    urllib.request.urlopen('http://127.0.0.1:8000/', timeout=4)\nexcept urllib.error.HTTPError as error:\n    sys.exit(error.code >= 500)\nexcept OSError:\n    sys.exit(1)\n"]

# exec: gunicorn replaces the shell as PID 1, so it gets docker stop's SIGTERM.
CMD ["sh", "-c", "exec gunicorn sfia_site.wsgi --bind 0.0.0.0:8000 --workers ${GUNICORN_WORKERS:-2}"]
