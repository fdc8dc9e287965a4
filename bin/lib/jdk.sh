# shellcheck shell=bash
# Sourced by bin/* scripts: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: $JAVA_HOME if it is 21+, else the first JDK 21+ among $RETAIL_JDK_SEARCH (folders, default:
# the Temurin 25 JDK, then every JDK under /usr/lib/jvm), else a clear error naming what was found.

retail_java_major() {
  # Prints the feature version (e.g. 17, 21, 25) of the java binary given as $1.
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

retail_is_jdk21() {
  local major
  [ -x "$1/bin/java" ] || return 1
  major="$(retail_java_major "$1/bin/java")"
  [ "${major:-0}" -ge 21 ]
}

retail_select_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && retail_is_jdk21 "$JAVA_HOME"; then
    return 0
  fi
  local search="${RETAIL_JDK_SEARCH:-/usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*}" candidate
  for candidate in $search; do
    if retail_is_jdk21 "$candidate"; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  local found="unset"
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    found="$JAVA_HOME (Java $(retail_java_major "$JAVA_HOME/bin/java"))"
  elif [ -n "${JAVA_HOME:-}" ]; then
    found="$JAVA_HOME (no bin/java there)"
  fi
  echo "retail-stream needs a JDK 21 or newer (NiFi 2 requires it)." >&2
  echo "JAVA_HOME is $found, and none of these is a JDK 21+: $search" >&2
  echo "Install a JDK 21+ and point JAVA_HOME at it (or RETAIL_JDK_SEARCH at its folder), then run this again." >&2
  return 1
}

retail_select_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
