"""Settings for the DEI site: one module, read from the environment (see .env.example).

With nothing set it runs on SQLite in a file beside this project. Production sets DEBUG off,
SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL; `manage.py check --deploy` then reports nothing.
"""

import ipaddress
from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from js_asset import static_lazy
from xstatic.pkg import jquery_ui

from pages import prose_extensions

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A local .env (git-ignored) is read only when an entry point names it: manage.py, wsgi.py and
# asgi.py set ENV_FILE to the one beside manage.py unless it is set already. The test suite is no
# such entry point, so a developer's .env (DEBUG on, from `make run`) never changes its settings.
# Variables already in the environment win over the file.
ENV_FILE = env.str("ENV_FILE", default="")
if ENV_FILE and Path(ENV_FILE).is_file():
    environ.Env.read_env(ENV_FILE)

_BOOLEAN_WORDS = {"true", "false", "yes", "no", "on", "off", "1", "0"}


def env_bool(name, default):
    """env.bool, but a value that is not a boolean word stops the site instead of meaning False."""
    raw = env.str(name, default="").strip().lower()
    if not raw:
        return default
    if raw not in _BOOLEAN_WORDS:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean: write true or false.")
    return env.bool(name)


DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
            "string (python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set DEBUG=true for local development."
        )
    SECRET_KEY = "django-insecure-development-only-key"

# The one origin of every absolute address the site publishes (canonical, hreflang, x-default,
# sitemap, robots.txt, JSON-LD): never the request's Host header, which a visitor chooses and a
# cached page would then hand to everyone. Scheme and host, no path: https://www.example.org
SITE_URL = env.str("SITE_URL", default="").strip().rstrip("/")
if not SITE_URL and DEBUG:
    SITE_URL = "http://127.0.0.1:8000"
# Missing with DEBUG off: serving refuses to start (config/wsgi.py, asgi.py) and `check
# --deploy` reports it (config/site_url.py); commands that publish nothing, such as
# `makemigrations`, still run.
if SITE_URL and (
    not SITE_URL.startswith(("http://", "https://")) or "/" in SITE_URL.split("://", 1)[1]
):
    raise ImproperlyConfigured(f"SITE_URL={SITE_URL!r} must be a scheme and host only.")

# django.contrib.redirects keeps its redirects per site: this site is the one.
SITE_ID = 1

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Staff's redirects from the old site's addresses (multilingual/redirects.py); they need sites.
    "django.contrib.sites",
    "django.contrib.redirects",
    "django.contrib.postgres",
    "multilingual",
    "editing",
    "organisations",
    "partners",
    "stats.apps.StatisticsConfig",
    "pages",
    "search",
    "demo",
    "sitecache",
    "backups",
    "translation_files",
    "reversion",
    "reversion_compare",
    "adminsortable2",
    "django_prose_editor",
    "health",
    "csp",
    "axes",
]

MIDDLEWARE = [
    # First: /healthz answers before host checks and HTTPS redirects, for probes on plain http.
    "health.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Old, short and misspelt addresses: a permanent redirect to their page, not a 404.
    "multilingual.redirects.AddressRedirectMiddleware",
    # Public pages answer GET and HEAD only: 405 before any view or CSRF check runs.
    "config.request_guards.SafeMethodsOnlyMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ETag and Last-Modified answered with 304, cached pages and data downloads included: it
    # sits outside the page cache, which hands back its pages from process_view.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A body over the limit is refused (413) before the CSRF check reads it.
    "config.request_guards.RequestSizeLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Staff's admin language, for the review emails: needs the language and the user.
    "editing.middleware.AdminLanguageMiddleware",
    "editing.middleware.PreviewMiddleware",
    "editing.unpublished.HideUnpublishedTranslationsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Serves anonymous visitors' pages from the cache, before any view touches the database.
    "sitecache.middleware.PublicPageCacheMiddleware",
    # Anonymous visitors' reads from the replica, when there is one and it is fresh.
    "config.replica.ReplicaMiddleware",
    # A database outage gives the visitor a 503 page instead of a 500.
    "health.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out login before the password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        # The public pages: jinja2/ and each app's jinja2/ folder. Jinja2 renders them several
        # times faster than Django's engine (docs/performance.md); it comes first, so the error
        # pages (404.html…) are its own.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "jinja2"],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "config.jinja_environment.environment",
            "context_processors": [
                "editing.context_processors.preview",
                "multilingual.context_processors.language_and_addresses",
            ],
        },
    },
    {
        # The admin, with its overrides in templates/.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "editing.context_processors.preview",
                "editing.context_processors.awaiting_review",
            ],
        },
    },
]

# Email (review notifications): EMAIL_URL such as smtp+tls://user:password@host:587; the
# console by default, which prints them in development.
EMAIL_CONFIG = environ.Env.email_url_config(env.str("EMAIL_URL", default="") or "consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="webmaster@localhost")
# Links in emails start with SITE_URL (above).

# SQLite at an absolute path by default: a relative sqlite:///db.sqlite3 would follow the
# working directory. An empty DATABASE_URL counts as unset.
DATABASE_URL = env.str("DATABASE_URL", default="") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASES = {"default": env.db_url_config(DATABASE_URL)}
# Connections are kept between requests (health-checked first): opening one per request costs
# more than many a page's queries.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Each transaction takes SQLite's write lock when it begins: two admin saves of one object
    # run one after the other, and the second sees the first's stamp (editing/conflicts.py).
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that does not answer fails the request in seconds instead of hanging it.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["connect_timeout"] = env.int("DB_CONNECT_TIMEOUT", default=5)
    # No query may hold a worker longer than this (a lock, a runaway query): it is cancelled and
    # the visitor gets the 503 page. 0 turns the limit off, e.g. for a long one-off command.
    statement_timeout_ms = env.int("DB_STATEMENT_TIMEOUT", default=5) * 1000
    limit = f"-c statement_timeout={statement_timeout_ms}"
    options["options"] = f"{options.get('options', '')} {limit}".strip()

# A read replica (PostgreSQL streaming replica of DATABASE_URL), optional: anonymous visitors'
# reads go to it, everything staff do and every write to the primary (config/replica.py).
DATABASE_REPLICA_URL = env.str("DATABASE_REPLICA_URL", default="")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = {
        **DATABASES["default"],
        **env.db_url_config(DATABASE_REPLICA_URL),
        # Tests read the primary through this alias, as the streaming replica would.
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["config.replica.ReplicaRouter"]
# A replica further behind the primary than this is not read (seconds); how often each process
# asks it how far behind it is (seconds).
REPLICA_MAX_LAG_SECONDS = env.float("REPLICA_MAX_LAG_SECONDS", default=5.0)
REPLICA_CHECK_SECONDS = env.float("REPLICA_CHECK_SECONDS", default=2.0)

# Cache: by default files in CACHE_DIR, shared by every worker process of the host, so that an
# edit reaches them all at once; CACHE_URL=redis://host:6379/0 shares one between hosts.
CACHE_URL = env.str("CACHE_URL", default="")
CACHE_DIR = Path(env.str("CACHE_DIR", default="") or BASE_DIR / "cache")
if CACHE_URL:
    CACHES = {"default": env.cache_url_config(CACHE_URL)}
    if CACHE_URL.startswith(("redis://", "rediss://")):
        # Django's own Redis backend, except that Redis down means "uncached", not 500.
        CACHES["default"]["BACKEND"] = "sitecache.redis_cache.TolerantRedisCache"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": CACHE_DIR,
            # Django's default, 300, would evict pages of a site of a few hundred addresses.
            "OPTIONS": {"MAX_ENTRIES": env.int("CACHE_MAX_ENTRIES", default=20_000)},
        }
    }
# How long an anonymous visitor's page is kept; an edit in the admin invalidates it at once.
# 0 turns the page cache off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# How long a proxy or CDN in front may keep an anonymous visitor's page (Cache-Control
# s-maxage): an edit reaches visitors through it within this delay. 0: proxies keep nothing.
PROXY_CACHE_SECONDS = env.int("PROXY_CACHE_SECONDS", default=30)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French is the editors' source language; English and Spanish are translations.
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The language a visitor chooses in the switcher is remembered for a year, by the browser
# (static/multilingual/remember-language.js): no public page carries a Set-Cookie header.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
TIME_ZONE = "Europe/Brussels"
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_FALLBACK_LANGUAGES = (LANGUAGE_CODE,)
# The tabbed admin's jQuery UI comes from our own static files, not a CDN.
JQUERY_UI_URL = "xstatic/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default="") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static", ("xstatic/jquery-ui", jquery_ui.BASE_DIR)]
STATICFILES_FINDERS = [
    "config.staticfiles.SiteFileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
# Hashed, compressed file names, served by whitenoise with a one-year cache header.
STORAGES = {
    # Django's, except that a write that fails half-way (a full disk) leaves no partial file.
    "default": {"BACKEND": "editing.uploads.TidyFileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads on S3-compatible object storage (django-storages) when a bucket is named; the
# credentials and endpoint are read by django-storages from AWS_* variables (.env.example).
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default="") or None
    AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default="") or None
    AWS_S3_CUSTOM_DOMAIN = env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None
    AWS_ACCESS_KEY_ID = env.str("AWS_ACCESS_KEY_ID", default="") or None
    AWS_SECRET_ACCESS_KEY = env.str("AWS_SECRET_ACCESS_KEY", default="") or None
    # Logos are public; each upload keeps its own name (no silent overwrite).
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", default=False)
    AWS_S3_FILE_OVERWRITE = False
MEDIA_URL = "media/"
# Request bodies: a visitor who is not signed in may send this much (a sign-in form is under
# 1 KB); staff, who upload logos (2 MB at most), up to REQUEST_MAX_BYTES. More is refused with
# 413 before it is read (config/request_guards.py). Within that, form fields may hold 2.5 MB
# and an upload over 2.5 MB is spooled to a temporary file, not kept in memory (Django's own).
ANONYMOUS_REQUEST_MAX_BYTES = env.int("ANONYMOUS_REQUEST_MAX_BYTES", default=64 * 1024)
REQUEST_MAX_BYTES = env.int("REQUEST_MAX_BYTES", default=32 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default="") or BASE_DIR / "media")

# Security: safe by default, relaxed only where the environment says so.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Behind a proxy that terminates TLS: trust its X-Forwarded-Proto, and its X-Forwarded-For for
# the visitor's address (the login lockout counts failures per address; config/client_ip.py).
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", default=False)
# Which peers are that proxy (addresses or networks), and how many proxies, ours included, each
# append to X-Forwarded-For: only a request from one of these addresses has its header believed.
TRUSTED_PROXY_ADDRESSES = env.list("TRUSTED_PROXY_ADDRESSES", default=["127.0.0.1", "::1"])
try:
    for _address in TRUSTED_PROXY_ADDRESSES:
        ipaddress.ip_network(_address, strict=False)
except ValueError as error:
    raise ImproperlyConfigured(f"TRUSTED_PROXY_ADDRESSES: {error}") from error
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)
if TRUSTED_PROXY_COUNT < 1:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 1 or more: our own proxy counts.")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_TLS_PROXY else None
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=not DEBUG)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# Probes reach /healthz on plain http inside the network, whatever the redirect setting.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Content-Security-Policy: our own files only; no inline script or style anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # NONCE: the rich-text editor's import map, inline, carries the request's nonce
        # (pages/admin.py); the header names it only on pages that use it.
        "script-src": [SELF, NONCE],
        # NONCE: the rich-text editor's own <style> element, on the admin pages that use it.
        "style-src": [SELF, NONCE],
        # data: for the SVG icons in Django's admin stylesheets.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# The rich-text editor's extensions beyond its own: links to pages and organisations, and live
# key figures (pages/prose_extensions.py, pages/static/pages/references.js), with allow-lists.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("pages/references.js")],
        "extensions": {
            "ContentLink": prose_extensions.process_content_link,
            "KeyFigure": prose_extensions.process_key_figure,
            "CspNonce": prose_extensions.no_markup,
        },
    }
]

# The admin's address: a less obvious one keeps most robots away (e.g. ADMIN_URL=gestion/).
ADMIN_URL = env.str("ADMIN_URL", default="admin/")
if not ADMIN_URL.endswith("/") or ADMIN_URL.startswith("/"):
    raise ImproperlyConfigured(f"ADMIN_URL={ADMIN_URL!r} must look like 'admin/': no leading /.")

# django-axes: after AXES_FAILURE_LIMIT failed logins for one user name from one address, that
# pair is locked out for AXES_COOLOFF_MINUTES, with a page that says so in the user's language.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "config.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "config.client_ip.client_ip"
# Axes would log every login attempt with the user name and address: personal data.
AXES_VERBOSE = False

# Logs: one line per event on stdout. gunicorn writes one line per request (config/gunicorn.py);
# Django adds one per error, its traceback folded onto that line. No addresses, no query strings.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"one_line": {"()": "config.log_format.OneLineFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "one_line",
        }
    },
    "root": {"handlers": ["stdout"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # 4xx are the visitor's mistakes, already in the access log: only server errors here.
        "django.request": {"level": "ERROR"},
        # django-axes reports every sign-in at INFO: only its warnings and errors here.
        "axes": {"level": "WARNING"},
    },
}
