import uuid

from odoo import api, fields
from odoo.tests import tagged
from odoo.tools import SQL

from odoo.addons.leasing_office.models import office_clock

from .common_concurrency import LeasingConcurrencyCase


@tagged("post_install", "-at_install", "leasing_concurrency")
class TestWalkinConcurrency(LeasingConcurrencyCase):
    """Two front-desk sessions registering at the same instant, on two real cursors.

    The data lives in its own committed company so both cursors see it; afterwards the
    records are removed and the company and its users archived.
    """

    def setUp(self):
        super().setUp()
        tag = uuid.uuid4().hex[:8]
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            company = env["res.company"].create({"name": f"Concurrency Mall {tag}"})

            def user(login, group):
                return (
                    env["res.users"]
                    .with_context(no_reset_password=True)
                    .create(
                        {
                            "name": login,
                            "login": f"{login}_{tag}",
                            "company_id": company.id,
                            "company_ids": [fields.Command.set(company.ids)],
                            "group_ids": [fields.Command.set([env.ref(group).id])],
                        }
                    )
                )

            agents = [user(f"agent{i}", "leasing_office.group_leasing_agent") for i in (1, 2, 3)]
            self.clerks = [
                user(f"clerk{i}", "leasing_office.group_leasing_frontdesk").id for i in (1, 2)
            ]
            rotation = (
                env["leasing.rotation"]
                .with_company(company)
                .create(
                    {
                        "date": office_clock.office_today(env),
                        "line_ids": [
                            fields.Command.create({"user_id": agent.id, "sequence": index})
                            for index, agent in enumerate(agents)
                        ],
                    }
                )
            )
            self.company_id, self.rotation_id = company.id, rotation.id
            self.agent_ids = [agent.id for agent in agents]
        self.addCleanup(self.cleanup)

    def cleanup(self):
        with self.registry.cursor() as cr:
            cr.execute("SELECT id FROM crm_lead WHERE company_id = %s", [self.company_id])
            lead_ids = tuple(row[0] for row in cr.fetchall()) or (0,)
            cr.execute("DELETE FROM leasing_visit WHERE lead_id IN %s", [lead_ids])
            cr.execute(
                "DELETE FROM leasing_rotation_turn WHERE rotation_id = %s", [self.rotation_id]
            )
            cr.execute(
                "UPDATE leasing_rotation SET last_line_id = NULL WHERE id = %s", [self.rotation_id]
            )
            cr.execute(
                "DELETE FROM leasing_rotation_line WHERE rotation_id = %s", [self.rotation_id]
            )
            cr.execute("DELETE FROM leasing_rotation WHERE id = %s", [self.rotation_id])
            cr.execute("DELETE FROM crm_lead WHERE id IN %s", [lead_ids])
            cr.execute(
                "UPDATE res_users SET active = FALSE WHERE id IN %s",
                [tuple(self.clerks + self.agent_ids)],
            )
            cr.execute("UPDATE res_company SET active = FALSE WHERE id = %s", [self.company_id])

    def register(self, env, phone):
        wizard = env["leasing.walkin.register"].create({"contact_name": phone, "phone": phone})
        wizard.action_register()
        return wizard.lead_id.attributed_user_id.id

    def test_simultaneous_registrations_never_share_a_turn(self):
        results = self.race(
            lambda env: self.register(env, "13800013001"),
            lambda env: self.register(env, "13800013002"),
            *self.clerks,
        )
        self.assertEqual(results["first"], self.agent_ids[0])
        self.assertEqual(results["second"], self.agent_ids[1])
        # This session wrote (its wizard) before registering, so it cannot be restarted:
        # it waits, loses the serialisation race and is retried on fresh data.
        self.assertEqual(results["retries"], 1, "the waiting session must retry on fresh data")

        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT user_id, COALESCE(turn_count, 0) FROM leasing_rotation_line "
                "WHERE rotation_id = %s ORDER BY sequence",
                [self.rotation_id],
            )
            self.assertEqual(
                cr.fetchall(),
                [(self.agent_ids[0], 1), (self.agent_ids[1], 1), (self.agent_ids[2], 0)],
            )
            cr.execute(
                "SELECT count(*) FROM leasing_rotation_turn WHERE rotation_id = %s",
                [self.rotation_id],
            )
            self.assertEqual(cr.fetchone()[0], 2)

    def save_wizard(self, clerk, phone):
        """The walk-in form, saved by its own request before the clerk clicks Register."""
        with self.registry.cursor() as cr:
            wizard = self.session_env(cr, clerk)["leasing.walkin.register"].create(
                {"contact_name": phone, "phone": phone}
            )
            return wizard.id

    def click_register(self, env, wizard_id):
        # Odoo checks the password or session first: that query takes the transaction's
        # snapshot before the registration starts, so before any wait for the lock.
        env.cr.execute(SQL("SELECT login FROM res_users WHERE id = %s", env.uid))
        wizard = env["leasing.walkin.register"].browse(wizard_id)
        wizard.action_register()
        return wizard.lead_id.attributed_user_id.id

    def test_waiting_registration_queues_and_reads_fresh_data(self):
        first = self.save_wizard(self.clerks[0], "13800013003")
        second = self.save_wizard(self.clerks[1], "13800013004")
        results = self.race(
            lambda env: self.click_register(env, first),
            lambda env: self.click_register(env, second),
            *self.clerks,
        )
        self.assertEqual(results["first"], self.agent_ids[0])
        self.assertEqual(
            results["second"],
            self.agent_ids[1],
            "after waiting, the second clerk must see the first turn and give the next one",
        )
        self.assertEqual(results["retries"], 0, "the waiting session must wait, not retry")
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT registration_count, last_line_id FROM leasing_rotation WHERE id = %s",
                [self.rotation_id],
            )
            count, last_line = cr.fetchone()
            cr.execute(
                "SELECT id FROM leasing_rotation_line WHERE rotation_id = %s AND user_id = %s",
                [self.rotation_id, self.agent_ids[1]],
            )
            self.assertEqual((count, last_line), (2, cr.fetchone()[0]))
