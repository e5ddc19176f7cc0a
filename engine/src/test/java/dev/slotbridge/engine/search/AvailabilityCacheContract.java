package dev.slotbridge.engine.search;

import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import dev.slotbridge.tck.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link AvailabilityCache} does, run in this process and on a real Redis: a search's slots come back
 * exactly as put until its own time to live ends (by the injected clock), searches differing in any part are apart,
 * and a change at a property drops that property's searches only.
 */
public abstract class AvailabilityCacheContract {
    protected static final Duration TTL = Duration.ofMinutes(5);
    private static final LocalDate FROM = LocalDate.parse("2026-03-02");

    protected final TestClock clock = new TestClock(Instant.parse("2026-03-01T09:00:00Z"));
    protected AvailabilityCache cache;

    /** A new, empty cache reading time from {@link #clock}. */
    protected abstract AvailabilityCache createCache();

    @BeforeEach
    final void createCacheForTest() {
        cache = createCache();
    }

    protected static SearchKey search(String council, String property, String job) {
        return new SearchKey(council, property, List.of(new JobCode(job, 1)), "ROUTINE", "order-1", FROM, FROM.plusDays(6));
    }

    protected static List<Slot> slots(String label) {
        OffsetDateTime start = OffsetDateTime.parse("2026-03-03T08:00:00+00:00");
        return List.of(new Slot(start, start.plusHours(4), label, true, new SlotKey(Map.of("slot", "AM", "date", "2026-03-03"))),
                new Slot(start.plusHours(5), start.plusHours(9), null, false, new SlotKey(Map.of("slot", "PM"))));
    }

    @Test
    void aSearchsSlotsAreFoundUntilItsTimeToLiveEnds() {
        cache.put(search("council", "p1", "PLUMB"), slots("Morning"), TTL);

        assertThat(cache.find(search("council", "p1", "PLUMB"))).contains(slots("Morning"));
        clock.advance(TTL.minusMillis(1));
        assertThat(cache.find(search("council", "p1", "PLUMB"))).contains(slots("Morning"));
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.find(search("council", "p1", "PLUMB"))).isEmpty();
    }

    @Test
    void slotsComeBackExactlyAsPutWhateverTheirText() {
        OffsetDateTime start = OffsetDateTime.parse("2026-03-30T08:00:00+01:00");
        List<Slot> awkward = List.of(new Slot(start, start.plusMinutes(90), "Früh\t8–9:30 & \"more\"\n100%", false,
                new SlotKey(Map.of("a&b=c", "x=y&z", "tab\t", "%20 €"))));
        cache.put(search("council", "p1", "PLUMB"), awkward, TTL);
        cache.put(search("council", "p1", "NOTHING"), List.of(), TTL);

        assertThat(cache.find(search("council", "p1", "PLUMB"))).contains(awkward);
        assertThat(cache.find(search("council", "p1", "NOTHING"))).as("no slots is an answer too").contains(List.of());
    }

    @Test
    void searchesDifferingInAnyPartAreApart() {
        SearchKey kept = search("council", "p1", "PLUMB");
        cache.put(kept, slots("Morning"), TTL);

        assertThat(cache.find(search("council", "p1", "ELEC"))).isEmpty();
        assertThat(cache.find(search("council", "p2", "PLUMB"))).isEmpty();
        assertThat(cache.find(search("elsewhere", "p1", "PLUMB"))).isEmpty();
        assertThat(cache.find(new SearchKey("council", "p1", kept.jobCodes(), "URGENT", "order-1", FROM, FROM.plusDays(6))))
                .isEmpty();
        assertThat(cache.find(new SearchKey("council", "p1", kept.jobCodes(), "ROUTINE", "order-2", FROM, FROM.plusDays(6))))
                .isEmpty();
        assertThat(cache.find(new SearchKey("council", "p1", kept.jobCodes(), "ROUTINE", "order-1", FROM, FROM.plusDays(7))))
                .isEmpty();
        assertThat(cache.find(new SearchKey("council", "p1", List.of(new JobCode("PLUMB", 2)), "ROUTINE", "order-1", FROM,
                FROM.plusDays(6)))).isEmpty();
        assertThat(cache.find(kept)).contains(slots("Morning"));
    }

    @Test
    void eachSearchKeepsItsOwnTimeToLive() {
        cache.put(search("council", "p1", "PLUMB"), slots("long"), Duration.ofMinutes(10));
        cache.put(search("council", "p1", "ELEC"), slots("short"), Duration.ofMinutes(1));

        clock.advance(Duration.ofMinutes(2));

        assertThat(cache.find(search("council", "p1", "ELEC"))).isEmpty();
        assertThat(cache.find(search("council", "p1", "PLUMB"))).contains(slots("long"));
    }

    @Test
    void aSearchPutAgainIsReplaced() {
        cache.put(search("council", "p1", "PLUMB"), slots("first"), TTL);
        clock.advance(Duration.ofMinutes(4));
        cache.put(search("council", "p1", "PLUMB"), slots("second"), TTL);
        clock.advance(Duration.ofMinutes(4));

        assertThat(cache.find(search("council", "p1", "PLUMB"))).contains(slots("second"));
    }

    @Test
    void aChangeAtAPropertyForgetsThatPropertysSearchesOnly() {
        cache.put(search("council", "p1", "PLUMB"), slots("a"), TTL);
        cache.put(search("council", "p1", "ELEC"), slots("b"), TTL);
        cache.put(search("council", "p2", "PLUMB"), slots("c"), TTL);
        cache.put(search("elsewhere", "p1", "PLUMB"), slots("d"), TTL);

        cache.forget("council", "p1");

        assertThat(cache.find(search("council", "p1", "PLUMB"))).isEmpty();
        assertThat(cache.find(search("council", "p1", "ELEC"))).isEmpty();
        assertThat(cache.find(search("council", "p2", "PLUMB"))).contains(slots("c"));
        assertThat(cache.find(search("elsewhere", "p1", "PLUMB"))).contains(slots("d"));
        cache.forget("council", "never-searched");
    }
}
