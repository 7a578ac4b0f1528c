"""Installs a lab requirements file into the running venv with Home Assistant's own package_constraints.txt.

    python install-ha.py REQUIREMENTS WORKDIR

Downloads the pinned homeassistant wheel (REQUIREMENTS' `homeassistant==` line) into WORKDIR, takes the
constraints file HA ships inside it, and installs REQUIREMENTS under those constraints: every transitive
requirement lands on the version that HA release was tested with, and pip does not backtrack through newer
releases of its dependencies (which, for older HA, no longer resolve quickly)."""
import pathlib
import subprocess
import sys
import zipfile

requirements, work = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
pins = [line.strip() for line in requirements.read_text().splitlines()]
ha = next(p for p in pins if p.startswith("homeassistant=="))
pip = [sys.executable, "-m", "pip"]
work.mkdir(parents=True, exist_ok=True)
subprocess.run([*pip, "download", "--quiet", "--no-deps", "--dest", str(work), ha], check=True)
wheel = next(work.glob(f"homeassistant-{ha.split('==')[1]}-*.whl"))
constraints = work / "package_constraints.txt"
with zipfile.ZipFile(wheel) as z:
    constraints.write_bytes(z.read("homeassistant/package_constraints.txt"))
subprocess.run([*pip, "install", "--find-links", str(work), "-r", str(requirements), "-c", str(constraints)], check=True)
