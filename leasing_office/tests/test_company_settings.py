import doctest
import types
from datetime import date, datetime

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import BaseCase, Form, freeze_time, tagged

from ..models import office_clock, office_defaults
from .access_errors import acl_refused
from .common import LeasingOfficeCase
from .common_targets import MONTH, LeasingTargetsCase
from .migrations import load_migration


def settings_of(company):
    """{company field: value} of every office setting of ``company``."""
    return {
        office_defaults.company_field(key): company[office_defaults.company_field(key)]
        for key in office_defaults.SETTINGS
    }


@tagged("post_install", "-at_install", "leasing_settings")
class TestCompanySettings(LeasingOfficeCase):
    """Each mall is a company with its own office: every setting is the company's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mall1 = cls.env.company
        cls.mall1.partner_id.tz = "Asia/Shanghai"
        cls.mall2 = cls.env["res.company"].create({"name": "Second Mall"})
        cls.mall2.partner_id.tz = "Europe/Paris"

    def test_new_mall_starts_from_the_defaults_defined_once(self):
        expected = {
            office_defaults.company_field(key): default
            for key, default in office_defaults.SETTINGS.items()
        }
        self.assertEqual(settings_of(self.mall2), expected)
        self.assertEqual(self.mall2._leasing_tier_thresholds(), office_defaults.TIER_THRESHOLDS)

    def test_settings_saved_in_one_mall_leave_the_other(self):
        before = settings_of(self.mall1)
        form = Form(self.env["res.config.settings"].with_company(self.mall2))
        self.assertEqual(form.leasing_call_target, office_defaults.CALL_TARGET)
        form.leasing_call_target = 30
        form.leasing_workday_end = 17.5
        form.leasing_commission_per_contract = 3000.0
        form.leasing_tier1_store_count = 9
        form.leasing_office_tz = "Asia/Tokyo"
        form.save().execute()
        self.assertEqual(
            (
                self.mall2.leasing_call_target,
                self.mall2.leasing_workday_end,
                self.mall2.leasing_commission_per_contract,
                self.mall2.leasing_tier1_store_count,
                self.mall2.partner_id.tz,
            ),
            (30, 17.5, 3000.0, 9, "Asia/Tokyo"),
        )
        self.assertEqual(settings_of(self.mall1), before)
        self.assertEqual(self.mall1.partner_id.tz, "Asia/Shanghai")
        # Settings opened in the first mall show the first mall's values.
        settings = self.env["res.config.settings"].with_company(self.mall1).create({})
        self.assertEqual(settings.leasing_call_target, office_defaults.CALL_TARGET)

    def test_office_day_is_the_malls_own(self):
        with freeze_time(datetime(2026, 11, 27, 20, 0)):  # 04:00 in Shanghai, 21:00 in Paris
            self.assertEqual(office_clock.office_today(self.env), date(2026, 11, 28))
            mall2_env = self.env["crm.lead"].with_company(self.mall2).env
            self.assertEqual(office_clock.office_today(mall2_env), date(2026, 11, 27))

    def test_form_deadlines_are_the_malls_own(self):
        self.mall2.leasing_workday_end = 17.5
        Plan = self.env["leasing.followup.plan"]
        day = date(2026, 11, 27)
        # 18:00 in Shanghai (UTC+8); 17:30 in Paris (UTC+1 in November).
        self.assertEqual(Plan._end_of_day(day), datetime(2026, 11, 27, 10, 0))
        self.assertEqual(
            Plan.with_company(self.mall2)._end_of_day(day), datetime(2026, 11, 27, 16, 30)
        )

    def test_tier_thresholds_are_the_malls_own(self):
        self.mall2.leasing_tier1_store_count = 10
        lead = self.env["crm.lead"].create({"name": "Merchant", "store_count": 6})
        self.assertEqual(lead.suggested_tier, "1")
        self.assertEqual(lead.with_company(self.mall2).suggested_tier, "2")

    def test_big_account_and_phone_rules_are_the_malls_own(self):
        self.mall2.write({"leasing_big_account_stores": 4, "leasing_phone_first_caller": "public"})
        BigAccount = self.env["leasing.big.account"]
        self.assertEqual(BigAccount._thresholds()["stores"], office_defaults.BIG_ACCOUNT_STORES)
        self.assertEqual(BigAccount.with_company(self.mall2)._thresholds()["stores"], 4)
        Engine = self.env["leasing.attribution.engine"]
        self.assertEqual(Engine._phone_first_policy(), "rotation")
        self.assertEqual(Engine.with_company(self.mall2)._phone_first_policy(), "public")

    def test_office_staff_cannot_change_settings(self):
        before = settings_of(self.mall1)
        for user in (self.agent1, self.manager, self.leader):
            with self.assertRaisesRegex(AccessError, acl_refused("write", "res.company")):
                self.mall1.with_user(user).write({"leasing_call_target": 1})
            with self.assertRaisesRegex(AccessError, acl_refused("create", "res.config.settings")):
                self.env["res.config.settings"].with_user(user).create({"leasing_call_target": 1})
        self.assertEqual(settings_of(self.mall1), before)

    def test_bad_settings_are_refused(self):
        before = settings_of(self.mall2)
        cases = (
            ({"leasing_workday_end": 25.0}, r"^End of Working Day is an hour of the day"),
            ({"leasing_call_target": -1}, r"^Daily Call Target cannot be negative\.$"),
            ({"leasing_field_days_a": -3}, r"cannot be negative\.$"),
            (
                {"leasing_call_start": 12.0, "leasing_call_end": 11.0},
                r"^The call window must start before it ends\.$",
            ),
        )
        for vals, message in cases:
            with (
                self.subTest(vals=vals),
                self.assertRaisesRegex(ValidationError, message),
                self.env.cr.savepoint(),
            ):
                self.mall2.write(vals)
        self.mall2.invalidate_recordset()
        self.assertEqual(settings_of(self.mall2), before)

    def test_upgrade_copies_the_parameters_into_every_mall(self):
        migration = load_migration("19.0.1.4.0", "post-migrate")
        Params = self.env["ir.config_parameter"].sudo()
        Params.set_param("leasing_office.call_target", "40")
        Params.set_param("leasing_office.workday_end", "17.5")
        Params.set_param("leasing_office.tier1_store_count", "8")
        Params.set_param("leasing_office.phone_first_caller", "nobody")  # not a choice
        Params.set_param("leasing_office.filing_days", "soon")  # not a number
        Params.set_param("leasing_office.field_coverage_since", "2026-01-05")
        migration.copy_parameters(self.env)
        for mall in (self.mall1, self.mall2):
            self.assertEqual(
                (
                    mall.leasing_call_target,
                    mall.leasing_workday_end,
                    mall.leasing_tier1_store_count,
                    mall.leasing_phone_first_caller,
                    mall.leasing_filing_days,
                ),
                (40, 17.5, 8, office_defaults.PHONE_FIRST_CALLER, office_defaults.FILING_DAYS),
            )
        self.assertFalse(Params.search([("key", "=", "leasing_office.call_target")]))
        self.assertFalse(Params.search([("key", "=", "leasing_office.phone_first_caller")]))
        # An install-time fact, not a setting: it stays.
        self.assertEqual(Params.get_param("leasing_office.field_coverage_since"), "2026-01-05")


@tagged("post_install", "-at_install", "leasing_settings")
class TestCompanyCommission(LeasingTargetsCase):
    """The commission amounts are the mall's own settings."""

    def test_commission_per_contract_is_the_malls_own(self):
        self.env.company.leasing_commission_per_contract = 1500.0
        mall2 = self.env["res.company"].create({"name": "Second Mall"})
        mall2.leasing_commission_per_contract = 3000.0
        self.approve(self.new_plan(contracts=(2, 2), dept=4))
        self.sign(self.lead1, self.units[0])
        self.sign(self.lead1, self.units[1])
        statements = self.env["leasing.commission.statement"]._generate(MONTH)
        agent1 = statements.filtered(lambda s: s.user_id == self.agent1 and s.kind == "agent")
        # 2 of 2 contracts (100 %) -> factor 1.2 on 2 × 1500 of this mall, not 2 × 3000.
        self.assertEqual(agent1.amount, 3600)


@tagged("post_install", "-at_install", "leasing_settings")
class TestOfficeDoctests(BaseCase):
    """The pure modules' examples run with the tests, and a wrong example fails."""

    def test_office_clock_and_defaults_doctests(self):
        for module in (office_clock, office_defaults):
            result = doctest.testmod(module)
            self.assertGreater(result.attempted, 0, module.__name__)
            self.assertEqual(result.failed, 0, module.__name__)

    def test_a_wrong_example_fails(self):
        module = types.ModuleType("wrong_example", ">>> 1 + 1\n3\n")
        runner = doctest.DocTestRunner()
        for test in doctest.DocTestFinder().find(module):
            runner.run(test, out=lambda _text: None)
        self.assertEqual((runner.tries, runner.failures), (1, 1))
