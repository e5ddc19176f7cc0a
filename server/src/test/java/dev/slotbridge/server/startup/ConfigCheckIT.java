package dev.slotbridge.server.startup;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.slotbridge.provider.connect.FakeConnect;
import dev.slotbridge.provider.drs.FakeDrs;
import dev.slotbridge.provider.drs.GatewaySchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check-config} as an operator runs it: the real jar (and once the launcher) as a process, the configuration a
 * YAML file written as operators write it — passwords from the environment — and a DRS council and a Connect council
 * on fakes in this JVM (DRS's requests checked against the gateway's WSDL). What it prints, its exit status, and what
 * reached the schedulers: one login each, never repeated, never with {@code --offline}.
 */
final class ConfigCheckIT {
    private static final String WRONG_DRS_PASSWORD = "Wr0ng-drs-Passw0rd";
    private static final String WRONG_CONNECT_PASSWORD = "Wr0ng-connect-Passw0rd";
    /** What every session id the fake gateway issues starts with. */
    private static final String SESSION_ID_PREFIX = "8a4b805d7ca651e4017ca7ab";

    private final WireMockServer drs = FakeDrs.server(new FakeDrs());
    private final WireMockServer connect = FakeConnect.server(new FakeConnect());

    @TempDir
    Path work;

    @BeforeEach
    void startSchedulers() {
        drs.start();
        connect.start();
    }

    @AfterEach
    void stopSchedulers() {
        try {
            drs.getAllServeEvents().forEach(event -> GatewaySchema.validate(event.getRequest().getBodyAsString()));
        } finally {
            drs.stop();
            connect.stop();
        }
    }

    private String configuration() {
        return """
                slotbridge:
                  signing-key: ${SLOTBRIDGE_SIGNING_KEY}
                  clients:
                    repairs-portal:
                      key-sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
                      councils: [leeds, lincoln]
                      permissions: [search, book, manage-own]
                  councils:
                    lincoln:
                      name: City of Lincoln Council
                      provider: drs
                      settings:
                        endpoint: %s
                        username: %s
                        password: ${LINCOLN_DRS_PASSWORD}
                        contract: "0"
                    leeds:
                      name: Leeds City Council
                      provider: connect
                      settings:
                        base-url: %s
                        username: %s
                        password: ${LEEDS_CONNECT_PASSWORD}
                        contract-external-id: %s
                        organisation-external-id: %s
                """.formatted(drs.baseUrl() + FakeDrs.PATH, FakeDrs.LOGIN, connect.baseUrl() + FakeConnect.BASE,
                FakeConnect.USER, FakeConnect.CONTRACT, FakeConnect.ORGANISATION);
    }

    private Path file(String yaml) throws IOException {
        return Files.writeString(work.resolve("councils.yml"), yaml);
    }

    private record Result(int exit, String output) {
    }

    private Result checkConfig(Map<String, String> environment, String... args) throws Exception {
        ServerJar check = ServerJar.run(work, environment, args);
        int exit = check.awaitExit();
        return new Result(exit, check.output());
    }

    private static Map<String, String> passwords(String drsPassword, String connectPassword) {
        return Map.of("LINCOLN_DRS_PASSWORD", drsPassword, "LEEDS_CONNECT_PASSWORD", connectPassword);
    }

    private List<ServeEvent> drsCalls(String operation) {
        return drs.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getBodyAsString().contains(":" + operation + ">")
                        || event.getRequest().getBodyAsString().contains("<" + operation + ">")).toList();
    }

    private List<ServeEvent> tokenRequests() {
        return connect.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith(FakeConnect.BASE + "/token")).toList();
    }

    @Test
    void wrongPasswordsFailTheProbesWithOneLoginEachAndNeverShowThePassword() throws Exception {
        Path config = file(configuration());

        Result result = checkConfig(passwords(WRONG_DRS_PASSWORD, WRONG_CONNECT_PASSWORD), "check-config", config.toString());

        assertThat(result.exit()).as(result.output()).isEqualTo(2);
        assertThat(result.output().lines()).as(result.output())
                .anySatisfy(line -> assertThat(line).matches("leeds\\s+connect\\s+FAILED\\s+the scheduler refused the credentials: .*"))
                .anySatisfy(line -> assertThat(line).matches("lincoln\\s+drs\\s+FAILED\\s+the scheduler refused the credentials: .*"));
        assertThat(result.output()).contains("Configuration valid: 2 councils (" + config + ")", "2 of 2 probes failed")
                .doesNotContain(WRONG_DRS_PASSWORD, WRONG_CONNECT_PASSWORD, FakeDrs.PASSWORD, FakeConnect.PASSWORD)
                .doesNotContain(" INFO ", "Exception", "\tat ");
        assertThat(drsCalls("openSession")).as("one login, never repeated").hasSize(1);
        assertThat(drs.getAllServeEvents()).hasSize(1);
        assertThat(tokenRequests()).as("one token request, never repeated").hasSize(1);
        assertThat(connect.getAllServeEvents()).hasSize(1);
    }

    @Test
    void theRightPasswordsPassThroughTheLauncherWithoutBindingAPort() throws Exception {
        Path config = file(configuration());
        try (ServerSocket taken = new ServerSocket(0)) {
            Map<String, String> environment = new HashMap<>(passwords(FakeDrs.PASSWORD, FakeConnect.PASSWORD));
            environment.put("MICRONAUT_SERVER_PORT", Integer.toString(taken.getLocalPort()));
            ServerJar check = ServerJar.launch(work, environment, "check-config", config.toString());
            int exit = check.awaitExit();
            String output = check.output();

            assertThat(exit).as(output).isZero();
            assertThat(output.lines()).as(output)
                    .anySatisfy(line -> assertThat(line).matches("leeds\\s+connect\\s+OK\\s+\\d+ ms"))
                    .anySatisfy(line -> assertThat(line).matches("lincoln\\s+drs\\s+OK\\s+\\d+ ms"));
            assertThat(output).contains("Every probe passed")
                    .doesNotContain(FakeDrs.PASSWORD, FakeConnect.PASSWORD, SESSION_ID_PREFIX, " INFO ", "Startup completed");
        }
        assertThat(drsCalls("openSession")).hasSize(1);
        assertThat(drsCalls("closeSession")).as("the probe's own session is closed").hasSize(1);
        assertThat(drs.getAllServeEvents()).hasSize(2);
        assertThat(tokenRequests()).hasSize(1);
        assertThat(connect.getAllServeEvents()).as("nothing but the token").hasSize(1);
    }

    @Test
    void offlineAnInvalidFileIsReportedAsAFailedStartAndNothingIsContacted() throws Exception {
        Path config = file(configuration().replace("permissions:", "permisions:"));

        Result result = checkConfig(passwords(FakeDrs.PASSWORD, FakeConnect.PASSWORD), "check-config", "--offline", config.toString());

        assertThat(result.exit()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("Slotbridge cannot start: 1 problem",
                "slotbridge.clients.repairs-portal.permisions: unknown key — did you mean 'permissions'?");
        assertThat(drs.getAllServeEvents()).isEmpty();
        assertThat(connect.getAllServeEvents()).isEmpty();
    }

    @Test
    void offlineAValidFileIsValidAndNothingIsContacted() throws Exception {
        Path config = file(configuration());

        Result result = checkConfig(passwords(WRONG_DRS_PASSWORD, WRONG_CONNECT_PASSWORD), "check-config", "--offline", config.toString());

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output().lines()).as(result.output()).containsSubsequence(
                "Configuration valid: 2 councils (" + config + "); --offline: no scheduler contacted",
                "leeds    connect  valid",
                "lincoln  drs      valid");
        assertThat(drs.getAllServeEvents()).isEmpty();
        assertThat(connect.getAllServeEvents()).isEmpty();
    }

    @Test
    void withoutFilesTheServersVariableNamesThem() throws Exception {
        Path config = file(configuration());
        Map<String, String> environment = new HashMap<>(passwords(FakeDrs.PASSWORD, FakeConnect.PASSWORD));
        environment.put("MICRONAUT_CONFIG_FILES", config.toString());

        Result result = checkConfig(environment, "check-config", "--offline");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("Configuration valid: 2 councils (" + config + ")");
    }
}
