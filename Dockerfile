# The official Odoo 19 image plus the Python packages this project needs.
FROM odoo:19
USER root
COPY requirements.txt /tmp/leasing-requirements.txt
RUN pip3 install --no-cache-dir --break-system-packages -r /tmp/leasing-requirements.txt
USER odoo
