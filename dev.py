"""Run or test the SFIA site with nothing but Python 3.11+ installed.

    python3 dev.py run [--port N]      serve the site on http://127.0.0.1:8000/ (DJANGO_DEBUG=1)
    python3 dev.py test [PYTEST_ARGS]  run the test suite (honours DATABASE_URL)
    python3 dev.py manage COMMAND ...  manage.py with the development settings `run` uses
    python3 dev.py lock                regenerate constraints.txt from pyproject.toml

The first call creates .venv in the project and installs the project into it, pinned by
constraints.txt. Later calls reinstall only when pyproject.toml or constraints.txt changed.
"""

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / "dev-install.json"
CONSTRAINTS = ROOT / "constraints.txt"
HEADER = """\
# Exact versions of every package the project and its tests install (pip install -c).
# Generated; do not edit. Regenerate after changing dependencies in pyproject.toml with:
#     python3 dev.py lock
# which installs '.[test]' into a fresh temporary venv without constraints and freezes it.
"""


def say(message):
    print(f"==> {message}", flush=True)


def venv_python(venv):
    bindir = "Scripts" if os.name == "nt" else "bin"
    return venv / bindir / ("python.exe" if os.name == "nt" else "python")


def call(args, env=None):
    """Run a command in the project directory; return its exit code."""
    with subprocess.Popen([str(a) for a in args], cwd=ROOT, env=env) as child:
        try:
            return child.wait()
        except KeyboardInterrupt:
            # The child got the Ctrl+C too: let it shut down cleanly and report its own code.
            return child.wait()


def check(args, env=None):
    code = call(args, env)
    if code:
        sys.exit(code)


def make_venv(venv):
    say(f"Creating a virtual environment in {venv}")
    check([sys.executable, "-m", "venv", venv])


def requirements_hash():
    digest = hashlib.sha256()
    for path in (ROOT / "pyproject.toml", CONSTRAINTS):
        digest.update(path.read_bytes() if path.exists() else b"")
        digest.update(b"\0")
    return digest.hexdigest()


def read_stamp():
    try:
        return json.loads(STAMP.read_text())
    except (OSError, ValueError):
        return {}


def ensure_installed(extras):
    """Create .venv and install the project with these extras, unless already done."""
    python = venv_python(VENV)
    if not python.exists():
        make_venv(VENV)
    wanted = {"hash": requirements_hash(), "extras": sorted(extras)}
    stamp = read_stamp()
    if stamp.get("hash") == wanted["hash"] and set(extras) <= set(stamp.get("extras", [])):
        return python
    target = f".[{','.join(wanted['extras'])}]" if extras else "."
    say(f"Installing the project ({target}) into .venv")
    STAMP.unlink(missing_ok=True)
    pins = ["-c", CONSTRAINTS] if CONSTRAINTS.exists() else []
    check([python, "-m", "pip", "install", "--disable-pip-version-check", *pins, "-e", target])
    STAMP.write_text(json.dumps(wanted))
    return python


# What `run` does before serving, each start: content goes only into a database that has
# none (load_content), so what was saved in the admin survives a restart.
RUN_STEPS = [
    ("Applying database migrations", ["migrate", "--no-input"]),
    ("Loading the SFIA content, if the database has none", ["load_content"]),
    ("Creating the admin's Editor and Translator groups", ["setup_roles"]),
]
# Development settings: debug on, the database in the project (db.sqlite3) unless
# DATABASE_URL names another.
DEVELOPMENT = {"DJANGO_DEBUG": "1"}


def run(port):
    python = ensure_installed([])
    env = {"DJANGO_SITE_URL": f"http://127.0.0.1:{port}", **os.environ, **DEVELOPMENT}
    serve = (
        f"Serving on http://127.0.0.1:{port}/ (Ctrl+C stops)",
        ["runserver", f"127.0.0.1:{port}"],
    )
    for message, args in [*RUN_STEPS, serve]:
        say(message)
        code = call([python, "manage.py", *args], env)
        if code:
            return code
    return 0


def manage(manage_args):
    """`manage.py` with the development settings `run` uses (createsuperuser, import_sources…)."""
    python = ensure_installed([])
    return call([python, "manage.py", *manage_args], {**os.environ, **DEVELOPMENT})


def test(pytest_args):
    python = ensure_installed(["test"])
    url = urlsplit(os.environ.get("DATABASE_URL", "sqlite:"))
    say(f"Running the tests on {url.scheme} {url.hostname or ''}{url.path}".rstrip())
    return call([python, "-m", "pytest", *pytest_args])


def lock():
    with tempfile.TemporaryDirectory(prefix="sfia-lock-") as tmp:
        venv = Path(tmp) / "venv"
        make_venv(venv)
        python = venv_python(venv)
        say("Installing .[test] without constraints")
        check([python, "-m", "pip", "install", "--disable-pip-version-check", "-e", ".[test]"])
        say(f"Writing {CONSTRAINTS.name}")
        frozen = subprocess.run(
            [python, "-m", "pip", "freeze", "--exclude-editable"],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    CONSTRAINTS.write_text(HEADER + frozen)
    return 0


def main(argv):
    if argv[:1] == ["test"]:  # everything after "test" belongs to pytest, even --help
        return test(argv[1:])
    if argv[:1] == ["manage"]:  # and everything after "manage" to manage.py
        return manage(argv[1:])
    parser = argparse.ArgumentParser(
        prog="python3 dev.py",
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__.split("\n\n")[1],
    )
    commands = parser.add_subparsers(dest="command", metavar="{run,test,manage,lock}")
    run_parser = commands.add_parser("run", help="serve the site locally")
    run_parser.add_argument("--port", type=int, default=8000)
    commands.add_parser("test", help="run the test suite; extra arguments go to pytest")
    commands.add_parser(
        "manage", help="run manage.py with the development settings, e.g. createsuperuser"
    )
    commands.add_parser("lock", help="regenerate constraints.txt")
    args = parser.parse_args(argv)
    if args.command == "run":
        return run(args.port)
    if args.command == "lock":
        return lock()
    parser.print_help()
    return 2


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
