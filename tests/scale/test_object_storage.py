"""Uploads on S3 through django-storages, against moto's S3 server (tests/scale/run.sh)."""

import os
import subprocess
import sys
import urllib.request

from .stack import WORK

SCRIPT = """
import boto3, django
django.setup()
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from organisations.models import Organisation
from tests.conftest import image_bytes
boto3.client("s3", endpoint_url="{url}", region_name="us-east-1").create_bucket(Bucket="dei-media")
organisation = Organisation.objects.order_by("pk").first()
organisation.logo.save("scale-logo.png", ContentFile(image_bytes()), save=False)
print(type(storages['default']).__name__, organisation.logo.name, organisation.logo.url)
"""


def test_a_logo_is_written_to_the_bucket_and_served_from_its_address():
    url = os.environ["SCALE_S3_URL"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "AWS_STORAGE_BUCKET_NAME": "dei-media",
        "AWS_S3_ENDPOINT_URL": url,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_ACCESS_KEY_ID": "scale-test",
        "AWS_SECRET_ACCESS_KEY": "scale-test",
        # A private bucket: each file's address is signed (moto checks it as S3 would).
        "AWS_QUERYSTRING_AUTH": "true",
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT.replace("{url}", url)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    backend, name, address = done.stdout.strip().splitlines()[-1].split()
    assert backend == "S3Storage"
    assert address.startswith(f"{url}/dei-media/")
    with urllib.request.urlopen(address, timeout=10) as reply:
        assert reply.read().startswith(b"\x89PNG")
    # Nothing was written to the local media folder.
    assert not (WORK / "media" / name).exists()
