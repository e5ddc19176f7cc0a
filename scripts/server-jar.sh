# Sourced by bin/slotbridge and bin/slotbridge-aot-cache: the server jar, its ahead-of-time cache and the JVM options,
# the same for both (a cache written with other options or another jar is not used).
jar="${SLOTBRIDGE_JAR:-$home/server/target/slotbridge-server.jar}"
# The ahead-of-time cache (JDK 25 or newer): SLOTBRIDGE_AOT_CACHE names it (default: next to the jar; in a container,
# a persistent path, or build it into the image with bin/slotbridge-aot-cache); "off" turns it off.
aot_cache="${SLOTBRIDGE_AOT_CACHE:-${jar%.jar}.aot}"
# the default: a 256 MB heap with the serial collector (what the benchmarks measure: about 250 MB resident under load).
# Whatever JAVA_OPTS says, an OutOfMemoryError ends the process (exit status 3) for its supervisor to restart: a JVM
# that carries on after one answers 500s and hangs while its health stays UP. JAVA_OPTS comes after, so an explicit
# -XX:-ExitOnOutOfMemoryError there still wins.
java_opts="-XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}"
if [ ! -f "$jar" ]; then
  echo "$(basename "$0"): no server jar at $jar: build it with ./mvnw -B -DskipTests package (or set SLOTBRIDGE_JAR)" >&2
  exit 1
fi
# What a cache is valid for, kept beside it in <cache>.stamp: this jar (size and time), this JDK and these options. A
# cache whose stamp differs is made again, rather than ignored by the JVM start after start.
aot_stamp="$(stat -c '%s %Y' "$jar") $(sed -n 's/^JAVA_RUNTIME_VERSION=//p' "$JAVA_HOME/release" 2>/dev/null) $java_opts"
aot_valid() {
  [ -s "$aot_cache" ] && [ "$(cat "$aot_cache.stamp" 2>/dev/null)" = "$aot_stamp" ]
}
