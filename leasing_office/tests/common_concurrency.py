import threading

from psycopg2.errors import SerializationFailure

from odoo import api
from odoo.orm.environments import Transaction
from odoo.tests import TransactionCase
from odoo.tools import mute_logger


class LeasingConcurrencyCase(TransactionCase):
    """Two sessions on two real cursors, the second arriving while the first holds its locks.

    Data the sessions share must be committed (see the subclasses' setUp and cleanup).
    """

    def session_env(self, cr, uid):
        """An environment on ``cr`` for another thread.

        ``api.Environment`` would look the registry up by name, which waits for the lock
        the test runner holds; hand it the loaded registry instead.
        """
        cr.transaction = Transaction(self.registry)
        return api.Environment(cr, uid, {})

    def race(self, first, second, first_uid=api.SUPERUSER_ID, second_uid=api.SUPERUSER_ID):
        """Run ``first(env)`` and keep its transaction open until ``second(env)`` is seen
        waiting for it on another cursor; then commit the first and let the second finish,
        retried after a lost serialisation race as Odoo's RPC layer does.

        :returns: dict with ``first`` and ``second`` (result, or the exception the second
            raised) and ``retries`` (serialisation failures of the second)
        """
        outcome = {"retries": 0}
        first_done, release = threading.Event(), threading.Event()

        def run_first():
            with self.registry.cursor() as cr:
                outcome["first"] = first(self.session_env(cr, first_uid))
                first_done.set()
                release.wait(10)

        def run_second():
            for _attempt in range(5):
                try:
                    with self.registry.cursor() as cr:
                        outcome["second"] = second(self.session_env(cr, second_uid))
                    return
                except SerializationFailure:
                    outcome["retries"] += 1
                except Exception as error:  # noqa: BLE001 - reported to the test
                    outcome["second"] = error
                    return

        one = threading.Thread(target=run_first)
        one.start()
        self.assertTrue(first_done.wait(10), "the first session did not finish its work")
        two = threading.Thread(target=run_second)
        with mute_logger("odoo.sql_db"):
            two.start()
            two.join(1.5)
            self.assertTrue(two.is_alive(), "the second session must wait for the first")
            release.set()
            one.join(10)
            two.join(30)
        return outcome
