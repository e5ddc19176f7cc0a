package dev.slotbridge.engine.store;

import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.RedisStores;
import dev.slotbridge.store.redis.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client sends bounds what Slotbridge keeps for it: with every field of a hold, a booking (with an
 * {@code Idempotency-Key}), a reschedule and a cancel at its limit, in characters that take the most bytes, and
 * webhooks subscribed so their deliveries wait in the outbox, no record in Redis takes more than
 * {@link #RECORD_BOUND} — the "stored record" row of {@code docs/security.md}'s limits.
 */
@MicronautTest(propertySources = "classpath:operator/webhooks-api.yml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class StoredRecordSizesApiOnRedisTest implements TestPropertyProvider {
    /** The documented bound on one stored record, in bytes as Redis counts them ({@code MEMORY USAGE}). */
    static final long RECORD_BOUND = 64 * 1024;
    private static final String SANDBOX = "/v1/councils/sandbox";
    /** Three bytes in UTF-8 and six as a JSON escape: the most bytes one character of a field can take. */
    private static final String WIDE = "\u20ac";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RedisStores.fresh());
        properties.put("receivers.ops", "http://127.0.0.1:9/ops");
        properties.put("receivers.other", "http://127.0.0.1:9/other");
        properties.put("receivers.tenant-portal", "http://127.0.0.1:9/tenant-portal");
        return properties;
    }

    private static String wide(int characters) {
        return WIDE.repeat(characters);
    }

    private static Map<String, Object> fullestJob(String externalRef) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("propertyRef", wide(100));
        job.put("jobCodes", IntStream.range(0, 50)
                .mapToObj(i -> Map.<String, Object>of("code", i + wide(98), "quantity", 9999)).toList());
        job.put("priority", wide(100));
        job.put("externalRef", externalRef + wide(100 - externalRef.length()));
        job.put("description", wide(255));
        return job;
    }

    private static Map<String, Object> fullestBooking(String slotOrHoldField, String id, String externalRef) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(slotOrHoldField, id);
        body.put("job", fullestJob(externalRef));
        body.put("contact", Map.of("name", wide(100), "phone", "+44 (0) 7700 900123 - 1234567890",
                "email", "a".repeat(64) + "@" + "b".repeat(185) + ".org"));
        body.put("accessNotes", wide(1000));
        return body;
    }

    private List<String> slotIds(Api api, String from, String to) {
        Map<String, Object> search = new LinkedHashMap<>();
        Map<String, Object> job = fullestJob("S");
        search.put("propertyRef", job.get("propertyRef"));
        search.put("jobCodes", job.get("jobCodes"));
        search.put("priority", job.get("priority"));
        search.put("from", from);
        search.put("to", to);
        Reply found = api.post(Api.OPS_KEY, SANDBOX + "/appointment-search", search);
        assertThat(found.status()).as(found.text()).isEqualTo(200);
        return found.list("slots").stream().map(slot -> (String) slot.get("slotId")).toList();
    }

    @Test
    void noRecordKeptForTheFullestRequestsExceedsTheBound() {
        Api api = new Api(server.getURI(), json);
        List<String> slots = slotIds(api, "2026-03-03", "2026-03-06");

        Reply held = api.post(Api.OPS_KEY, SANDBOX + "/holds", Map.of("slotId", slots.get(0), "job", fullestJob("HOLD")));
        assertThat(held.status()).as(held.text()).isEqualTo(201);
        Reply booked = api.post(Api.OPS_KEY, SANDBOX + "/bookings", fullestBooking("slotId", slots.get(1), "BOOK"),
                Map.of("Idempotency-Key", "k".repeat(64)));
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        String bookingRef = booked.string("bookingRef");
        Reply moved = api.post(Api.OPS_KEY, SANDBOX + "/bookings/" + bookingRef + "/reschedule",
                Map.of("slotId", slots.get(2), "reason", wide(100)), Map.of("Idempotency-Key", "m".repeat(64)));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        Reply fromHold = api.post(Api.OPS_KEY, SANDBOX + "/bookings",
                fullestBooking("holdId", held.string("holdId"), "HOLD"), Map.of("Idempotency-Key", "h".repeat(64)));
        assertThat(fromHold.status()).as(fromHold.text()).isEqualTo(201);
        Reply cancelled = api.post(Api.OPS_KEY, SANDBOX + "/bookings/" + bookingRef + "/cancel",
                Map.of("reason", wide(100)), Map.of("Idempotency-Key", "c".repeat(64)));
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);

        Map<String, Long> sizes = recordSizes(RedisServer.shared());
        assertThat(sizes).as("the records kept").isNotEmpty();
        assertThat(sizes.keySet()).anyMatch(key -> key.contains("idempotency"))
                .anyMatch(key -> key.contains("hold"))
                .anyMatch(key -> key.contains("deliver") || key.contains("outbox") || key.contains("webhook"));
        assertThat(sizes).allSatisfy((key, bytes) -> assertThat(bytes).as(key).isLessThanOrEqualTo(RECORD_BOUND));
    }

    /** Every key's {@code MEMORY USAGE}: the record's bytes and Redis's own overhead for it. */
    private static Map<String, Long> recordSizes(RedisServer redis) {
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> commands = connection.sync();
            Map<String, Long> sizes = new TreeMap<>();
            for (String key : new ArrayList<>(commands.keys("*"))) {
                sizes.put(key, commands.memoryUsage(key));
            }
            return sizes;
        } finally {
            client.shutdown();
        }
    }
}
