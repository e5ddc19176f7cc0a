package dev.slotbridge.server.startup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's demo key works only in the demo environment; a deployment that reuses its digest is warned. */
final class DemoEnvironmentIT {
    private static final String DEMO_KEY = "sandbox-demo-key";
    private static final String DEMO_DIGEST = "ddf8b9269584c82033b58a6641cb7c6a0df44c85e78bbb9ea54a32a7d82ccd1c";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path work;

    private int councils(ServerJar server) throws Exception {
        return http.send(HttpRequest.newBuilder(server.base.resolve("/v1/councils"))
                .header("Authorization", "Bearer " + DEMO_KEY).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void aProductionStartHasNoClientsSoTheDemoKeyIsRefused() throws Exception {
        try (ServerJar server = ServerJar.start(work, Map.of()).awaitStarted()) {
            assertThat(councils(server)).isEqualTo(401);
        }
    }

    @Test
    void aProductionStartWithoutASigningKeyStopsSayingSo() throws Exception {
        ServerJar server = ServerJar.start(work, Map.of("SLOTBRIDGE_SIGNING_KEY", ""));
        assertThat(server.awaitExit()).as(server.output()).isEqualTo(1);
        assertThat(server.output()).contains("slotbridge.signing-key: is required outside the demo environment");
    }

    @Test
    void theDemoEnvironmentServesTheSandboxToTheDemoKey() throws Exception {
        try (ServerJar server = ServerJar.start(work, Map.of("MICRONAUT_ENVIRONMENTS", "demo")).awaitStarted()) {
            assertThat(councils(server)).isEqualTo(200);
            assertThat(server.output()).doesNotContain("uses the demo key");
        }
    }

    @Test
    void aDeploymentWhoseClientHasTheDemoKeyIsWarned() throws Exception {
        Path config = Files.writeString(work.resolve("councils.yml"), """
                slotbridge:
                  clients:
                    lincoln-portal:
                      key-sha256: %s
                      councils: [lincoln]
                      permissions: [search, book, manage-own]
                  councils:
                    lincoln:
                      provider: sandbox
                """.formatted(DEMO_DIGEST));
        try (ServerJar server = ServerJar.start(work, Map.of("MICRONAUT_CONFIG_FILES", config.toString())).awaitStarted()) {
            assertThat(server.output()).contains("Client 'lincoln-portal' uses the demo key published in the README");
        }
    }
}
