# Shared by the scripts in scripts/: what Nemo Studio needs, installing it, building it.
# shellcheck shell=bash

NEMO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export NEMO_ROOT

# Debian/Ubuntu packages, by purpose.
NEMO_DEB_BUILD=(cmake ninja-build g++ qt6-base-dev qt6-base-dev-tools qt6-multimedia-dev qtkeychain-qt6-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev qt6-svg-dev libsimdjson-dev
    libmlt++-dev pkgconf)
NEMO_DEB_RUN=(qt6-image-formats-plugins qt6-qpa-plugins gstreamer1.0-plugins-base gstreamer1.0-plugins-good
    gstreamer1.0-plugins-bad gstreamer1.0-libav fonts-dejavu-core ffmpeg melt frei0r-plugins libqt6sql6-sqlite
    qt6-translations-l10n fonts-noto-cjk)
NEMO_DEB_TEST=(clang libclang-rt-14-dev clang-format xvfb xauth dbus-x11 gnome-keyring curl lintian appstream
    desktop-file-utils dpkg-dev file procps openssl xdotool openbox python3 gcovr shotcut python3-pyatspi
    at-spi2-core)
NEMO_BREW=(cmake ninja qt qtkeychain ffmpeg mlt)

nemo_say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
nemo_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# nemo_install_deps build|run|test ... — installs what is missing for the given purposes.
nemo_install_deps() {
    local wanted=() purpose
    for purpose in "$@"; do
        case "$purpose" in
            build) wanted+=("${NEMO_DEB_BUILD[@]}") ;;
            run) wanted+=("${NEMO_DEB_RUN[@]}") ;;
            test) wanted+=("${NEMO_DEB_TEST[@]}") ;;
            extra) wanted+=("${NEMO_DEB_EXTRA[@]}") ;; # what a caller names in NEMO_DEB_EXTRA
        esac
    done
    if [[ "$(uname -s)" == Darwin ]]; then
        command -v brew >/dev/null || nemo_die "Homebrew is needed: https://brew.sh, then run this again."
        local missing=() formula
        for formula in "${NEMO_BREW[@]}"; do
            brew list --formula "$formula" >/dev/null 2>&1 || missing+=("$formula")
        done
        if ((${#missing[@]})); then
            nemo_say "Installing with Homebrew: ${missing[*]}"
            brew install "${missing[@]}"
        fi
        export CMAKE_PREFIX_PATH="$(brew --prefix qt):$(brew --prefix qtkeychain)${CMAKE_PREFIX_PATH:+:$CMAKE_PREFIX_PATH}"
        return
    fi
    if ! command -v apt-get >/dev/null || ! command -v dpkg-query >/dev/null; then
        cat >&2 <<MSG
This script installs dependencies with apt (Debian/Ubuntu) or Homebrew (macOS).
On this system, install the equivalents of these Debian packages yourself, then run it again:
  ${wanted[*]}
(In short: CMake >= 3.25, Ninja, a C++20 compiler, Qt >= 6.4 with Multimedia, Svg and Linguist tools,
QtKeychain for Qt 6, GStreamer good/bad/libav plugins, ffmpeg, MLT's melt; for the tests also clang, Xvfb,
gnome-keyring and openssl.)
MSG
        exit 1
    fi
    local missing=() package
    for package in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    ((${#missing[@]})) || return 0
    local sudo=()
    if [[ $EUID -ne 0 ]]; then
        command -v sudo >/dev/null || nemo_die "Installing ${missing[*]} needs root: run as root, or install sudo."
        sudo=(sudo)
    fi
    local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300)
    # An earlier install that was cut off leaves dpkg half-done, and apt then refuses everything.
    if [[ -n "$(dpkg --audit 2>/dev/null)" ]]; then
        nemo_say "Finishing an interrupted package install first"
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive dpkg --configure -a >/dev/null
    fi
    nemo_say "Installing: ${missing[*]}"
    "${apt[@]}" update -qq
    "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# nemo_build <preset> [targets...] — configures (once) and builds with a CMake preset.
nemo_build() {
    local preset="$1"
    shift
    cd "$NEMO_ROOT"
    if [[ ! -f "build/$preset/CMakeCache.txt" ]]; then
        nemo_say "Configuring ($preset)"
        cmake --preset "$preset" >/dev/null
    fi
    nemo_say "Building ($preset)"
    if (($#)); then
        cmake --build --preset "$preset" --target "$@"
    else
        cmake --build --preset "$preset"
    fi
}

# Path of a built program in a preset's build tree (handles the macOS bundle).
nemo_app_path() {
    local preset="$1"
    local bundle="$NEMO_ROOT/build/$preset/src/app/Nemo Studio.app/Contents/MacOS/Nemo Studio"
    if [[ -x "$bundle" ]]; then
        echo "$bundle"
    else
        echo "$NEMO_ROOT/build/$preset/src/app/nemo-studio"
    fi
}

# nemo_start_local_server <preset> <port> <media dir> — starts the local server; sets NEMO_FAKE_SERVER_URL and NEMO_FAKE_SERVER_PID.
nemo_start_local_server() {
    local preset="$1" port="$2" media="$3" output
    output="$(mktemp)"
    "$NEMO_ROOT/build/$preset/tests/fakeserver/nemo-fake-server" --port "$port" --media-dir "$media" >"$output" 2>&1 &
    NEMO_FAKE_SERVER_PID=$!
    local tries=0
    until grep -q '^NEMO_FAKE_SERVER_URL=' "$output" 2>/dev/null; do
        if ! kill -0 "$NEMO_FAKE_SERVER_PID" 2>/dev/null; then
            cat "$output" >&2
            rm -f "$output"
            return 1
        fi
        ((++tries > 100)) && { rm -f "$output"; return 1; }
        sleep 0.05
    done
    NEMO_FAKE_SERVER_URL="$(sed -n 's/^NEMO_FAKE_SERVER_URL=//p' "$output" | head -n1)"
    rm -f "$output"
    export NEMO_FAKE_SERVER_URL NEMO_FAKE_SERVER_PID
}
