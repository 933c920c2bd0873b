"""The vendored axe-core is the published 4.14.1 file, unchanged (hash from the package's sri-history.json)."""

import base64
import hashlib

from .browser import AXE


def test_vendored_axe_core_is_the_published_file():
    digest = base64.b64encode(hashlib.sha256(AXE.read_bytes()).digest()).decode()
    assert digest == "KTSJmUUM3yhJqOcLeRL8LahahJ2jnA0NU5T1HUqe2Vw="
    assert AXE.read_text(encoding="utf-8").startswith("/*! axe v4.14.1")
