from datetime import date, datetime, timedelta

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.orm.model_classes import add_to_registry
from odoo.tests import freeze_time, tagged

from odoo.addons.leasing_office.tests.common import LeasingOfficeCase

# Asia/Shanghai: the end of the working day (18:00) is 10:00 UTC.
MONDAY = date(2031, 3, 3)
SUNDAY = date(2031, 3, 9)


def utc(day, hour):
    return datetime(day.year, day.month, day.day, hour)


class LeasingRecipeForm(models.Model):
    """A form added the way README's "For developers" says: inherit the form mixin, give it
    a key, a place in the list and its deadline rule. Nothing else."""

    _name = "leasing.recipe.form"
    _description = "Recipe Form"
    _inherit = ["leasing.form.mixin"]
    _module = None  # never remembered as part of an addon
    _form_key = "recipe"
    _form_sequence = 70
    _form_required_fields = ("due_date", "note")

    due_date = fields.Date()
    note = fields.Char()

    @api.depends("due_date")
    def _compute_deadline(self):
        for form in self:
            form.deadline = self._end_of_day(form.due_date)


@tagged("post_install", "-at_install", "leasing_reports")
class TestFormRecipe(LeasingOfficeCase):
    """Rule: a new form needs no change in the reports addon. A test-only form registered
    with the registry API appears in the compliance check and the compliance analysis, and
    the "not done" rule the check searches with is the one the analysis counts with."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        add_to_registry(cls.registry, LeasingRecipeForm)
        cls.registry._setup_models__(cls.env.cr, [LeasingRecipeForm._name])
        cls.registry.init_models(cls.env.cr, [LeasingRecipeForm._name], {"models_to_check": True})
        cls.addClassCleanup(cls.registry.__delitem__, LeasingRecipeForm._name)
        cls.env.registry.clear_cache()
        cls.env.company.partner_id.tz = "Asia/Shanghai"
        Form = cls.env["leasing.recipe.form"]
        with freeze_time(utc(MONDAY, 1)):
            # agent1: Monday's form handed in an hour late, Tuesday's on time and complete.
            cls.late = Form.create({"user_id": cls.agent1.id, "due_date": MONDAY, "note": "x"})
            cls.on_time = Form.create(
                {"user_id": cls.agent1.id, "due_date": MONDAY + timedelta(1), "note": "x"}
            )
            # agent2: one handed in on time without its note, one never handed in.
            cls.incomplete = Form.create({"user_id": cls.agent2.id, "due_date": MONDAY})
            cls.missing = Form.create({"user_id": cls.agent2.id, "due_date": MONDAY})
        with freeze_time(utc(MONDAY, 2)):
            (cls.on_time | cls.incomplete).action_submit()
        with freeze_time(utc(MONDAY, 11)):
            cls.late.action_submit()
        cls.env.flush_all()

    def test_rule_new_form_is_in_the_office_list(self):
        Mixin = self.env["leasing.form.mixin"]
        self.assertEqual(Mixin._form_models()[-1], "leasing.recipe.form")
        self.assertIn(("recipe", "leasing.recipe.form"), Mixin._form_types())
        self.assertEqual(
            [key for key, _model in Mixin._form_types()][:6],
            ["registration", "followup", "signing", "claim", "field_plan", "field_log"],
        )

    def test_rule_new_form_in_the_compliance_check(self):
        with freeze_time(utc(SUNDAY, 12)):
            check = self.env["leasing.compliance.check"].create(
                {"kind": "weekly", "date_from": MONDAY, "date_to": SUNDAY}
            )
        ours = check.item_ids.filtered(lambda item: item.form_ref._name == "leasing.recipe.form")
        self.assertEqual(
            {(item.form_ref, item.compliance) for item in ours},
            {(self.late, "late"), (self.incomplete, "incomplete"), (self.missing, "pending")},
        )
        self.assertIn(
            ("leasing.recipe.form", "Recipe Form"),
            self.env["leasing.compliance.check.item"]._selection_form_ref(),
        )

    def test_rule_new_form_in_the_compliance_analysis(self):
        Report = self.env["leasing.compliance.report"].with_user(self.leader)
        with freeze_time(utc(SUNDAY, 12)):
            rows = Report._read_group(
                [("form_type", "=", "recipe")],
                ["user_id"],
                [
                    "form_count:sum",
                    "done_count:sum",
                    "late_count:sum",
                    "incomplete_count:sum",
                    "not_started_count:sum",
                    "not_done_count:sum",
                ],
            )
        self.assertEqual(
            {user: counts for user, *counts in rows},
            {self.agent1: [2, 1, 1, 0, 0, 1], self.agent2: [2, 0, 0, 1, 1, 2]},
        )
        labels = dict(Report._fields["form_type"]._description_selection(Report.env))
        self.assertEqual(labels["recipe"], "Recipe Form")
        self.assertEqual(labels["field_log"], "Field-visit Log")
        self.assertEqual(labels["tier_check"], "Merchant Tier Verification")

    def test_rule_not_done_same_in_the_check_and_the_analysis(self):
        """Every form, every reason: the forms the mixin's domain finds are the rows the
        analysis counts."""
        Mixin = self.env["leasing.form.mixin"]
        start, end = utc(MONDAY, 0), utc(SUNDAY + timedelta(1), 0)
        period = Domain("deadline", ">=", start) & Domain("deadline", "<", end)
        with freeze_time(utc(MONDAY, 11)):
            Report = self.env["leasing.compliance.report"]
            for key, model in Mixin._form_types():
                Form = self.env[model]
                [counts] = Report._read_group(
                    Domain("form_type", "=", key) & period,
                    [],
                    [f"{reason}_count:sum" for reason in Form._not_done_reasons()]
                    + ["not_done_count:sum"],
                )
                expected = [
                    Form.search_count(period & Form._not_done_reasons()[reason])
                    for reason in Form._not_done_reasons()
                ] + [Form.search_count(Form._not_done_domain(start, end))]
                self.assertEqual([count or 0 for count in counts], expected, key)
            # The recipe form: late, incomplete, not started; Tuesday's is not due yet.
            self.assertEqual(
                self.env["leasing.recipe.form"].search(Mixin._not_done_domain(start, end)),
                self.late | self.incomplete | self.missing,
            )
