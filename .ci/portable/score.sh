#!/bin/sh
# score launcher: runs the Node.js in node/ on the app in this folder, wherever the
# folder is (Chinese names, spaces, USB sticks) and through a symbolic link to this file.
self=$0
if resolved=$(readlink -f -- "$self" 2>/dev/null) && [ -n "$resolved" ]; then
  self=$resolved
fi
here=$(CDPATH= cd -- "$(dirname -- "$self")" && pwd -P) || exit 70
exec "$here/node/node" "$here/bin/score.js" "$@"
