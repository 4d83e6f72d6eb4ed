FROM python:3.11-slim

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
RUN useradd --create-home --uid 1000 app

# Dependencies first, so that a code change does not reinstall them.
COPY pyproject.toml README.md ./
RUN pip install .

COPY . .
# Catalogues and static files are built into the image; the key here is for this step only.
RUN pybabel -q compile --domain django --directory locale \
    && SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput \
    && mkdir -p /app/media && chown app:app /app/media

USER app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/admin/login/')"
ENTRYPOINT ["/app/docker-entrypoint.sh"]
CMD ["gunicorn", "config.wsgi", "--bind", "0.0.0.0:8000", "--workers", "2", "--access-logfile", "-"]
