package dev.slotbridge.server.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's packages, read from their imports: no cycle among them, and the request path only points down
 * ({@code api → booking → council → resilience → provider}), so the layout keeps showing the architecture.
 */
final class PackageLayeringTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/slotbridge/server");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?dev\\.slotbridge\\.server\\.(\\w+)\\.");

    @Test
    void packagesFormNoCycle() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            findCycle(start, start, uses, new ArrayList<>(List.of(start)), cycles);
        }
        assertThat(cycles).as("package cycles").isEmpty();
    }

    @Test
    void theRequestPathOnlyPointsDown() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        List<String> layers = List.of("api", "booking", "council", "resilience");
        for (int i = 1; i < layers.size(); i++) {
            assertThat(uses.getOrDefault(layers.get(i), Set.of())).as("%s imports", layers.get(i))
                    .doesNotContainAnyElementsOf(layers.subList(0, i));
        }
        assertThat(uses.getOrDefault("booking", Set.of())).as("booking is front-door neutral").doesNotContain("api");
    }

    private static void findCycle(String start, String at, Map<String, Set<String>> uses, List<String> path,
                                  List<String> cycles) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                cycles.add(String.join(" → ", path) + " → " + start);
            } else if (!path.contains(next) && next.compareTo(start) > 0) {
                path.add(next);
                findCycle(start, next, uses, path, cycles);
                path.removeLast();
            }
        }
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String from = SOURCES.relativize(file).getName(0).toString();
                if (from.endsWith(".java")) {
                    continue;
                }
                Matcher imports = IMPORT.matcher(Files.readString(file));
                while (imports.find()) {
                    if (!imports.group(1).equals(from)) {
                        uses.computeIfAbsent(from, k -> new TreeSet<>()).add(imports.group(1));
                    }
                }
            }
        }
        assertThat(uses).containsKeys("api", "booking", "council", "resilience");
        return uses;
    }
}
