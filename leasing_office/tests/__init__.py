from . import test_access_rights
from . import test_crm_lead_attribution
from . import test_leasing_rotation
from . import test_leasing_visit
from . import test_rotation_order
from . import test_walkin_bad_input
from . import test_walkin_concurrency
from . import test_walkin_performance
