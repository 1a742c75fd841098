"""odoo-bin with the project's configuration, for the checks that run with the server
stopped (tests/upgrade, tests/workers; scripts/test sets LEASING_PY, LEASING_ODOO_CONF and
ODOO_SRC)."""

import os
import subprocess


def odoo_command(*args, subcommand=()):
    """The odoo-bin command line: ``subcommand`` (``shell``, ``db``…), then the project's
    configuration, then ``args``."""
    return [
        os.environ["LEASING_PY"],
        "odoo-bin",
        *subcommand,
        "-c",
        os.environ["LEASING_ODOO_CONF"],
        *args,
    ]


def odoo_bin(*args, subcommand=(), check=True, stdin=None):
    """Run odoo-bin from Odoo's source to its end; its output is returned as text."""
    return subprocess.run(
        odoo_command(*args, subcommand=subcommand),
        cwd=os.environ["ODOO_SRC"],
        input=stdin,
        check=check,
        capture_output=True,
        text=True,
    )


def odoo_server(*args, log):
    """Start odoo-bin as a server writing to the open file ``log``; the caller stops it."""
    return subprocess.Popen(odoo_command(*args), cwd=os.environ["ODOO_SRC"], stdout=log, stderr=log)


def drop_database(name):
    odoo_bin("drop", name, subcommand=("db",), check=False)
