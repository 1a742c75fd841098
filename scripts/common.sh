#!/usr/bin/env bash
# Shared set-up for scripts/serve and scripts/test: checks the Odoo tree, builds the
# virtualenv, makes sure PostgreSQL listens and the database role exists, writes odoo.conf.
set -euo pipefail

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_SRC=${ODOO_SRC:-/opt/odoo19}
export PGHOST=${PGHOST:-localhost} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-odoo} PGPASSWORD=${PGPASSWORD:-odoo}
VENV="$REPO_DIR/.venv"
PY="$VENV/bin/python"
RUN_DIR="$REPO_DIR/.run"
ODOO_CONF="$RUN_DIR/odoo.conf"
ADDONS="leasing_office,leasing_office_reports"

die() { echo "error: $*" >&2; exit 2; }
log() { echo "[leasing] $*" >&2; }

check_odoo_src() {
    local release="$ODOO_SRC/odoo/release.py"
    [ -f "$release" ] && [ -x "$ODOO_SRC/odoo-bin" ] \
        || die "ODOO_SRC=$ODOO_SRC does not hold an Odoo source tree (no odoo/release.py or odoo-bin); set ODOO_SRC to an Odoo 19.0 tree."
    grep -qE '^version_info = \(19, 0,' "$release" \
        || die "ODOO_SRC=$ODOO_SRC is not Odoo 19.0 ($(grep -E '^version_info' "$release"))."
}

ensure_os_packages() {
    # Headers that python-ldap needs to build, and Chromium for the browser tours.
    local missing=()
    for pkg in libldap2-dev libsasl2-dev libpq-dev chromium; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return
    log "installing OS packages: ${missing[*]}"
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

ensure_venv() {
    local stamp="$VENV/.requirements.sha"
    local want
    want=$(cat "$ODOO_SRC/requirements.txt" "$REPO_DIR/requirements.txt" | sha1sum | cut -d' ' -f1)
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        return
    fi
    ensure_os_packages
    log "building the virtualenv in $VENV (first run takes a few minutes)"
    [ -x "$PY" ] || python3 -m venv "$VENV"
    "$PY" -m pip install -q --upgrade pip wheel "setuptools<81"
    "$PY" -m pip install -q --disable-pip-version-check -r "$ODOO_SRC/requirements.txt" -r "$REPO_DIR/requirements.txt"
    echo "$want" > "$stamp"
}

pg_listening() { pg_isready -q -h "$PGHOST" -p "$PGPORT" >/dev/null 2>&1; }

ensure_postgres() {
    if ! pg_listening; then
        case "$PGHOST" in
            localhost|127.0.0.1|/*) ;;
            *) die "PostgreSQL does not answer on $PGHOST:$PGPORT." ;;
        esac
        log "starting the local PostgreSQL cluster"
        local cluster
        cluster=$(pg_lsclusters -h 2>/dev/null | awk -v p="$PGPORT" '$3 == p {print $1" "$2; exit}')
        [ -n "$cluster" ] || die "no local PostgreSQL cluster listens on port $PGPORT and none is configured for it."
        # shellcheck disable=SC2086
        pg_ctlcluster $cluster start
        for _ in $(seq 30); do pg_listening && break; sleep 1; done
        pg_listening || die "PostgreSQL did not start on $PGHOST:$PGPORT."
    fi
    if ! psql -d postgres -Atc 'select 1' >/dev/null 2>&1; then
        log "creating the PostgreSQL role $PGUSER"
        local sql="CREATE ROLE \"$PGUSER\" LOGIN CREATEDB PASSWORD '$PGPASSWORD'"
        if [ "$(id -u)" = 0 ]; then
            su postgres -c "env -u PGHOST -u PGUSER -u PGPASSWORD psql -p $PGPORT -qc \"$sql\"" \
                || die "could not create the role $PGUSER; create it with CREATEDB and password \$PGPASSWORD."
        else
            sudo -u postgres env -u PGHOST -u PGUSER -u PGPASSWORD psql -p "$PGPORT" -qc "$sql" \
                || die "could not create the role $PGUSER; create it with CREATEDB and password \$PGPASSWORD."
        fi
    fi
}

write_conf() {
    mkdir -p "$RUN_DIR"
    cat > "$ODOO_CONF" <<CONF
[options]
addons_path = $ODOO_SRC/addons,$ODOO_SRC/odoo/addons,$REPO_DIR
db_host = $PGHOST
db_port = $PGPORT
db_user = $PGUSER
db_password = $PGPASSWORD
data_dir = $RUN_DIR/data
http_interface = 127.0.0.1
CONF
}

prepare() {
    check_odoo_src
    ensure_venv
    ensure_postgres
    write_conf
}

odoo_bin() { (cd "$ODOO_SRC" && "$PY" odoo-bin -c "$ODOO_CONF" "$@"); }

# Drop a database and its filestore; quiet when it does not exist.
drop_db() {
    (cd "$ODOO_SRC" && "$PY" odoo-bin db -c "$ODOO_CONF" drop "$1") >/dev/null 2>&1 || true
    ! psql -d postgres -Atc "select 1 from pg_database where datname = '$1'" | grep -q 1 \
        || die "could not drop the database $1 (is a server still connected to it?)"
}
