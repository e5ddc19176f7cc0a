package dev.slotbridge.store.redis;

import dev.slotbridge.engine.booking.HoldLimits;
import dev.slotbridge.engine.booking.HoldRecord;
import dev.slotbridge.engine.booking.HoldState;
import dev.slotbridge.engine.booking.JobLeases;
import dev.slotbridge.engine.booking.SlotPlace;
import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.events.Delivery;
import dev.slotbridge.engine.events.DeliveryStatus;
import dev.slotbridge.engine.events.EventType;
import dev.slotbridge.engine.events.OutboxBound;
import dev.slotbridge.engine.idempotency.IdempotencyKey;
import dev.slotbridge.engine.idempotency.IdempotencyProperties;
import dev.slotbridge.engine.idempotency.IdempotencyStore;
import dev.slotbridge.engine.idempotency.StoredAnswer;
import dev.slotbridge.engine.search.SearchKey;
import dev.slotbridge.engine.store.StoreProperties;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rolling upgrade: records the previous version wrote — written here with plain Redis commands, byte for byte as it
 * wrote them — are read and acted on by this version, writing JSON (the format it writes once the upgrade is done).
 */
final class EarlierVersionRecordsTest {
    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final long IN_AN_HOUR = NOW.plus(Duration.ofHours(1)).toEpochMilli();
    /** 08:00 to 12:00 on 8 December, as the previous version named the place (percent-encoded, sorted). */
    private static final String PLACE = "end=2026-12-08T12%3A00%3A00Z&start=2026-12-08T08%3A00%3A00Z";
    private static final SlotPlace MORNING = new SlotPlace(Instant.parse("2026-12-08T08:00:00Z"),
            Instant.parse("2026-12-08T12:00:00Z"));

    @RegisterExtension
    final Replicas replicas = new Replicas();
    private final RedisCommands<String, String> raw = replicas.raw();
    private final RedisStore redis = replicas.replica(StoreProperties.Redis.JSON);

    @Test
    void keysAreNamedAsThePreviousVersionNamedThem() {
        assertThat(RedisStore.key("owner", "lincoln", "B-1"))
                .isEqualTo("slotbridge:owner:10a247c6969bad282f6e3edc19c688bc8b370e5fa96a69657449236270b8dbed");
    }

    @Test
    void anEarlierHoldIsFoundCountedKeepsItsPlaceAndIsReleased() {
        writeEarlierHold();
        RedisHoldStore holds = new RedisHoldStore(redis, CLOCK);

        HoldRecord old = holds.find("h-old").orElseThrow();
        assertThat(old).isEqualTo(new HoldRecord("h-old", "lincoln", "housing", Map.of("id", "A/1", "window", "am"),
                MORNING, Map.of("hold", "H 99"), "J-1", "P-1", LocalDate.parse("2026-12-08"),
                Instant.ofEpochMilli(IN_AN_HOUR), HoldState.ACTIVE));
        assertThat(holds.heldPlaces("lincoln", NOW)).isEqualTo(Map.of(MORNING, "housing"));
        assertThat(holds.admit(hold("h-new", "housing", "P-1"), new HoldLimits(1, 10, 100), Set.of(MORNING), NOW))
                .isEqualTo(new HoldLimits.Admission(HoldLimits.Bound.PER_PROPERTY, Instant.ofEpochMilli(IN_AN_HOUR)));
        assertThat(holds.createExclusive(hold("h-other", "other-client", "P-2"), NOW)).as("the earlier hold keeps its place").isFalse();

        assertThat(holds.end(old, HoldState.RELEASED, NOW)).isTrue();

        assertThat(holds.releasesDue(NOW, NOW.plusSeconds(30), 10)).extracting(HoldRecord::id).containsExactly("h-old");
        assertThat(holds.admit(hold("h-new", "housing", "P-1"), new HoldLimits(1, 10, 100), Set.of(MORNING), NOW))
                .isEqualTo(HoldLimits.Admission.ADMITTED);
        assertThat(holds.createExclusive(hold("h-other", "other-client", "P-2"), NOW)).isTrue();
        assertThat(holds.heldPlaces("lincoln", NOW)).isEqualTo(Map.of(MORNING, "other-client"));
    }

    private void writeEarlierHold() {
        String expires = Long.toString(IN_AN_HOUR);
        raw.hset("slotbridge:hold:h-old", Map.ofEntries(Map.entry("council", "lincoln"), Map.entry("client", "housing"),
                Map.entry("slot", "id=A%2F1&window=am"), Map.entry("holdKey", "hold=H+99"), Map.entry("job", "J-1"),
                Map.entry("property", "P-1"), Map.entry("day", "2026-12-08"), Map.entry("expires", expires),
                Map.entry("state", "ACTIVE"), Map.entry("place", PLACE)));
        raw.zadd("slotbridge:holds-active", IN_AN_HOUR, "h-old");
        raw.hset(RedisStore.key("hold-quota", "lincoln", "housing"), "h-old", expires + "|2026-12-08|" + PLACE + "|P-1");
        raw.hset(RedisStore.key("hold-slots", "lincoln"), PLACE, "h-old|" + expires + "|housing");
    }

    private static HoldRecord hold(String id, String client, String property) {
        return new HoldRecord(id, "lincoln", client, Map.of("id", "A/1"),
                MORNING, null, "J-2", property, LocalDate.parse("2026-12-08"), NOW.plus(Duration.ofMinutes(10)),
                HoldState.ACTIVE);
    }

    @Test
    void anEarlierCachedSearchIsAnswered() {
        SearchKey search = new SearchKey("lincoln", "P-1", List.of(), "routine", "ORD-1", LocalDate.parse("2026-12-08"),
                LocalDate.parse("2026-12-09"));
        raw.hset(RedisStore.key("availability", "lincoln", "P-1"), RedisStore.key("search", search.text()),
                IN_AN_HOUR + "\n2026-12-08T08:00Z\t2026-12-08T12:00Z\tMorning+%28am%29%09tab\ttrue\tid=A%2F1&window=am"
                        + "\n2026-12-08T13:00+01:00\t2026-12-08T17:00+01:00\t\tfalse\tid=B");

        assertThat(new RedisAvailabilityCache(redis, CLOCK).find(search)).contains(List.of(
                new Slot(OffsetDateTime.parse("2026-12-08T08:00Z"), OffsetDateTime.parse("2026-12-08T12:00Z"),
                        "Morning (am)\ttab", true, new SlotKey(Map.of("id", "A/1", "window", "am"))),
                new Slot(OffsetDateTime.parse("2026-12-08T13:00+01:00"), OffsetDateTime.parse("2026-12-08T17:00+01:00"),
                        null, false, new SlotKey(Map.of("id", "B")))));
    }

    @Test
    void anEarlierIdempotencyAnswerIsReplayedAndAnEarlierReplicasLapsedClaimIsReconciled() {
        IdempotencyKey answered = new IdempotencyKey("housing", "lincoln", "key-1");
        IdempotencyKey orphaned = new IdempotencyKey("housing", "lincoln", "key-2");
        String body = "{\"bookingRef\":\"B-1\",\"status\":\"BOOKED\"}";
        raw.hset(RedisStore.key("idempotency", "housing", "lincoln", "key-1"), Map.of("state", "completed", "fp", "fp-1",
                "expires", Long.toString(IN_AN_HOUR), "status", "201", "ref", "B-1",
                "location", "/v1/councils/lincoln/bookings/B-1", "body", body));
        raw.hset(RedisStore.key("idempotency", "housing", "lincoln", "key-2"), Map.of("state", "claimed", "fp", "fp-2",
                "owner", "an-earlier-replica", "lease", Long.toString(NOW.minusSeconds(1).toEpochMilli()),
                "expires", Long.toString(IN_AN_HOUR)));
        raw.zadd(RedisStore.key("idempotency-client", "housing"), IN_AN_HOUR, RedisStore.key("idempotency", "housing",
                "lincoln", "key-1"));
        RedisIdempotencyStore store = new RedisIdempotencyStore(redis, replicas.renewals(),
                new IdempotencyProperties(Duration.ofHours(24), 100, 1 << 20, Duration.ofMillis(100)),
                replicas.properties(StoreProperties.Redis.JSON), CLOCK);

        assertThat(store.begin(answered, "fp-1")).isEqualTo(new IdempotencyStore.Claim.Replay(new StoredAnswer(201, "B-1",
                "/v1/councils/lincoln/bookings/B-1", body.getBytes(StandardCharsets.UTF_8))));
        assertThat(store.begin(answered, "another request")).isInstanceOf(IdempotencyStore.Claim.Mismatch.class);
        assertThat(store.begin(orphaned, "fp-2")).isInstanceOf(IdempotencyStore.Claim.Unresolved.class);
    }

    @Test
    void anEarlierWebhookDeliveryIsSentAndRecorded() {
        long created = NOW.minusSeconds(60).toEpochMilli();
        raw.hset("slotbridge:webhook:d-1", Map.ofEntries(Map.entry("client", "housing"), Map.entry("endpoint", "0"),
                Map.entry("eventId", "e-1"), Map.entry("type", "CANCELLED"), Map.entry("council", "lincoln"),
                Map.entry("subject", "B-1"), Map.entry("body", "{\"type\":\"booking.cancelled\"}"),
                Map.entry("created", Long.toString(created)), Map.entry("attempts", "0"),
                Map.entry("next", Long.toString(created)), Map.entry("status", "PENDING"), Map.entry("error", "")));
        raw.zadd("slotbridge:webhooks-due", created, "d-1");
        raw.zadd(RedisStore.key("webhooks-pending", "housing"), created, "d-1");
        RedisDeliveryStore deliveries = new RedisDeliveryStore(redis, new OutboxBound(10));

        List<Delivery> due = deliveries.claimDue(NOW, NOW.plusSeconds(30), 10);

        Delivery expected = new Delivery("d-1", "housing", 0, "e-1", EventType.CANCELLED, "lincoln", "B-1",
                "{\"type\":\"booking.cancelled\"}", Instant.ofEpochMilli(created), 0, Instant.ofEpochMilli(created),
                DeliveryStatus.PENDING, null);
        assertThat(due).containsExactly(expected);
        deliveries.update(expected.delivered());
        assertThat(deliveries.list("housing", DeliveryStatus.DELIVERED, 10)).containsExactly(expected.delivered());
        assertThat(deliveries.list("housing", DeliveryStatus.PENDING, 10)).isEmpty();
    }

    @Test
    void anEarlierBookingsMakerIsKnown() {
        raw.psetex(RedisStore.key("owner", "lincoln", "B-1"), Duration.ofDays(400).toMillis(), "housing");

        assertThat(new RedisBookingOwners(redis, replicas.properties(StoreProperties.Redis.JSON)).owner("lincoln", "B-1"))
                .contains("housing");
    }

    @Test
    void anEarlierDrsMemoryOfACancellationIsRecalledAsItWasWritten() {
        String cancelled = "v1|2026-12-08T08:00Z|2026-12-08T12:00Z|AM|P-1|ORD-7|routine|GAS01*1";
        raw.psetex(RedisStore.key("provider", "lincoln", "cancelled:ORD-7:BK-9"), Duration.ofDays(90).toMillis(),
                cancelled);

        assertThat(new RedisProviderMemories(redis).forCouncil("lincoln").get("cancelled:ORD-7:BK-9")).contains(cancelled);
    }

    @Test
    void anEarlierToldStateKeepsItsChangeId() {
        raw.hset(RedisStore.key("told", "lincoln", "B-1"), Map.of("state", "CANCELLED", "change", "c-1"));
        RedisToldBookingStore told = new RedisToldBookingStore(redis);

        assertThat(told.state("lincoln", "B-1")).contains("CANCELLED");
        assertThat(told.tell("lincoln", "B-1", "CANCELLED", "c-2", Duration.ofDays(30))).isEqualTo("c-1");
        assertThat(told.tell("lincoln", "B-1", "BOOKED", "c-3", Duration.ofDays(30))).isEqualTo("c-3");
    }

    @Test
    void aJobLeaseAnEarlierReplicaHoldsIsRespected() {
        raw.psetex(RedisStore.key("lease", "lincoln", "J-1"), 5_000, "an-earlier-replica/3b1f");
        JobLeases leases = new RedisJobLeases(redis, replicas.renewals(), replicas.properties(StoreProperties.Redis.JSON),
                new IdempotencyProperties(Duration.ofHours(24), 100, 1 << 20, Duration.ofMillis(100)));

        assertThatThrownBy(() -> leases.acquire("lincoln", "J-1")).isInstanceOf(ProblemException.class);
        raw.del(RedisStore.key("lease", "lincoln", "J-1"));
        leases.acquire("lincoln", "J-1").close();
    }
}
