package dev.slotbridge.server.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.provider.connect.FakeConnect;
import dev.slotbridge.provider.drs.FakeDrs;

import java.util.HashMap;
import java.util.Map;

/** The configuration of a council served by a provider module's fake scheduler. */
public final class FakeCouncils {
    private FakeCouncils() {
    }

    /** A DRS council on {@link FakeDrs}'s gateway. */
    public static Map<String, String> drs(String council, WireMockServer gateway) {
        String prefix = "slotbridge.councils." + council + ".";
        Map<String, String> properties = new HashMap<>();
        properties.put(prefix + "provider", "drs");
        properties.put(prefix + "settings.endpoint", gateway.baseUrl() + FakeDrs.PATH);
        properties.put(prefix + "settings.username", FakeDrs.LOGIN);
        properties.put(prefix + "settings.password", FakeDrs.PASSWORD);
        properties.put(prefix + "settings.contract", "0");
        return properties;
    }

    /** A Connect council on {@link FakeConnect}. */
    public static Map<String, String> connect(String council, WireMockServer connect) {
        String prefix = "slotbridge.councils." + council + ".";
        Map<String, String> properties = new HashMap<>();
        properties.put(prefix + "provider", "connect");
        properties.put(prefix + "settings.base-url", connect.baseUrl() + FakeConnect.BASE);
        properties.put(prefix + "settings.username", FakeConnect.USER);
        properties.put(prefix + "settings.password", FakeConnect.PASSWORD);
        properties.put(prefix + "settings.contract-external-id", FakeConnect.CONTRACT);
        properties.put(prefix + "settings.organisation-external-id", FakeConnect.ORGANISATION);
        properties.put(prefix + "settings.default-priority", "P20");
        return properties;
    }
}
