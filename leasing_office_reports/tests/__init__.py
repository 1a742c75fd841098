from . import test_leasing_visit_report
from . import test_leasing_reports
from . import test_turn_report_across_days
from . import test_call_report
