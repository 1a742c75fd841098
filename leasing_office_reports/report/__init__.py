from . import leasing_visit_report
