import itertools
import logging
import random
import time
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from passlib.hash import pbkdf2_sha512

from odoo import api, fields, models, tools

from . import demo_names, office_clock

_logger = logging.getLogger(__name__)

SEED = 20261127
DAYS = 91
# The office's forms (registrations, follow-up plans) started this many days ago.
FORM_DAYS = 30
AGENT_XMLIDS = [f"leasing_office.res_users_agent{i}_demo" for i in range(1, 8)]
# Two buildings: (building, floor, zone per column band, grid rows, grid columns)
FLOORS = [
    ("A", "1", ("东区", "西区"), 3, 6),
    ("A", "2", ("东区", "西区"), 3, 6),
    ("A", "3", ("东区", "西区"), 2, 6),
    ("B", "1", ("南区", "北区"), 3, 5),
    ("B", "2", ("南区", "北区"), 2, 5),
]
# The group's second mall: its own company and office, one building, a smaller quarter.
# Its agents are created here (not in the demo XML, so that databases installed for tests
# keep one company); agent1 works in both malls.
MALL2_XMLID = "leasing_office.res_company_mall2_demo"
MALL2 = {"name": "金汇商城", "city": "杭州", "street": "西湖区文三路 88 号"}
MALL2_FLOORS = [
    ("C", "1", ("东区", "西区"), 2, 5),
    ("C", "2", ("东区", "西区"), 2, 5),
]
# (xmlid suffix, name, login, group)
MALL2_USERS = [
    ("frontdesk2", "吴前台 (frontdesk2)", "frontdesk2", "group_leasing_frontdesk"),
    ("manager2", "郑經理 (manager2)", "manager2", "group_leasing_manager"),
    ("agent8", "孙丽 (agent8)", "agent8", "group_leasing_agent"),
    ("agent9", "马超 (agent9)", "agent9", "group_leasing_agent"),
    ("agent10", "朱敏 (agent10)", "agent10", "group_leasing_agent"),
]
# Who works in both malls, and who sees both.
BOTH_MALLS_XMLID = "leasing_office.res_users_agent1_demo"
# Phone numbers of the second mall's prospects are counted from here: never one of the first's.
MALL2_PHONES = 50000
# pbkdf2 rounds of the demo logins' passwords (see ``_set_demo_passwords``).
DEMO_PASSWORD_ROUNDS = 10_000


class LeasingDemoQuarter(models.AbstractModel):
    """A quarter of office life, generated for the demo database by the office's own actions.

    Front desk registers every arrival through the attribution engine on the day's rotation
    table, agents file, fill and submit their forms, front desk records deposits and signed
    contracts, the manager drafts targets and computes commissions, leadership approves.
    The actions stamp "now"; the generator then dates each stamp back to its day through
    the guard's gate (``_write_guarded``), the only way such a stamp is ever written.
    Deterministic: one seeded random generator, days counted back from the office's today.
    """

    _name = "leasing.demo.quarter"
    _description = "Leasing Office Demo Quarter"

    @api.model
    def _load_demo(self):
        """The demo file's entry. A database installed to run tests (``--test-enable``, as
        ``scripts/test`` does) skips the quarter: its tests make their own data and count it;
        ``TestDemoQuarter`` replays a shorter period instead."""
        if tools.config["test_enable"]:
            _logger.info("leasing office demo quarter skipped: database installed for tests")
            return True
        return self._generate()

    @api.model
    def _generate(self, today=None, seed=SEED, days=DAYS):
        """Replay the ``days`` office days before ``today`` (the office's today by default),
        in the main mall and then, on a smaller scale, in the group's second mall."""
        rng = random.Random(seed)
        today = today or office_clock.office_today(self.env)
        # A quarter replayed in one transaction: no tracking lines, creation notes, follower
        # subscriptions or assignment e-mails for three months of past activities, and
        # (``leasing_demo_replay``) no reminders, pop-ups or board messages for days that are
        # over: the obligations still left undone are reminded once, at the end.
        # ``leasing_keep_probability``: predictive lead scoring is not recomputed on every
        # prospect's creation and stage move; each mall's prospects get their probabilities
        # in one computation at the end of its quarter (``_score_leads``).
        gen = self.with_context(
            tracking_disable=True,
            mail_create_nolog=True,
            mail_create_nosubscribe=True,
            mail_notrack=True,
            mail_activity_quick_update=True,
            mail_auto_subscribe_no_notify=True,
            mail_notify_force_send=False,
            leasing_demo_replay=True,
            leasing_keep_probability=True,
        )
        clock = self._clock()
        people = gen._people()
        gen._make_infos(people)
        gen._replay_mall(rng, people, FLOORS, today, days, arrivals=(3, 6))
        clock = self._clock("main mall", clock)
        mall = gen._second_mall()
        gen = gen.with_company(mall)
        people2 = gen._people_mall2(shops=people["shops"])
        gen._replay_mall(rng, people2, MALL2_FLOORS, today, days, arrivals=(0, 3))
        clock = self._clock("second mall", clock)
        Obligation = self.env["leasing.obligation"].sudo()
        for company in (self.env.company, mall):
            Obligation.with_company(company).search(
                [("state", "in", ("pending", "not_done")), ("company_id", "=", company.id)]
            )._evaluate()
        self._clock("obligations evaluated", clock)
        return True

    @api.model
    def _set_demo_passwords(self):
        """Each demo login of the office (users ``leasing_office.res_users_*_demo``) gets its
        login as password, printed in the README. Hashed with stock's algorithm at a low work
        factor instead of its 600,000 rounds (about a second of CPU per user at install);
        stock's password check verifies it as any other hash. Demo only: users created in
        production get stock's hashing."""
        data = (
            self.env["ir.model.data"]
            .sudo()
            .search(
                [
                    ("module", "=", "leasing_office"),
                    ("model", "=", "res.users"),
                    ("name", "=like", "res_users_%_demo"),
                ]
            )
        )
        Users = self.env["res.users"].sudo()
        crypt = pbkdf2_sha512.using(rounds=DEMO_PASSWORD_ROUNDS)
        for user in Users.browse(data.mapped("res_id")).exists():
            Users._set_encrypted_password(user.id, crypt.hash(user.login))
        return True

    def _clock(self, phase=None, since=None):
        """Log how long ``phase`` took since ``since`` (wall, this process's CPU, queries)."""
        now = (time.perf_counter(), time.process_time(), self.env.cr.sql_log_count)
        if phase:
            _logger.info(
                "demo quarter: %s in %.1fs (%.1fs CPU, %d queries)",
                phase,
                *(now[0] - since[0], now[1] - since[1], now[2] - since[2]),
            )
        return now

    def _replay_mall(self, rng, people, floors, today, days, arrivals):
        """One mall's quarter, in the company of ``self.env``."""
        units = self._make_units(rng, floors)
        leads = []
        start = today - timedelta(days=days)
        # Commission is paid for the last two full months: they need approved targets too.
        first_paid = today.replace(day=1) - relativedelta(months=2)
        self._make_targets(people, min(start, first_paid), today)
        for offset in range(days):
            day = start + timedelta(days=offset)
            rotation = self._open_day(rng, people, day)
            with_forms = offset >= days - FORM_DAYS
            leads += self._receive_day(rng, people, rotation, day, leads, with_forms, arrivals)
            if with_forms:
                self._expect_routine(day)
                self._plan_followups(rng, rotation, day, leads)
        deals = self._close_deals(rng, people, units, leads, today)
        self._negotiate(leads, deals)
        self._assess_tiers(rng, people, leads)
        self._pay_commissions(people, today)
        self._score_leads(leads)
        return leads

    def _score_leads(self, leads):
        """Stock CRM's predictive lead scoring for the mall's prospects, in one computation
        (as its nightly rebuild does) instead of once per creation and stage move."""
        Lead = self.env["crm.lead"].with_context(leasing_keep_probability=False)
        records = Lead.union(*leads)
        for name in ("automated_probability", "probability"):
            self.env.add_to_compute(Lead._fields[name], records)
        records._recompute_recordset(["automated_probability", "probability"])

    # ------------------------------------------------------------------
    # PEOPLE AND PLACES
    # ------------------------------------------------------------------

    def _people(self):
        ref = self.env.ref
        return {
            "frontdesk": ref("leasing_office.res_users_frontdesk_demo"),
            "manager": ref("leasing_office.res_users_manager_demo"),
            "leader": ref("leasing_office.res_users_leader_demo"),
            "agents": self.env["res.users"].union(*(ref(xmlid) for xmlid in AGENT_XMLIDS)),
            "phones": itertools.count(1),
            "shops": set(),
            "on_duty": (5, 6, 6),
            "tiers": 40,
        }

    def _second_mall(self):
        """The group's second mall (a company in another city, in yuan, on Shanghai time), its
        office's people, agent1 working in both malls, and leadership seeing both."""
        mall = self.env.ref(MALL2_XMLID, raise_if_not_found=False)
        if mall:
            return mall
        ModelData = self.env["ir.model.data"]
        mall = (
            self.env["res.company"]
            .sudo()
            .create(
                {
                    **MALL2,
                    "currency_id": self.env.ref("base.CNY").id,
                    "country_id": self.env.ref("base.cn").id,
                }
            )
        )
        mall.partner_id.tz = "Asia/Shanghai"
        xmlids = [{"xml_id": MALL2_XMLID, "record": mall, "noupdate": True}]
        Users = self.env["res.users"].sudo().with_context(no_reset_password=True)
        for suffix, name, login, group in MALL2_USERS:
            user = Users.create(
                {
                    "name": name,
                    "login": login,
                    "email": f"{login}@leasing.example.com",
                    "tz": "Asia/Shanghai",
                    "company_id": mall.id,
                    "company_ids": [fields.Command.set(mall.ids)],
                    "group_ids": [fields.Command.link(self.env.ref(f"leasing_office.{group}").id)],
                }
            )
            xmlids.append(
                {
                    "xml_id": f"leasing_office.res_users_{suffix}_demo",
                    "record": user,
                    "noupdate": True,
                }
            )
        ModelData._update_xmlids(xmlids)
        self._set_demo_passwords()
        both = [
            BOTH_MALLS_XMLID,
            "leasing_office.res_users_leader_demo",
            "base.user_admin",
        ]
        for xmlid in both:
            self.env.ref(xmlid).sudo().company_ids = [fields.Command.link(mall.id)]
        return mall

    def _people_mall2(self, shops):
        ref = self.env.ref
        mall2_agents = ("agent8", "agent9", "agent10")
        agents = self.env["res.users"].union(
            ref(BOTH_MALLS_XMLID),
            *(ref(f"leasing_office.res_users_{suffix}_demo") for suffix in mall2_agents),
        )
        return {
            "frontdesk": ref("leasing_office.res_users_frontdesk2_demo"),
            "manager": ref("leasing_office.res_users_manager2_demo"),
            "leader": ref("leasing_office.res_users_leader_demo"),
            "agents": agents,
            "phones": itertools.count(MALL2_PHONES),
            "shops": shops,
            "on_duty": (3, 4, 4),
            "tiers": 10,
        }

    def _make_units(self, rng, floors):
        """Units on a grid per building and floor; the four hand-written ones keep their codes."""
        Unit = self.env["leasing.unit"].sudo()
        company = self.env.company
        existing = {unit.code: unit for unit in Unit.search([("company_id", "=", company.id)])}
        units = Unit.browse()
        new = []
        for building, floor, zones, rows, cols in floors:
            number = 0
            for row in range(1, rows + 1):
                col = 1
                while col <= cols:
                    width = 2 if rng.random() < 0.2 and col < cols else 1
                    number += 1
                    code = f"{building}-{floor}{number:02d}"
                    label, _suffixes, (low, high) = rng.choice(demo_names.BUSINESS_TYPES)
                    vals = {
                        "building": building,
                        "floor": floor,
                        "zone": zones[0] if col <= (cols + 1) // 2 else zones[1],
                        "business_type": label,
                        "plan_row": row,
                        "plan_col": col,
                        "plan_width": width,
                        "company_id": company.id,
                    }
                    if code in existing:
                        existing[code].write(vals)
                        units |= existing[code]
                    else:
                        area = rng.randrange(low, high, 5) * width
                        rent = rng.randrange(90, 260, 5) - (40 if floor != "1" else 0)
                        new.append({"code": code, "area": area, "rent_standard": rent, **vals})
                    col += width
        return units | Unit.create(new)

    def _make_infos(self, people):
        """Leadership-approved information, one of them in its second version."""
        Info = self.env["leasing.info"].with_user(people["manager"])
        leader = people["leader"]
        texts = [
            ("policy", "招商政策 2026", "<p>首年租金九折，装修期免租两个月。</p>"),
            (
                "rent_standard",
                "租金标准（A座、B座）",
                "<p>一楼 ¥150–250/㎡/月，楼上 ¥90–200/㎡/月。</p>",
            ),
            ("incentive", "餐饮品牌进驻奖励", "<p>连锁餐饮品牌签约三年以上，免两个月租金。</p>"),
            ("talking_points", "项目介绍要点", "<p>地铁上盖，日均客流三万人次。</p>"),
        ]
        infos = Info.create(
            [{"category": cat, "name": name, "body": body} for cat, name, body in texts]
        )
        infos.action_request_approval()
        infos.with_user(leader).action_approve()
        action = infos[0].action_new_version()
        second = Info.browse(action["res_id"])
        second.body = "<p>首年租金八五折，装修期免租三个月（2026年第四季度起）。</p>"
        second.action_request_approval()
        second.with_user(leader).action_approve()

    # ------------------------------------------------------------------
    # THE DAYS
    # ------------------------------------------------------------------

    def _open_day(self, rng, people, day):
        """The duty roster of the day (five or six agents, in a shifting order) and its table."""
        frontdesk = people["frontdesk"]
        agents = list(people["agents"])
        rng.shuffle(agents)
        on_duty = agents[: rng.choice(people["on_duty"])]
        roster = (
            self.env["leasing.duty.roster"]
            .with_user(frontdesk)
            .create(
                {
                    "date": day,
                    "reception_user_id": frontdesk.id,
                    "company_id": self.env.company.id,
                    "line_ids": [
                        fields.Command.create({"user_id": agent.id, "sequence": index})
                        for index, agent in enumerate(on_duty, start=1)
                    ],
                }
            )
        )
        roster.action_create_rotation()
        rotation = roster.rotation_id.with_user(frontdesk)
        if rng.random() < 0.3:
            rng.choice(rotation.line_ids).action_set_leave()
        return rotation

    def _receive_day(self, rng, people, rotation, day, known, with_forms, arrivals):
        """A few arrivals (``arrivals``: a range), from morning to evening; return the new
        prospects."""
        new = []
        Engine = self.env["leasing.attribution.engine"].with_user(people["frontdesk"])
        minute = rng.randrange(0, 40)
        for _index in range(rng.randrange(*arrivals)):
            minute += rng.randrange(40, 150)
            if minute >= 9 * 60:  # 18:00: the office is closed
                break
            moment = office_clock.at_local(day, 9 + minute // 60, minute % 60, self._tz())
            lines = rotation.line_ids.filtered(lambda line: line.status != "leave")
            busy = lines.filtered(lambda line: rng.random() < 0.12)
            busy.action_set_busy()
            values, returning = self._arrival(rng, people, known + new)
            channel = "phone" if not returning and rng.random() < 0.15 else "walk_in"
            visit = Engine._register_arrival(channel, values, rotation=rotation)
            busy.action_set_available()
            if not returning and visit.lead_id not in new:
                new.append(visit.lead_id)
            self._date_visit(rng, people, visit, moment, with_forms)
        return new

    def _arrival(self, rng, people, known):
        """What front desk types for one arrival, and whether it is a known prospect."""
        if known and rng.random() < 0.18:
            lead = rng.choice(known)
            return {"contact_name": lead.contact_name, "phone": lead.phone}, True
        name, business, _areas = demo_names.shop(rng)
        while name in people["shops"]:
            name, business, _areas = demo_names.shop(rng)
        people["shops"].add(name)
        values = {
            "contact_name": demo_names.person(rng),
            "partner_name": name if rng.random() < 0.8 else False,
            "phone": demo_names.phone(rng, next(people["phones"])),
            "description": f"{business}，{rng.choice(demo_names.NEEDS)}",
        }
        draw = rng.random()
        if draw < 0.1:
            values["card_user"] = rng.choice(people["agents"])
        elif draw < 0.15:
            values["leadership"] = True
        elif draw < 0.21:
            values["overflow"] = True
            values["overflow_reason"] = rng.choice(demo_names.OVERFLOW_REASONS)
        elif draw < 0.28:
            self._file_first(rng, people, values)
        return values, False

    def _file_first(self, rng, people, values):
        """An agent's own prospect: filed by the agent before it walks in."""
        agent = rng.choice(people["agents"])
        filing = (
            self.env["leasing.prospect.filing"]
            .with_user(agent)
            .create(
                {
                    "contact_name": values["contact_name"],
                    "partner_name": values["partner_name"],
                    "phone": values["phone"],
                    "user_id": agent.id,
                }
            )
        )
        filing.action_file()

    def _date_visit(self, rng, people, visit, moment, with_forms):
        """The registration happened at ``moment``; reception and leaving follow it (leaving,
        which makes the visitor registration due, only since the office's forms started).

        Front desk's clicks stamp "now"; the visit's times are then dated back in one write
        (each write of a visit also updates the visit analysis's counts)."""
        times = {"visit_datetime": moment, "arrived_at": moment}
        if visit.channel != "walk_in":
            visit._write_guarded(times)
            return
        times["received_at"] = moment + timedelta(minutes=rng.randrange(1, 15))
        left = times["received_at"] + timedelta(minutes=rng.randrange(15, 70))
        frontdesk_visit = visit.with_user(people["frontdesk"])
        frontdesk_visit.action_mark_received()
        if with_forms:
            frontdesk_visit.action_mark_left()
            times["left_at"] = left
        visit._write_guarded(times)
        if not with_forms:
            return
        registration = visit.registration_id
        registration._write_guarded({"visit_end": left})
        self._date_obligations(registration, registration.deadline)
        self._fill_registration(rng, registration, left)

    def _date_obligations(self, record, deadline):
        """What ``record`` (a form or the event that expects one) owes is due at ``deadline``."""
        ref = f"{record._name},{record.id}"
        duties = (
            self.env["leasing.obligation"]
            .sudo()
            .search(["|", ("form_ref", "=", ref), ("source_ref", "=", ref)])
        )
        duties._write_guarded(
            {"deadline": deadline, "period_date": office_clock.local_date(deadline, self._tz())}
        )

    def _fill_registration(self, rng, registration, left):
        """On time mostly; some late, some incomplete, some never started."""
        draw = rng.random()
        if draw < 0.07:
            return  # never filled in: the obligation turns "not done"
        lead = registration.lead_id
        business = (lead.description or "零售，").split("，")[0]
        form = registration.with_user(registration.user_id)
        vals = {"needs": demo_names.NEEDS[lead.id % len(demo_names.NEEDS)]}
        if draw >= 0.15:  # an incomplete one lacks the line of business
            vals.update(business_type=business, desired_area=rng.randrange(40, 400, 10))
        form.write(vals)
        form.action_submit()
        late = draw >= 0.15 and rng.random() < 0.15
        minutes = rng.randrange(35, 240) if late else rng.randrange(5, 28)
        registration._write_guarded({"submitted_at": left + timedelta(minutes=minutes)})

    def _expect_routine(self, day):
        Form = self.env["leasing.followup.plan"]
        self.env["leasing.obligation"].sudo()._expect_followup_plans(day, Form._end_of_day(day))

    def _plan_followups(self, rng, rotation, day, leads):
        """Each agent on duty plans the day's follow-ups (the last month of the quarter)."""
        lines = rotation.line_ids.filtered(lambda line: line.status != "leave")
        # An agent of both malls plans the day once, in the first mall: one search per day.
        planned = (
            self.env["leasing.followup.plan"]
            .sudo()
            .search([("user_id", "in", lines.user_id.ids), ("plan_date", "=", day)])
            .user_id
        )
        for line in lines:
            agent = line.user_id
            if agent in planned:
                continue
            draw = rng.random()
            if draw < 0.06:
                continue  # never started
            own = [lead for lead in leads if lead.attributed_user_id == agent][-12:]
            picks = rng.sample(own, min(len(own), rng.randrange(1, 4)))
            vals = {"user_id": agent.id, "plan_date": day}
            if picks:
                vals["line_ids"] = [
                    fields.Command.create(
                        {
                            "lead_id": lead.id,
                            "planned_date": day,
                            "method": "call",
                            "purpose": False if draw < 0.12 else rng.choice(demo_names.PURPOSES),
                        }
                    )
                    for lead in picks
                ]
            else:
                vals["no_followups"] = True
            plan = self.env["leasing.followup.plan"].with_user(agent).create(vals)
            plan.action_submit()
            end = plan.deadline
            late = rng.random() < 0.12
            stamp = (
                end + timedelta(hours=rng.randrange(1, 15))
                if late
                else end - timedelta(hours=rng.randrange(1, 8))
            )
            plan._write_guarded({"submitted_at": stamp})

    # ------------------------------------------------------------------
    # DEALS, TARGETS, TIERS AND COMMISSIONS
    # ------------------------------------------------------------------

    def _close_deals(self, rng, people, units, leads, today):
        """Deposits, signing plans, contract claims and signed contracts on both buildings."""
        frontdesk = people["frontdesk"]
        credited = [lead for lead in leads if lead.attributed_user_id]
        free = list(units.filtered(lambda unit: unit.state == "available"))
        rng.shuffle(free)
        # Older prospects mostly signed by now; recent ones still hold their unit reserved.
        deals = credited[3 : len(credited) * 3 // 4 : 7] + credited[-40::8]
        for number, lead in enumerate(deals, start=1):
            if not free:
                break
            first = lead.visit_ids.sorted("visit_datetime")[:1].visit_datetime
            deposit_day = min(
                office_clock.local_date(first, self._tz()) + timedelta(days=rng.randrange(3, 20)),
                today - timedelta(days=1),
            )
            deposit = (
                self.env["leasing.deposit"]
                .with_user(frontdesk)
                .create(
                    {
                        "lead_id": lead.id,
                        "amount": rng.choice((5000, 10000, 20000, 30000)),
                        "receipt_number": f"DJ{deposit_day:%Y%m%d}{number:02d}",
                    }
                )
            )
            moment = office_clock.at_local(deposit_day, 11, 0, self._tz())
            deposit._write_guarded({"received_at": moment, "deposit_date": deposit_day})
            Plan = self.env["leasing.signing.plan"]
            self._date_obligations(deposit, Plan._end_of_day(deposit_day))
            self._sign(rng, people, lead, deposit, free.pop(), number, today)
        return deals

    def _negotiate(self, leads, deals):
        """Agents drag some recent repeat visitors without a deposit to negotiation (洽談)
        on their pipeline: one in four."""
        negotiation = self.env.ref("leasing_office.crm_stage_leasing_negotiation")
        dealt = set(deals)
        talking = [
            lead
            for lead in leads[-120:]
            if lead.visit_count >= 2 and lead.attributed_user_id and lead not in dealt
        ]
        for lead in talking[::4]:
            lead.with_user(lead.attributed_user_id).write({"stage_id": negotiation.id})

    def _sign(self, rng, people, lead, deposit, unit, number, today):
        agent = lead.attributed_user_id
        planned = deposit.deposit_date + timedelta(days=rng.randrange(5, 25))
        plan = (
            self.env["leasing.signing.plan"]
            .with_user(agent)
            .create(
                {
                    "lead_id": lead.id,
                    "user_id": agent.id,
                    "deposit_amount": deposit.amount,
                    "deposit_date": deposit.deposit_date,
                    "receipt_number": deposit.receipt_number,
                    "unit_ids": [fields.Command.set(unit.ids)],
                    "planned_signing_date": planned,
                }
            )
        )
        plan.action_submit()
        late = rng.random() < 0.15
        stamp = plan.deadline + (timedelta(hours=3) if late else -timedelta(hours=4))
        plan._write_guarded({"submitted_at": stamp})
        if planned >= today:
            return  # signing still ahead: the unit stays reserved
        number_text = f"HT{planned:%Y}{number:04d}"
        claim = (
            self.env["leasing.contract.claim"]
            .with_user(agent)
            .create(
                {
                    "contract_number": number_text,
                    "lead_id": lead.id,
                    "unit_id": unit.id,
                    "pickup_at": office_clock.at_local(planned, 10, 0, self._tz()),
                }
            )
        )
        claim.action_submit()
        claim.with_user(people["frontdesk"]).action_issue()
        issued = office_clock.at_local(planned, 10, 30, self._tz())
        claim._write_guarded({"submitted_at": issued - timedelta(hours=20), "issued_at": issued})
        self.env["leasing.contract"].with_user(people["frontdesk"]).create(
            {
                "contract_number": number_text,
                "lead_id": lead.id,
                "unit_id": unit.id,
                "claim_id": claim.id,
                "signed_date": planned,
            }
        )

    def _make_targets(self, people, start, today):
        """Approved monthly targets from the quarter's first month to the current one."""
        manager, agents = people["manager"], people["agents"]
        Plan = self.env["leasing.target.plan"].with_user(manager)
        month = start.replace(day=1)
        while month <= today:
            per_agent = 2 if month.month % 2 else 1
            plan = Plan.create(
                {
                    "company_id": self.env.company.id,
                    "period_type": "month",
                    "date_from": month,
                    "target_contracts": per_agent * len(agents),
                    "target_area": 150.0 * per_agent * len(agents),
                    "target_rent": 25000.0 * per_agent * len(agents),
                    "line_ids": [
                        fields.Command.create(
                            {
                                "user_id": agent.id,
                                "target_contracts": per_agent,
                                "target_area": 150.0 * per_agent,
                                "target_rent": 25000.0 * per_agent,
                            }
                        )
                        for agent in agents
                    ],
                }
            )
            plan.action_request_approval()
            plan.with_user(people["leader"]).action_approve()
            month += relativedelta(months=1)

    def _assess_tiers(self, rng, people, leads):
        """The manager assigns tiers to a few dozen merchants; leadership confirms most."""
        sample = rng.sample(leads, min(people["tiers"], len(leads)))
        for lead in sample:
            lead.with_user(people["manager"]).write(
                {
                    "store_count": rng.randrange(1, 12),
                    "store_size": float(rng.randrange(60, 900, 20)),
                    "dealer_level": rng.choice(("provincial", "city", "local", False)),
                }
            )
        records = self.env["crm.lead"].union(*sample).with_user(people["manager"])
        records.action_assign_tier()
        confirm = records[: len(records) * 2 // 3]
        confirm.with_user(people["leader"]).action_confirm_tier()

    def _pay_commissions(self, people, today):
        """Statements of the last two full months: the older approved, the latest waiting."""
        Statement = self.env["leasing.commission.statement"].with_user(people["manager"])
        this_month = today.replace(day=1)
        for back in (2, 1):
            month = this_month - relativedelta(months=back)
            statements = Statement._generate(month)
            statements.action_review()
            if back == 2:
                statements.with_user(people["leader"]).action_approve()

    def _tz(self):
        return office_clock.company_tz(self.env.company)
