package dev.slotbridge.door.hro;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.provider.drs.FakeDrs;
import dev.slotbridge.server.testing.FakeCouncils;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

/** {@link HroApiTest}'s requests against a council on the Drs fake. */
@MicronautTest(propertySources = "classpath:operator/hro-api.yml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class HroOnDrsApiTest extends HroApiTest {
    private final WireMockServer scheduler = FakeDrs.server(new FakeDrs());

    @Override
    public Map<String, String> getProperties() {
        scheduler.start();
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.putAll(FakeCouncils.drs("lincoln", scheduler));
        return properties;
    }

    @Override
    String council() {
        return "lincoln";
    }

    @AfterAll
    void stop() {
        scheduler.stop();
    }
}
