# shellcheck shell=bash
# Sourced by bin/* scripts: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: $JAVA_HOME if it is 21+, else the Temurin 25 JDK when present, else a clear error.

retail_java_major() {
  # Prints the feature version (e.g. 17, 21, 25) of the java binary given as $1.
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

retail_select_jdk() {
  local fallback=/usr/lib/jvm/temurin-25-jdk-amd64
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    local major
    major="$(retail_java_major "$JAVA_HOME/bin/java")"
    if [ "${major:-0}" -ge 21 ]; then
      return 0
    fi
  fi
  if [ -x "$fallback/bin/java" ]; then
    export JAVA_HOME="$fallback"
    return 0
  fi
  echo "retail-stream needs a JDK 21 or newer (NiFi 2 requires it)." >&2
  echo "JAVA_HOME is '${JAVA_HOME:-unset}' and $fallback does not exist." >&2
  echo "Install a JDK 21+ and point JAVA_HOME at it, then run this again." >&2
  return 1
}

retail_select_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
