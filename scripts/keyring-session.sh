#!/usr/bin/env bash
# Runs "$@" inside the current (private) D-Bus session with a fresh, unlocked gnome-keyring.
# Called by with-keyring.mjs through dbus-run-session; never touches the user's own keyring
# because XDG_DATA_HOME and XDG_RUNTIME_DIR point at a private temporary folder.
set -u
printf 'keyturn-test\n' | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
daemon=$!
trap 'kill "$daemon" 2>/dev/null; wait "$daemon" 2>/dev/null' EXIT

# Wait for the daemon to own org.freedesktop.secrets before the first call, or D-Bus
# activation could start a second, locked daemon.
for _ in $(seq 1 200); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
    owned=1; break
  fi
  if ! kill -0 "$daemon" 2>/dev/null; then break; fi
  sleep 0.05
done
if [ "${owned:-0}" != 1 ]; then
  echo "keyring: gnome-keyring-daemon did not register org.freedesktop.secrets" >&2
  exit 3
fi
"$@"
