from . import crm_lead
from . import leasing_attribution_dispute
from . import leasing_attribution_log
from . import leasing_rotation
from . import leasing_rotation_line
from . import leasing_rotation_turn
from . import leasing_visit
from . import res_config_settings
