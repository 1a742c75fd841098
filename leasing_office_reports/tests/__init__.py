from . import test_leasing_visit_report
