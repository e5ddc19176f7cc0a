# Sourced by bin/slotbridge and bin/slotbridge-aot-cache: the server jar, its ahead-of-time cache and the JVM options,
# the same for both (a cache written with other options or another jar is not used).
jar="${SLOTBRIDGE_JAR:-$home/server/target/slotbridge-server.jar}"
aot_cache="${jar%.jar}.aot"
# the default: a 256 MB heap with the serial collector (what the benchmarks measure: about 250 MB resident under load).
# Whatever JAVA_OPTS says, an OutOfMemoryError ends the process (exit status 3) for its supervisor to restart: a JVM
# that carries on after one answers 500s and hangs while its health stays UP. JAVA_OPTS comes after, so an explicit
# -XX:-ExitOnOutOfMemoryError there still wins.
java_opts="-XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}"
if [ ! -f "$jar" ]; then
  echo "$(basename "$0"): no server jar at $jar: build it with ./mvnw -B -DskipTests package (or set SLOTBRIDGE_JAR)" >&2
  exit 1
fi
