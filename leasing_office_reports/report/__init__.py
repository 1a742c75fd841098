from . import leasing_call_report
from . import leasing_compliance_report
from . import leasing_funnel_report
from . import leasing_report_figures
from . import leasing_target_report
from . import leasing_turn_report
from . import leasing_visit
from . import leasing_visit_report
