package dev.slotbridge.config;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.slotbridge.server.testing.OperatorYaml;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docs are tests: every YAML block of {@code README.md} and {@code docs/**}{@code /*.md} is a configuration that
 * the published schema ({@code docs/config-schema.json}) accepts as written, placeholders and all, and that starts:
 * loaded after the jar's {@code application.yml} as a {@code MICRONAUT_CONFIG_FILES} file is, placeholders given
 * dummy values, outside the demo environment. A block after the comment {@code <!-- fragment -->} is merged into a
 * minimal configuration ({@link #BASE}) first.
 */
class DocumentedConfigurationTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern FENCE = Pattern.compile("(?m)^([ \\t]*)```yaml\\n(.*?)^\\1```", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::([^}]*))?}");
    private static final String FRAGMENT = "<!-- fragment -->";
    /** What a fragment is merged into: a signing key and the council the docs' examples name. */
    private static final String BASE = """
            slotbridge:
              signing-key: a-signing-key-for-the-documentation-examples
              councils:
                lincoln:
                  provider: sandbox
            """;

    record Block(String file, int line, String yaml, boolean fragment) {
        @Override
        public String toString() {
            return file + ":" + line + (fragment ? " (fragment)" : "");
        }
    }

    static Stream<Block> blocks() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<Block> blocks = new ArrayList<>();
        for (Path page : pages) {
            String text = Files.readString(page);
            Matcher fence = FENCE.matcher(text);
            while (fence.find()) {
                String before = text.substring(0, fence.start()).stripTrailing();
                String indent = fence.group(1);
                String yaml = fence.group(2).lines().map(line -> line.startsWith(indent) ? line.substring(indent.length()) : line)
                        .reduce("", (all, line) -> all + line + "\n");
                int line = (int) text.substring(0, fence.start()).lines().count() + 1;
                blocks.add(new Block(ROOT.relativize(page).toString(), line, yaml, before.endsWith(FRAGMENT)));
            }
        }
        assertThat(blocks).as("YAML blocks in the docs").hasSizeGreaterThan(5);
        return blocks.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void thePublishedSchemaAcceptsTheBlockAsWritten(Block block) throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(ROOT.resolve("docs/config-schema.json")), InputFormat.JSON);
        ObjectMapper yaml = YAMLMapper.builder().build();
        List<Error> errors = schema.validate(yaml.readTree(block.yaml()));
        assertThat(errors).as(block.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void theBlockStarts(Block block) {
        List<PropertySource> sources = new ArrayList<>(List.of(source("application.yml", jarApplicationYaml(), -300)));
        if (block.fragment()) {
            sources.add(source("base.yml", BASE, -260));
        }
        sources.add(source(block.toString(), withDummyValues(block.yaml()), -250));
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .enableDefaultPropertySources(false).propertySources(sources.toArray(PropertySource[]::new)).start()) {
            assertThat(context.getBean(SlotbridgeConfiguration.class)).as(block.toString()).isNotNull();
        }
    }

    private static PropertySource source(String name, String yaml, int order) {
        return PropertySource.of(name, OperatorYaml.read(yaml), order);
    }

    /** Each {@code ${NAME}} given a value of the kind its name says; {@code ${NAME:default}} its default. */
    static String withDummyValues(String yaml) {
        return PLACEHOLDER.matcher(yaml).replaceAll(placeholder -> {
            String name = placeholder.group(1).toUpperCase();
            String value = placeholder.group(2) != null ? placeholder.group(2)
                    : name.contains("URL") || name.contains("ENDPOINT") ? "http://127.0.0.1:1/gateway"
                    : "a-dummy-value-for-" + name.toLowerCase().replace('_', '-') + "-0123456789abcdef";
            return Matcher.quoteReplacement(value);
        });
    }

    private static String jarApplicationYaml() {
        try (InputStream in = DocumentedConfigurationTest.class.getResourceAsStream("/application.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
