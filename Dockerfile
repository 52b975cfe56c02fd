# The SFIA site: gunicorn behind your HTTPS proxy, static files served by WhiteNoise.
#
#   docker build -t sfia-site .
#   docker compose up          (compose.yaml: the app with PostgreSQL and Redis)
#
# Configuration is the environment only; the README lists every variable.
FROM python:3.11-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH

# Build: the same script CI runs (deploy/build.sh), with gettext for the translations.
FROM base AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
WORKDIR /app
# Dependencies first, from the pins alone, so this layer stays cached while only code changes.
COPY pyproject.toml constraints.txt README.md ./
RUN pip install -c constraints.txt .
COPY . .
RUN PYTHON=/opt/venv/bin/python sh deploy/build.sh

# Run: no compilers, no gettext, not root.
FROM base
RUN useradd --system --create-home --uid 10001 app
COPY --from=build /opt/venv /opt/venv
COPY --from=build --chown=app:app /app /app
WORKDIR /app
USER app
EXPOSE 8000
ENV GUNICORN_WORKERS=2
# /healthz answers 200 while the database does (no Host or HTTPS needed: see skills/operations/health.py).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
# gunicorn.conf.py: bind 0.0.0.0:8000, GUNICORN_WORKERS workers, JSON logs on stdout.
CMD ["gunicorn", "sfia_site.wsgi"]
