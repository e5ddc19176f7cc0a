package dev.slotbridge.store.redis;

import dev.slotbridge.engine.booking.HoldLimits;
import dev.slotbridge.engine.booking.HoldRecord;
import dev.slotbridge.engine.booking.HoldState;
import dev.slotbridge.engine.booking.SlotPlace;
import dev.slotbridge.engine.search.SearchKey;
import dev.slotbridge.engine.store.StoreProperties;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

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
 * {@code write-format}: {@code legacy} writes exactly what the previous version wrote, so it reads this version's
 * records during a rolling upgrade; {@code json} writes JSON; replicas writing either share one Redis (as while the
 * setting is changed replica by replica) and agree on every record, including which hold keeps a place.
 */
final class WriteFormatTest {
    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofMinutes(10));
    private static final String PLACE = "end=2026-12-08T12%3A00%3A00Z&start=2026-12-08T08%3A00%3A00Z";
    private static final SlotPlace MORNING = new SlotPlace(Instant.parse("2026-12-08T08:00:00Z"),
            Instant.parse("2026-12-08T12:00:00Z"));
    private static final SearchKey SEARCH = new SearchKey("lincoln", "P-1", List.of(), "routine", "ORD-1",
            LocalDate.parse("2026-12-08"), LocalDate.parse("2026-12-09"));
    private static final List<Slot> SLOTS = List.of(
            new Slot(OffsetDateTime.parse("2026-12-08T08:00Z"), OffsetDateTime.parse("2026-12-08T12:00Z"),
                    "Morning (am)", true, new SlotKey(Map.of("id", "A/1", "window", "am"))),
            new Slot(OffsetDateTime.parse("2026-12-08T13:00+01:00"), OffsetDateTime.parse("2026-12-08T17:00+01:00"),
                    null, false, new SlotKey(Map.of("id", "B"))));

    @RegisterExtension
    final Replicas replicas = new Replicas();
    private final RedisCommands<String, String> raw = replicas.raw();
    private final RedisHoldStore legacyHolds = new RedisHoldStore(replicas.replica(StoreProperties.Redis.LEGACY), Clock.fixed(NOW, ZoneOffset.UTC));
    private final RedisHoldStore jsonHolds = new RedisHoldStore(replicas.replica(StoreProperties.Redis.JSON), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void legacyWritesAHoldAsThePreviousVersionDid() {
        HoldRecord hold = hold("h-1", "housing");
        legacyHolds.admit(hold, new HoldLimits(5, 10, 100), Set.of(MORNING), NOW);
        legacyHolds.createExclusive(hold, NOW);

        String expires = Long.toString(EXPIRES.toEpochMilli());
        assertThat(raw.hgetall("slotbridge:hold:h-1")).isEqualTo(Map.ofEntries(Map.entry("council", "lincoln"),
                Map.entry("client", "housing"), Map.entry("slot", "id=A%2F1&window=am"), Map.entry("holdKey", "hold=H+99"),
                Map.entry("job", "J-1"), Map.entry("property", "P-1"), Map.entry("day", "2026-12-08"),
                Map.entry("expires", expires), Map.entry("state", "ACTIVE"), Map.entry("place", PLACE)));
        assertThat(raw.hget(RedisStore.key("hold-quota", "lincoln", "housing"), "h-1"))
                .isEqualTo(expires + "|2026-12-08|" + PLACE + "|P-1");
        assertThat(raw.hget(RedisStore.key("hold-slots", "lincoln"), PLACE)).isEqualTo("h-1|" + expires + "|housing");
    }

    @Test
    void jsonWritesAHoldsValuesAsJsonAndALegacyReplicaOfThisVersionReadsThem() {
        HoldRecord hold = hold("h-1", "housing");
        jsonHolds.admit(hold, new HoldLimits(5, 10, 100), Set.of(MORNING), NOW);
        jsonHolds.createExclusive(hold, NOW);

        long expires = EXPIRES.toEpochMilli();
        assertThat(raw.hget("slotbridge:hold:h-1", "slot")).isEqualTo("{\"id\":\"A/1\",\"window\":\"am\"}");
        assertThat(raw.hget("slotbridge:hold:h-1", "holdKey")).isEqualTo("{\"hold\":\"H 99\"}");
        assertThat(raw.hget(RedisStore.key("hold-quota", "lincoln", "housing"), "h-1")).isEqualTo("{\"expires\":"
                + expires + ",\"day\":\"2026-12-08\",\"place\":\"" + PLACE + "\",\"property\":\"P-1\"}");
        assertThat(raw.hget(RedisStore.key("hold-slots", "lincoln"), PLACE))
                .isEqualTo("{\"hold\":\"h-1\",\"expires\":" + expires + ",\"client\":\"housing\"}");
        assertThat(legacyHolds.find("h-1")).contains(hold);
        assertThat(legacyHolds.heldPlaces("lincoln", NOW)).isEqualTo(Map.of(MORNING, "housing"));
        assertThat(legacyHolds.admit(hold("h-2", "housing"), new HoldLimits(1, 10, 100), Set.of(MORNING), NOW))
                .isEqualTo(new HoldLimits.Admission(HoldLimits.Bound.PER_PROPERTY, EXPIRES));
    }

    @Test
    void aPlaceHeldByAReplicaWritingOneFormatIsHeldForAReplicaWritingTheOther() {
        assertThat(legacyHolds.createExclusive(hold("h-legacy", "housing"), NOW)).isTrue();
        assertThat(jsonHolds.createExclusive(hold("h-json", "repairs"), NOW)).isFalse();

        assertThat(jsonHolds.end(hold("h-legacy", "housing"), HoldState.RELEASED, NOW)).isTrue();
        assertThat(jsonHolds.createExclusive(hold("h-json", "repairs"), NOW)).isTrue();
        assertThat(legacyHolds.createExclusive(hold("h-legacy-2", "housing"), NOW)).isFalse();

        assertThat(legacyHolds.transition(hold("h-json", "repairs"), HoldState.ACTIVE, HoldState.EXPIRED)).isTrue();
        assertThat(legacyHolds.heldPlaces("lincoln", NOW)).isEmpty();
        assertThat(jsonHolds.admit(hold("h-3", "repairs"), new HoldLimits(1, 10, 100), Set.of(MORNING), NOW))
                .as("the ended hold no longer counts").isEqualTo(HoldLimits.Admission.ADMITTED);
    }

    @Test
    void theShareCountsAPlaceOnceWhicheverFormatCountedIt() {
        // two places on the day, 70 %: one hold is admitted, a second on the same day is not (were the held place
        // counted as a third, it would be: 2 × 100 ≤ 70 × 3)
        HoldLimits share = new HoldLimits(10, 10, 70);
        SlotPlace afternoon = new SlotPlace(Instant.parse("2026-12-08T13:00:00Z"), Instant.parse("2026-12-08T17:00:00Z"));
        assertThat(legacyHolds.admit(hold("h-1", "housing"), share, Set.of(MORNING, afternoon), NOW))
                .isEqualTo(HoldLimits.Admission.ADMITTED);

        assertThat(jsonHolds.admit(hold("h-2", "housing"), share, Set.of(MORNING, afternoon), NOW).exceeded())
                .isEqualTo(HoldLimits.Bound.SHARE);
    }

    @Test
    void legacyCachesASearchAsThePreviousVersionDid() {
        new RedisAvailabilityCache(replicas.replica(StoreProperties.Redis.LEGACY), Clock.fixed(NOW, ZoneOffset.UTC))
                .put(SEARCH, SLOTS, Duration.ofMinutes(5));

        assertThat(cached()).isEqualTo(NOW.plus(Duration.ofMinutes(5)).toEpochMilli()
                + "\n2026-12-08T08:00Z\t2026-12-08T12:00Z\tMorning+%28am%29\ttrue\tid=A%2F1&window=am"
                + "\n2026-12-08T13:00+01:00\t2026-12-08T17:00+01:00\t\tfalse\tid=B");
    }

    @Test
    void jsonCachesASearchAsJsonAndALegacyReplicaOfThisVersionAnswersIt() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        new RedisAvailabilityCache(replicas.replica(StoreProperties.Redis.JSON), clock)
                .put(SEARCH, SLOTS, Duration.ofMinutes(5));

        assertThat(cached()).isEqualTo("{\"expires\":" + NOW.plus(Duration.ofMinutes(5)).toEpochMilli() + ",\"slots\":["
                + "{\"start\":\"2026-12-08T08:00Z\",\"end\":\"2026-12-08T12:00Z\",\"label\":\"Morning (am)\","
                + "\"preferred\":true,\"key\":{\"id\":\"A/1\",\"window\":\"am\"}},"
                + "{\"start\":\"2026-12-08T13:00+01:00\",\"end\":\"2026-12-08T17:00+01:00\",\"preferred\":false,"
                + "\"key\":{\"id\":\"B\"}}]}");
        assertThat(new RedisAvailabilityCache(replicas.replica(StoreProperties.Redis.LEGACY), clock).find(SEARCH))
                .contains(SLOTS);
        assertThat(new RedisAvailabilityCache(replicas.replica(StoreProperties.Redis.LEGACY),
                Clock.fixed(NOW.plus(Duration.ofMinutes(5)), ZoneOffset.UTC)).find(SEARCH)).as("expired").isEmpty();
    }

    @Test
    void aFormatThatIsNeitherIsRefused() {
        assertThatThrownBy(() -> replicas.replica("xml")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("legacy or json");
    }

    private String cached() {
        return raw.hget(RedisStore.key("availability", "lincoln", "P-1"), RedisStore.key("search", SEARCH.text()));
    }

    private static HoldRecord hold(String id, String client) {
        return new HoldRecord(id, "lincoln", client, Map.of("id", "A/1", "window", "am"), MORNING, Map.of("hold", "H 99"),
                "J-1", "P-1", LocalDate.parse("2026-12-08"), EXPIRES, HoldState.ACTIVE);
    }
}
