from . import leasing_attribution_change
from . import leasing_dispute_decide
from . import leasing_walkin_register
from . import leasing_info_send
from . import leasing_inaccurate_mark
from . import leasing_phone_inquiry
