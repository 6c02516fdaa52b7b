#!/usr/bin/env bash
# Makes sure MariaDB (127.0.0.1:3306, root, empty password) and Redis (127.0.0.1:6379) answer,
# installing them from Debian packages and starting them when needed. Fails loudly otherwise.
set -uo pipefail

log() { printf '[services] %s\n' "$*"; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { for _ in $(seq 1 60); do port_open "$1" && return 0; sleep 0.5; done; return 1; }

apt_updated=0
apt_install() {
  command -v apt-get >/dev/null || die "apt-get not found: install $* yourself"
  if [[ $apt_updated == 0 ]]; then apt-get update -qq || die "apt-get update failed"; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || die "could not install $*"
}

mariadb_tcp_ok() { mariadb -h127.0.0.1 -P3306 -uroot -e 'SELECT 1' >/dev/null 2>&1; }

ensure_mariadb() {
  if port_open 3306 && mariadb_tcp_ok; then log "MariaDB is up"; return; fi
  if ! port_open 3306; then
    [[ -x /usr/sbin/mariadbd ]] || { log "installing mariadb-server"; apt_install mariadb-server mariadb-client; }
    log "starting MariaDB"
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql >/dev/null 2>&1 \
      || service mariadb start >/dev/null 2>&1
    wait_port 3306 || die "MariaDB did not start listening on 127.0.0.1:3306"
  fi
  if ! mariadb_tcp_ok; then
    # A fresh Debian install lets root in through the socket only.
    log "allowing root over TCP with an empty password"
    mariadb -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD(''); FLUSH PRIVILEGES;" \
      || die "could not grant root TCP access to MariaDB"
  fi
  mariadb_tcp_ok || die "MariaDB at 127.0.0.1:3306 does not accept root with an empty password"
  log "MariaDB is up"
}

ensure_redis() {
  if port_open 6379; then log "Redis is up"; return; fi
  command -v redis-server >/dev/null || { log "installing redis-server"; apt_install redis-server; }
  log "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no >/dev/null || die "redis-server failed to start"
  wait_port 6379 || die "Redis did not start listening on 127.0.0.1:6379"
  log "Redis is up"
}

ensure_chromium() {
  if [[ -x /usr/bin/chromium ]]; then return; fi
  log "installing Debian chromium for the browser test"
  apt_install chromium
}

# Screenshots of the browser tests are read by people: without a CJK font every character is a box.
ensure_cjk_font() {
  if command -v fc-list >/dev/null && [[ -n $(fc-list :lang=zh 2>/dev/null) ]]; then return; fi
  log "installing a CJK font for readable screenshots"
  ( apt_install fonts-wqy-microhei ) || log "no CJK font installed: screenshots will show boxes (tests are unaffected)"
}

ensure_mariadb
ensure_redis
ensure_chromium
ensure_cjk_font
