from . import test_leasing_visit_report
from . import test_leasing_reports
