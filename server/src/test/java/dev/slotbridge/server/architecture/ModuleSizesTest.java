package dev.slotbridge.server.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No module holds more than a third of the project's main Java lines (the benchmarks and the example plugin not
 * counted), so that each concern stays small enough to read whole.
 */
final class ModuleSizesTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    @Test
    void noModuleHoldsMoreThanAThirdOfTheMainLines() throws IOException {
        Map<String, Long> lines = new TreeMap<>();
        Matcher modules = MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (modules.find()) {
            String module = modules.group(1);
            Path sources = ROOT.resolve(module).resolve("src/main/java");
            if (!module.equals("bench") && !module.startsWith("examples/") && Files.isDirectory(sources)) {
                lines.put(module, javaLines(sources));
            }
        }
        long total = lines.values().stream().mapToLong(Long::longValue).sum();
        assertThat(lines).containsKeys("engine", "http", "door-v1", "door-hro", "store-redis", "server");
        assertThat(lines).allSatisfy((module, count) -> assertThat(count * 3)
                .as("%s holds %d of %d main Java lines", module, count, total).isLessThanOrEqualTo(total));
    }

    private static long javaLines(Path sources) throws IOException {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java")).mapToLong(file -> {
                try (Stream<String> fileLines = Files.lines(file)) {
                    return fileLines.count();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }
}
