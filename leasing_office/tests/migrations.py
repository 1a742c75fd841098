import importlib.util

from odoo.tools.misc import file_path


def load_migration(version, script):
    """leasing_office's upgrade script ``migrations/<version>/<script>.py``, as a module."""
    path = file_path(f"leasing_office/migrations/{version}/{script}.py")
    spec = importlib.util.spec_from_file_location(f"leasing_office_{script}_{version}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_migration(env, version, script, from_version):
    """Run the upgrade script on ``env``'s database as an upgrade from ``from_version``."""
    env.flush_all()
    load_migration(version, script).migrate(env.cr, from_version)
    env.invalidate_all()
