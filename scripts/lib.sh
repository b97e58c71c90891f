# Shared helpers for Kiln's scripts: install what is missing, build the site.
# Sourced, not run. Everything here is idempotent and quiet when there is nothing to do.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Need root to run: $*" >&2; return 1; fi
}

APT_UPDATED=""
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "Installing ${missing[*]} (apt)"
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_rust() {
  command -v cargo >/dev/null || { echo "Rust is needed: install it from https://rustup.rs" >&2; exit 1; }
  if ! rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown; then
    log "Adding the wasm32 target"
    rustup target add wasm32-unknown-unknown >/dev/null
  fi
}

# leptosfmt formats view! macros (rustfmt leaves them alone). Pinned: formatting must not
# change under a new release.
LEPTOSFMT_VERSION=0.1.33
ensure_leptosfmt() {
  if ! command -v leptosfmt >/dev/null || [ "$(leptosfmt --version | awk '{print $2}')" != "$LEPTOSFMT_VERSION" ]; then
    log "Installing leptosfmt $LEPTOSFMT_VERSION (a few minutes, once)"
    cargo install leptosfmt --version "$LEPTOSFMT_VERSION" --locked --quiet
  fi
}

# wasm-bindgen must be exactly the version in Cargo.lock, or hydration breaks.
ensure_wasm_bindgen() {
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
  if ! command -v wasm-bindgen >/dev/null || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$want" ]; then
    log "Installing wasm-bindgen-cli $want (a few minutes, once)"
    cargo install wasm-bindgen-cli --version "$want" --quiet
  fi
}

# wasm-opt from crates.io at the version that keeps hydration working. Never Debian's
# binaryen: its older wasm-opt breaks hydration.
WASM_OPT_VERSION=0.116.1
ensure_wasm_opt() {
  if ! command -v wasm-opt >/dev/null || ! wasm-opt --version | grep -q "version 116"; then
    log "Installing wasm-opt $WASM_OPT_VERSION (about 13 minutes, once)"
    cargo install wasm-opt --version "$WASM_OPT_VERSION" --locked --quiet
  fi
}

# Builds the server and the browser bundle into target/site/pkg.
# $1: "debug" or "release".
build_site() {
  local profile="${1:-debug}" cargo_profile=()
  [ "$profile" = release ] && cargo_profile=(--release)
  ensure_rust
  log "Building the server ($profile)"
  cargo build --quiet -p server --bin kiln "${cargo_profile[@]}"
  build_bundle "$profile"
}

# The browser's part of the site alone: the wasm, its JS, the styles, fonts and scripts.
build_bundle() {
  local profile="${1:-debug}" wasm_profile=() wasm_dir=debug bindgen=()
  if [ "$profile" = release ]; then
    wasm_profile=(--profile wasm-release); wasm_dir=wasm-release
    # The function names are debugging aids: most of an unstripped release wasm.
    bindgen=(--remove-name-section --remove-producers-section)
  fi
  ensure_rust
  ensure_wasm_bindgen
  [ "$profile" = release ] && ensure_wasm_opt
  log "Building the browser bundle ($profile)"
  cargo build --quiet -p app --lib --target wasm32-unknown-unknown --no-default-features \
    --features hydrate "${wasm_profile[@]}"
  rm -rf target/site/pkg
  mkdir -p target/site/pkg
  wasm-bindgen --target web --no-typescript --out-dir target/site/pkg --out-name kiln \
    "${bindgen[@]}" "target/wasm32-unknown-unknown/$wasm_dir/app.wasm"
  if [ "$profile" = release ]; then
    wasm-opt -Oz target/site/pkg/kiln_bg.wasm -o target/site/pkg/kiln_bg.wasm
  fi
  cp style/kiln.css target/site/pkg/kiln.css
  cp style/fonts/*.woff2 target/site/pkg/
  cp app/assets/enhance.js target/site/pkg/enhance.js
  cp app/assets/offline.js target/site/pkg/offline.js
  fingerprint_site target/site "$profile"
}

# Names each of the site's files by a hash of its content (the server reads the hashes from
# hash.txt; the wasm and its JS share one, which becomes leptos's output name) and stores each compressed beside
# itself, brotli and gzip, so the server sends them as stored with a year's cache lifetime.
fingerprint_site() {
  command -v brotli >/dev/null || apt_install brotli
  python3 - "$1" "$2" <<'PY'
import gzip, hashlib, pathlib, subprocess, sys
site, profile = pathlib.Path(sys.argv[1]), sys.argv[2]
pkg = site / "pkg"
def store(source, target, compress=True):
    """Renames a built file to its hashed name and stores its compressed copies beside it."""
    data = source.read_bytes()
    source.rename(target)
    if not compress:  # a font is compressed already
        return
    target.with_name(target.name + ".gz").write_bytes(gzip.compress(data, 9, mtime=0))
    subprocess.run(["brotli", "-f", "-k", "-q", quality, str(target)], check=True)

def digest(*parts):
    h = hashlib.sha256()
    for p in parts:
        h.update(p.read_bytes())
    return h.hexdigest()[:16]

# Brotli's best is slow on the debug wasm (about 50 MB); debug sites are only for tests.
quality = "11" if profile == "release" else "5"
# The wasm and its JavaScript share one hash, in leptos's output name: kiln.HASH.js and
# kiln.HASH_bg.wasm.
js, wasm = pkg / "kiln.js", pkg / "kiln_bg.wasm"
app = digest(js, wasm)
store(js, pkg / f"kiln.{app}.js")
store(wasm, pkg / f"kiln.{app}_bg.wasm")
lines = [f"app: {app}"]
# Fonts first: the stylesheet names them, so its hash covers theirs.
css = pkg / "kiln.css"
for font in sorted(pkg.glob("*.woff2")):
    h = digest(font)
    hashed = f"{font.stem}.{h}.woff2"
    store(font, pkg / hashed, compress=False)
    css.write_text(css.read_text().replace(f'url("{font.name}")', f'url("{hashed}")'))
for key, (name, stem, ext) in {"css": ("kiln.css", "kiln", "css"), "enhance": ("enhance.js", "enhance", "js"), "offline": ("offline.js", "offline", "js")}.items():
    h = digest(pkg / name)
    store(pkg / name, pkg / f"{stem}.{h}.{ext}")
    lines.append(f"{key}: {h}")
(site / "hash.txt").write_text("\n".join(lines) + "\n")
PY
}

# The code an authenticator app shows now for a base32 key (RFC 6238), for scripts that
# sign in as an administrator.
totp_code() {
  python3 - "$1" <<'PY'
import base64, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1] + "=" * (-len(sys.argv[1]) % 8))
mac = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), "sha1").digest()
o = mac[-1] & 15
print("%06d" % ((struct.unpack(">I", mac[o:o + 4])[0] & 0x7FFFFFFF) % 1000000))
PY
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Starts a throwaway PostgreSQL server on a free loopback port and exports
# KILN_TEST_POSTGRES_URL. Stopped by stop_postgres (the caller's trap).
PG_DIR=""
start_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$bin" ] || [ ! -x "$bin/postgres" ]; then
    apt_install postgresql
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  PG_DIR=$(mktemp -d /tmp/kiln-pg.XXXXXX)
  local port run=()
  port=$(free_port)
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PG_DIR"; run=(runuser -u postgres --); fi
  log "Starting PostgreSQL on 127.0.0.1:$port"
  "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -U kiln --auth=trust -E UTF8 >/dev/null
  # fsync off: a test server's data is thrown away, so durability costs time for nothing.
  "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c max_connections=300" start >/dev/null
  export KILN_TEST_POSTGRES_URL="postgres://kiln@127.0.0.1:$port"
  PG_BIN="$bin"
}

# A real SMTP server for the tests (Debian's python3-aiosmtpd): it takes every message and
# writes it to a Maildir the tests read back. Sets KILN_TEST_SMTP_URL and KILN_TEST_MAILDIR.
SMTP_PID=""
start_smtp() {
  # Debian's own Python, where the package goes (python3 on PATH may be another).
  /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || apt_install python3-aiosmtpd
  local port
  port=$(free_port)
  export KILN_TEST_MAILDIR
  KILN_TEST_MAILDIR=$(mktemp -d /tmp/kiln-mail.XXXXXX)
  log "Starting an SMTP server on 127.0.0.1:$port"
  /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$KILN_TEST_MAILDIR/box" &
  SMTP_PID=$!
  export KILN_TEST_SMTP_URL="smtp://127.0.0.1:$port"
  KILN_TEST_MAILDIR="$KILN_TEST_MAILDIR/box"
  for _ in $(seq 1 100); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "The SMTP server did not start" >&2
  return 1
}

stop_smtp() {
  [ -n "$SMTP_PID" ] && kill "$SMTP_PID" 2>/dev/null && wait "$SMTP_PID" 2>/dev/null || true
  SMTP_PID=""
}

stop_postgres() {
  [ -n "$PG_DIR" ] || return 0
  local run=()
  [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
  "${run[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}

ensure_browser() {
  command -v chromium >/dev/null || apt_install chromium
  command -v node >/dev/null || apt_install nodejs npm
  if [ ! -d end2end/node_modules/@playwright/test ]; then
    log "Installing Playwright and axe (npm)"
    (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
  fi
}

# The survey's rate limits, raised for tests and benchmarks, where one loopback address
# stands for every resident. Put before start_server: `unlimited_surveys start_server ...`.
unlimited_surveys() {
  KILN_LIMIT_STARTS_PER_MINUTE=1000000 KILN_LIMIT_POSTS_PER_MINUTE=1000000 \
    KILN_LIMIT_RESUMES_PER_MINUTE=1000000 KILN_LIMIT_NEW_DRAFTS_PER_MINUTE=1000000 "$@"
}

# Starts the built server on a free port over its own fresh database; sets SERVER_PID and
# SERVER_URL. $1: database URL; $2: debug (the default) or release, or a server binary's path.
SERVER_PID=""
start_server() {
  local port bin="${2:-debug}"
  [[ "$bin" == */* ]] || bin="$ROOT/target/$bin/kiln"
  port=$(free_port)
  KILN_ADDR="127.0.0.1:$port" DATABASE_URL="$1" KILN_SITE_ROOT="$ROOT/target/site" RUST_LOG=warn \
    "$bin" serve --seed-demo &
  SERVER_PID=$!
  SERVER_URL="http://127.0.0.1:$port"
  for _ in $(seq 1 100); do
    curl -fsS "$SERVER_URL/healthz" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "The server did not start" >&2
  return 1
}

stop_server() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# Two Kiln processes on one PostgreSQL database behind nginx, which hands each request to the
# next process in turn, as a council running several instances would. $1: the database URL,
# $2: debug or release, $3: how many processes (2 unless said; the benchmark compares 1 and 2
# behind the same proxy). Sets PAIR_URL (the proxy's address); stopped by stop_pair.
PAIR_PIDS=()
PAIR_DIR=""
start_pair() {
  local db="$1" profile="${2:-debug}" count="${3:-2}" proxy port upstreams="" i
  PAIR_DIR=$(mktemp -d /tmp/kiln-pair.XXXXXX)
  # nginx's workers (nobody, when started as root) buffer a large response, such as the
  # debug wasm, in temporary files under here: they must be able to reach them. Without
  # this the wasm was cut short whenever the browser read it slower than Kiln sent it
  # ("Permission denied" in nginx's log, ERR_CONTENT_LENGTH_MISMATCH in the browser).
  chmod 755 "$PAIR_DIR"
  proxy=$(free_port)
  PAIR_URL="http://127.0.0.1:$proxy"
  for i in $(seq 1 "$count"); do
    port=$(free_port)
    # The first seeds the demo; the second starts on the database the first has made.
    local seed=(); [ "$i" = 1 ] && seed=(--seed-demo)
    KILN_ADDR="127.0.0.1:$port" DATABASE_URL="$db" KILN_SITE_ROOT="$ROOT/target/site" \
      KILN_PUBLIC_URL="$PAIR_URL" KILN_TRUST_PROXY=1 RUST_LOG=warn \
      "$ROOT/target/$profile/kiln" serve "${seed[@]}" &
    PAIR_PIDS+=($!)
    wait_for "http://127.0.0.1:$port/healthz"
    upstreams+="server 127.0.0.1:$port; "
  done
  start_nginx "$PAIR_DIR" 1 "
  log_format upstream '\$upstream_addr';
  access_log $PAIR_DIR/access.log upstream;
  client_max_body_size 20m;
  upstream kiln { $upstreams keepalive 32; }
  server {
    listen 127.0.0.1:$proxy;
    location / {
      proxy_pass http://kiln;
      proxy_http_version 1.1;
      proxy_set_header Connection \"\";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }"
  PAIR_PIDS+=($!)
  wait_for "$PAIR_URL/healthz"
}

# Starts nginx in the background (its pid in $!) with $2 workers, its pid file, log and
# temporary files in the folder $1, and $3 inside its http block.
start_nginx() {
  local dir="$1" workers="$2" http="$3"
  command -v nginx >/dev/null || apt_install nginx
  cat > "$dir/nginx.conf" <<CONF
worker_processes $workers;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
$http
}
CONF
  nginx -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' &
}

# How many requests each instance of the pair answered, one line each ("ADDRESS COUNT").
pair_shares() {
  sort "$PAIR_DIR/access.log" | uniq -c | awk '{print $2, $1}'
}

stop_pair() {
  local pid
  for pid in "${PAIR_PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  PAIR_PIDS=()
  [ -n "$PAIR_DIR" ] && rm -rf "$PAIR_DIR"
  PAIR_DIR=""
}

# Waits up to 20 seconds for an address to answer.
wait_for() {
  for _ in $(seq 1 100); do
    curl -fsS "$1" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "Nothing answered at $1" >&2
  return 1
}
