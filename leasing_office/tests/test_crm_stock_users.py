from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import LeasingOfficeCase

# The crm.lead fields that read the office's models.
LEASING_RELATIONS = {
    "visit_ids",
    "attribution_log_ids",
    "dispute_ids",
    "call_log_ids",
    "field_visit_line_ids",
    "info_sent_ids",
}
RELATIONAL = ("many2one", "one2many", "many2many")


def web_read_spec(node, models, model):
    """The specification the web client gives ``web_read`` for a view's arch.

    Every field of the view; a relational field reads the fields of its embedded list or
    kanban, or else its comodel's display name, as the web client does.
    """
    fields = models[model]["fields"]
    spec = {}
    for child in node:
        if child.tag != "field":
            _merge_spec(spec, web_read_spec(child, models, model))
            continue
        name = child.get("name")
        if name not in fields:
            continue
        if fields[name]["type"] not in RELATIONAL:
            spec[name] = {}
            continue
        comodel = fields[name]["relation"]
        sub_spec = {"display_name": {}}
        for sub_view in child:
            if sub_view.tag in ("list", "kanban"):
                _merge_spec(sub_spec, web_read_spec(sub_view, models, comodel))
        _merge_spec(spec, {name: {"fields": sub_spec}})
    return spec


def _merge_spec(spec, other):
    for name, sub in other.items():
        if name in spec and "fields" in sub:
            spec[name].setdefault("fields", {})
            _merge_spec(spec[name]["fields"], sub["fields"])
        else:
            spec.setdefault(name, sub)


@tagged("post_install", "-at_install", "leasing_access", "leasing_crm_stock")
class TestCrmStockUsers(LeasingOfficeCase):
    """CRM users outside the office work as in stock Odoo; the office's roles open every
    prospect and partner they may see, stock fields included (tags, team, activities)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ctx = {"no_reset_password": True}
        cls.salesperson = new_test_user(
            cls.env,
            login="lo_salesperson",
            groups="base.group_user,sales_team.group_sale_salesman",
            context=ctx,
        )
        cls.sales_manager = new_test_user(
            cls.env,
            login="lo_sales_manager",
            groups="base.group_user,sales_team.group_sale_manager",
            context=ctx,
        )
        cls.tag = cls.env["crm.tag"].create({"name": "Leasing stock-user tag"})
        cls.own_lead = (
            cls.env["crm.lead"]
            .with_user(cls.salesperson)
            .create({"name": "Salesperson's own lead"})
            .with_env(cls.env)
        )
        cls.rotation_lead = cls._walk_in(contact_name="Rotation", phone="13800070001")
        cls.public_lead = cls._walk_in(
            contact_name="Pool", phone="13800070002", overflow=True, overflow_reason="Busy floor"
        )
        cls.big_lead = cls._walk_in(contact_name="Big", phone="13800070003")
        cls.transfer_big_account(cls.big_lead)
        leads = cls.own_lead | cls.rotation_lead | cls.public_lead | cls.big_lead
        leads.tag_ids = [Command.link(cls.tag.id)]
        for lead in leads:
            lead.activity_schedule("mail.mail_activity_data_todo", user_id=lead.user_id.id)
            lead.message_post(body="Note for every reader")

    @classmethod
    def _walk_in(cls, **vals):
        wizard = cls.env["leasing.walkin.register"].with_user(cls.frontdesk).create(vals)
        wizard.action_register()
        return wizard.with_env(cls.env).lead_id

    def assertOpens(self, user, records, view_types=("form", "list", "kanban")):
        """Read ``records`` as ``user`` the way the web client opens them in each view:
        ``read`` of every field the views declare, then ``web_read`` with each view's
        specification; fail with every access error met."""
        model = records._name
        result = self.env[model].with_user(user).get_views([(False, vt) for vt in view_types])
        models = result["models"]
        records = records.with_user(user)
        errors = []
        calls = [("read", lambda: records.read(list(models[model]["fields"])))]
        for view_type, view in result["views"].items():
            spec = web_read_spec(etree.fromstring(view["arch"]), models, model)
            calls.append((f"web_read {view_type}", lambda spec=spec: records.web_read(spec)))
        for label, call in calls:
            try:
                call()
            except AccessError as error:
                errors.append(f"{user.login}, {model} {label}: {error}".replace("\n", " "))
        self.assertEqual(errors, [], "\n".join(errors))

    # ------------------------------------------------------------------
    # CRM users outside the office
    # ------------------------------------------------------------------

    def test_salesperson_opens_every_lead_without_the_offices_fields(self):
        views = self.env["crm.lead"].with_user(self.salesperson).get_views([(False, "form")])
        fields = views["models"]["crm.lead"]["fields"]
        self.assertFalse(LEASING_RELATIONS & set(fields))
        self.assertIn("tag_ids", fields)
        arch = views["views"]["form"]["arch"]
        self.assertNotIn('name="leasing_attribution"', arch)
        self.assertNotIn('name="leasing_info_given"', arch)
        visible = self.env["crm.lead"].with_user(self.salesperson).search([])
        # Stock crm rule: own and unassigned leads; the office's public pool has no salesperson.
        self.assertIn(self.own_lead, visible)
        self.assertIn(self.public_lead, visible)
        self.assertNotIn(self.rotation_lead, visible)
        self.assertOpens(self.salesperson, visible)

    def test_salesperson_cannot_read_the_offices_fields(self):
        with self.assertRaisesRegex(AccessError, 'field "visit_ids"'):
            self.own_lead.with_user(self.salesperson).read(["visit_ids"])
        self.assertFalse(self.own_lead.visit_ids)

    def test_salesperson_edits_wins_and_loses_own_leads(self):
        Lead = self.env["crm.lead"].with_user(self.salesperson)
        won, lost, handed = Lead.create(
            [{"name": "To win"}, {"name": "To lose"}, {"name": "To hand"}]
        )
        won.write({"expected_revenue": 5000, "tag_ids": [Command.link(self.tag.id)]})
        colleague = new_test_user(
            self.env,
            login="lo_salesperson2",
            groups="sales_team.group_sale_salesman",
            context={"no_reset_password": True},
        )
        handed.user_id = colleague
        self.assertEqual(handed.sudo().user_id, colleague)
        won.action_set_won_rainbowman()
        self.assertTrue(won.stage_id.is_won)
        self.assertEqual(won.won_status, "won")
        reason = self.env.ref("crm.lost_reason_1", raise_if_not_found=False) or self.env[
            "crm.lost.reason"
        ].create({"name": "Too expensive"})
        wizard = (
            self.env["crm.lead.lost"]
            .with_user(self.salesperson)
            .create({"lead_ids": [Command.set(lost.ids)], "lost_reason_id": reason.id})
        )
        wizard.action_lost_reason_apply()
        self.assertFalse(lost.active)
        self.assertEqual(lost.lost_reason_id, reason)
        self.assertEqual(lost.won_status, "lost")
        self.assertFalse(won.attribution_type or lost.attribution_type)

    def test_salesperson_still_cannot_attribute_a_lead(self):
        with self.assertRaisesRegex(AccessError, "Attribution cannot be edited directly"):
            self.own_lead.with_user(self.salesperson).write({"attribution_type": "rotation"})
        self.assertFalse(self.own_lead.attribution_type)

    def test_sales_manager_deletes_a_lead_outside_the_office(self):
        lead = self.env["crm.lead"].with_user(self.sales_manager).create({"name": "Mistake"})
        lead.unlink()
        self.assertFalse(lead.exists())
        with self.assertRaisesRegex(UserError, "never deleted"):
            self.rotation_lead.with_user(self.sales_manager).unlink()
        self.assertTrue(self.rotation_lead.exists())

    def test_office_rules_on_leads_apply_to_office_groups_only(self):
        rules = self.env["ir.rule"].search([("model_id.model", "=", "crm.lead")])
        ours = rules.filtered(
            lambda rule: rule.get_external_id()[rule.id].startswith("leasing_office.")
        )
        self.assertTrue(ours)
        office_groups = self.env.ref("leasing_office.group_leasing_frontdesk") | self.env.ref(
            "leasing_office.group_leasing_keyaccount"
        )
        for rule in ours:
            self.assertFalse(rule["global"], rule.name)
            self.assertLessEqual(rule.groups, office_groups, rule.name)

    def test_our_columns_on_stock_tables_accept_null(self):
        """Stock code that runs before our addons are loaded (an upgrade of crm, crm's own
        at_install tests) inserts rows without our columns: none may be NOT NULL."""
        ours = ("leasing_office", "leasing_office_reports")
        columns = [
            (model._table, field.name)
            for model in (self.env[name] for name in self.env.registry)
            if not model._abstract and model._auto and model._original_module not in ours
            for field in model._fields.values()
            if field.store and field.column_type and field._module in ours
        ]
        self.assertIn(("crm_lead", "tier_state"), columns)
        self.env.cr.execute(
            """SELECT table_name, column_name FROM information_schema.columns
                WHERE is_nullable = 'NO' AND (table_name, column_name) IN %s""",
            [tuple(columns)],
        )
        self.assertEqual(self.env.cr.fetchall(), [])

    # ------------------------------------------------------------------
    # The office's roles
    # ------------------------------------------------------------------

    def test_office_roles_open_every_prospect_they_see(self):
        everything = self.own_lead | self.rotation_lead | self.public_lead | self.big_lead
        cases = [
            (self.frontdesk, everything),
            (self.agent1, self.rotation_lead | self.public_lead),
            (self.manager, everything),
            (self.leader, everything),
            (self.keyaccount, self.big_lead),
        ]
        for user, expected in cases:
            with self.subTest(user=user.login):
                visible = self.env["crm.lead"].with_user(user).search([])
                self.assertLessEqual(expected, visible)
                self.assertOpens(user, visible)

    def test_demo_users_open_every_prospect_and_partner(self):
        """The demo logins, with the demo data they see (when installed with demo)."""
        logins = ("frontdesk", "agent1", "manager", "leader", "keyaccount")
        users = [
            self.env.ref(f"leasing_office.res_users_{login}_demo", raise_if_not_found=False)
            for login in logins
        ]
        if not all(users):
            self.skipTest("no demo data")
        for user in users:
            with self.subTest(user=user.login):
                self.assertOpens(user, self.env["crm.lead"].with_user(user).search([]))
                self.assertOpens(user, self.env["res.partner"].with_user(user).search([]))

    def test_office_roles_keep_the_offices_pages(self):
        for user, pages in (
            (self.frontdesk, ("leasing_attribution", "leasing_tier")),
            (self.agent1, ("leasing_attribution", "leasing_tier", "leasing_info_given")),
            (self.keyaccount, ("leasing_attribution", "leasing_tier")),
        ):
            with self.subTest(user=user.login):
                views = self.env["crm.lead"].with_user(user).get_views([(False, "form")])
                arch = views["views"]["form"]["arch"]
                for page in pages:
                    self.assertIn(f'name="{page}"', arch)
                self.assertIn("visit_ids", views["models"]["crm.lead"]["fields"])
        views = self.env["crm.lead"].with_user(self.frontdesk).get_views([(False, "form")])
        self.assertNotIn('name="leasing_info_given"', views["views"]["form"]["arch"])

    def test_office_roles_and_salesperson_open_every_partner_they_see(self):
        for user in (
            self.salesperson,
            self.frontdesk,
            self.agent1,
            self.manager,
            self.leader,
            self.keyaccount,
        ):
            with self.subTest(user=user.login):
                partners = self.env["res.partner"].with_user(user).search([])
                self.assertIn(user.partner_id, partners)
                self.assertOpens(user, partners)
