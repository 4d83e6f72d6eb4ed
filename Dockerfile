# The site's image: gunicorn serving Django, static files built in and served by whitenoise.
FROM python:3.11-slim

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
RUN useradd --create-home --uid 1000 app

# Dependencies first, from pyproject.toml, so that a code change does not reinstall them.
COPY pyproject.toml README.md ./
RUN pip install ".[redis,s3]"

COPY . .
# Catalogues compiled and static files collected, hashed and compressed, at build time; the
# key exists for this step only and the image keeps none.
RUN pybabel -q compile --domain django --directory locale \
    && SECRET_KEY=build-step-only SITE_URL=http://build.invalid python manage.py collectstatic --noinput \
    && mkdir -p /app/media /app/cache && chown app:app /app/media /app/cache

USER app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"
ENTRYPOINT ["/app/docker-entrypoint.sh"]
CMD ["gunicorn", "--config", "config/gunicorn.py", "config.wsgi"]
