package dev.slotbridge.engine.plugin;

import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.spi.SpiVersion;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** Builds real plugin jars in tests: compiles sources against {@code core-api} only, then packages them. */
final class PluginJars {
    private PluginJars() {
    }

    /** A provider named {@code name} whose one slot's label tells what the plugin's class loader sees. */
    static Map<String, String> probeProvider(String name) {
        return Map.of(
                "example/probe/ProbeFactory.java", """
                        package example.probe;
                        import dev.slotbridge.spi.*;
                        import java.util.List;
                        public final class ProbeFactory implements ProviderFactory {
                            public String name() { return "%s"; }
                            public List<SettingDescriptor> settings() { return List.of(); }
                            public SchedulerProvider create(ProviderContext context) { return new ProbeProvider(context.zone()); }
                        }
                        """.formatted(name),
                "example/probe/ProbeProvider.java", """
                        package example.probe;
                        import dev.slotbridge.spi.*;
                        import dev.slotbridge.spi.model.*;
                        import java.time.ZoneId;
                        import java.util.*;
                        final class ProbeProvider implements SchedulerProvider {
                            private final ZoneId zone;
                            ProbeProvider(ZoneId zone) { this.zone = zone; }
                            public Set<Capability> capabilities() { return EnumSet.of(Capability.SEARCH); }
                            public List<Slot> search(SlotQuery query) {
                                String label = new org.yaml.snakeyaml.Yaml().toString() + "|" + sees("io.micronaut.context.ApplicationContext");
                                var start = query.from().atTime(9, 0).atZone(zone).toOffsetDateTime();
                                return List.of(new Slot(start, start.plusHours(1), label, false, SlotKey.of("day", query.from().toString())));
                            }
                            private static String sees(String name) {
                                try { Class.forName(name); return "micronaut-visible"; }
                                catch (ClassNotFoundException e) { return "micronaut-hidden"; }
                            }
                        }
                        """);
    }

    /** A library class with the same name as one the server has (SnakeYAML), in another "version". */
    static Map<String, String> conflictingLibrary() {
        return Map.of("org/yaml/snakeyaml/Yaml.java", """
                package org.yaml.snakeyaml;
                public class Yaml { public String toString() { return "plugin-yaml-0.1"; } }
                """);
    }

    /** Compiles the sources (they may use each other) and writes a jar; {@code spiVersion} null leaves it out. */
    static Path jar(Path target, String spiVersion, boolean withServiceFile, List<Map<String, String>> sourceSets) {
        Path classes = compile(sourceSets);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (spiVersion != null) {
            manifest.getMainAttributes().putValue(SpiVersion.MANIFEST_ATTRIBUTE, spiVersion);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
            }
            if (withServiceFile) {
                out.putNextEntry(new JarEntry("META-INF/services/" + ProviderFactory.class.getName()));
                out.write("example.probe.ProbeFactory\n".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    static Path jar(Path target, List<Map<String, String>> sourceSets) {
        return jar(target, Integer.toString(SpiVersion.CURRENT), true, sourceSets);
    }

    private static Path compile(List<Map<String, String>> sourceSets) {
        try {
            Path classes = Files.createTempDirectory("plugin-classes");
            List<JavaFileObject> units = new ArrayList<>();
            sourceSets.forEach(set -> set.forEach((path, code) -> units.add(new Source(path, code))));
            String spi = Path.of(ProviderFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            boolean ok = compiler.getTask(null, null, null,
                    List.of("--release", "21", "-classpath", spi, "-d", classes.toString()), null, units).call();
            if (!ok) {
                throw new IllegalStateException("test plugin did not compile");
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String path, String code) {
            super(URI.create("string:///" + path), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }

        @Override
        public OutputStream openOutputStream() {
            throw new UnsupportedOperationException();
        }
    }
}
