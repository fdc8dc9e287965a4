# Builds a module (and what it needs) and prints its test classpath: for bin/run and bin/bench,
# which run main classes from a module's test sources (the embedded broker lives there).
module_classpath() {
  local module="$1"
  ./mvnw -B -q -ntp install -DskipTests -Dspotless.check.skip -pl "$module" -am >&2 || return 1
  local cp_file="$module/target/run.classpath"
  ./mvnw -B -q -ntp dependency:build-classpath -pl "$module" -Dmdep.includeScope=test -Dmdep.outputFile="$(pwd)/$cp_file" >&2 || return 1
  echo "$module/target/test-classes:$module/target/classes:$(cat "$cp_file")"
}
