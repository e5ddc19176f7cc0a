package dev.slotbridge.door.v1;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded jar (failsafe's {@code server.jar}) ships one OpenAPI document: the hand-written contract
 * ({@code META-INF/slotbridge/openapi.yml}, served at {@code /openapi.yml}), byte for byte as in the sources. No
 * document generated from the controllers (micronaut-openapi's {@code META-INF/swagger/openapi.yml}, with unresolved
 * {@code ${...}} paths) rides along, and the Swagger UI page of {@code /docs} is there and shows the real document.
 */
final class ShippedJarContentsIT {
    private static final String DOCUMENT = "META-INF/slotbridge/openapi.yml";
    private static final String DOCS_PAGE = "META-INF/swagger/views/swagger-ui/index.html";
    /** A top-level {@code openapi:}/{@code swagger:} key in YAML, or {@code "openapi":}/{@code "swagger":} in JSON. */
    private static final Pattern OPENAPI_DOCUMENT = Pattern.compile("(?m)^(openapi|swagger)\\s*:|\"(openapi|swagger)\"\\s*:");

    private static Path jar;

    @BeforeAll
    static void findTheJar() {
        String property = System.getProperty("server.jar");
        assertThat(property).as("failsafe's server.jar property (server/pom.xml)").isNotNull();
        jar = Path.of(property);
        assertThat(jar).as("the shaded server jar").isRegularFile();
    }

    @Test
    void theOnlyOpenApiDocumentIsTheHandWrittenContract() throws IOException {
        List<String> documents = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                if (!entry.isDirectory() && looksLikeAnOpenApiDocument(zip, entry)) {
                    documents.add(entry.getName());
                }
            }
        }

        assertThat(documents).as("OpenAPI documents in %s (META-INF/swagger/openapi.yml is micronaut-openapi's, generated "
                + "from the controllers: server/openapi.properties turns it off)", jar.getFileName()).containsExactly(DOCUMENT);
    }

    @Test
    void theShippedContractIsTheOneInTheSources() throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(DOCUMENT);
            assertThat(entry).as(DOCUMENT).isNotNull();
            try (InputStream in = zip.getInputStream(entry)) {
                assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(Path.of("../door-v1/src/main/resources", DOCUMENT)));
            }
        }
    }

    @Test
    void theDocsPageIsShippedAndShowsTheContract() throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry page = zip.getEntry(DOCS_PAGE);
            assertThat(page).as(DOCS_PAGE).isNotNull();
            try (InputStream in = zip.getInputStream(page)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("'/openapi.yml'");
            }
            assertThat(zip.getEntry("META-INF/swagger/views/swagger-ui/res/swagger-ui-bundle.js")).isNotNull();
        }
    }

    private static boolean looksLikeAnOpenApiDocument(ZipFile zip, ZipEntry entry) throws IOException {
        String name = entry.getName().toLowerCase(Locale.ROOT);
        if (name.startsWith("meta-inf/swagger/") && !name.startsWith("meta-inf/swagger/views/")) {
            return true;
        }
        if (!(name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".json"))) {
            return false;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return OPENAPI_DOCUMENT.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8)).find();
        }
    }
}
