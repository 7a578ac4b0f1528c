"""Prints the pip requirements of the integrations the lab loads (those named, plus HA's default ones) and of
their dependencies, as the installed HA declares them in its manifests (run with the venv's python: `python integration-requirements.py DOMAIN...`).
Used to pin lab/requirements/<key>.txt so `hass --skip-pip` installs nothing at run time."""
import json
import pathlib
import sys

import homeassistant.components as components
from homeassistant.bootstrap import CORE_INTEGRATIONS, DEFAULT_INTEGRATIONS

base = pathlib.Path(components.__path__[0])
seen, todo, reqs = set(), [*sys.argv[1:], *CORE_INTEGRATIONS, *DEFAULT_INTEGRATIONS], {}
while todo:
    domain = todo.pop()
    if domain in seen or not (base / domain / "manifest.json").exists():
        continue
    seen.add(domain)
    manifest = json.loads((base / domain / "manifest.json").read_text())
    for req in manifest.get("requirements", []):
        reqs.setdefault(req, set()).add(domain)
    todo += manifest.get("dependencies", [])
for req in sorted(reqs, key=str.lower):
    print(f"{req}  # {', '.join(sorted(reqs[req]))}")
