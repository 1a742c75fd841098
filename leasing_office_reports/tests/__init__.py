from . import test_leasing_visit_report
from . import test_leasing_reports
from . import test_leasing_target_report
from . import test_leasing_dashboard
from . import test_leasing_dashboard_tour
from . import test_office_days
from . import test_visit_counts
from . import test_landing_pages
