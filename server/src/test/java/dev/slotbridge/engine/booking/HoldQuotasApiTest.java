package dev.slotbridge.engine.booking;

import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.AtOnce;
import dev.slotbridge.server.testing.Requests;
import dev.slotbridge.tck.TestClock;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.slotbridge.door.v1.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No client can empty a council's diary with holds: each client's active holds are bounded per property, per council
 * and, on each day, to a share of the places the council offers it — 429 {@code hold-quota-exceeded} past any bound.
 * Configured by {@code operator/hold-quotas.yml}, which gives the keys below.
 */
@MicronautTest(propertySources = "classpath:operator/hold-quotas.yml")
class HoldQuotasApiTest {
    static final String DIARY = "/v1/councils/diary";
    static final String PLENTY = "/v1/councils/plenty";
    static final String CONTEST = "/v1/councils/contest";
    static final String TIGHT = "/v1/councils/tight";
    static final String GREEDY_KEY = "greedy-key";
    static final String RACER_KEY = "racer-key";
    static final String NEIGHBOUR_KEY = "neighbour-key";
    /** The diary's days: from tomorrow (the tests start on Sunday 1 March 2026) to its last, 62 days ahead. */
    static final String FIRST_DAY = "2026-03-02";
    static final String LAST_DAY = "2026-05-02";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    TestClock clock;
    @Inject
    HoldSweeper sweeper;
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(server.getURI(), json);
    }

    public Api api() {
        return api;
    }

    List<Map<String, Object>> slots(String key, String council, String from, String to) {
        Reply found = api.post(key, council + "/appointment-search", Requests.search(from, to));
        assertThat(found.status()).as(found.text()).isEqualTo(200);
        return found.list("slots");
    }

    /** How many slots each day offers (slots start and end on their London day, in UTC too). */
    static Map<String, Long> perDay(List<Map<String, Object>> slots) {
        return slots.stream().collect(Collectors.groupingBy(HoldQuotasApiTest::day, TreeMap::new, Collectors.counting()));
    }

    static String day(Map<String, Object> slot) {
        return ((String) slot.get("start")).substring(0, 10);
    }

    /** Holds the slot for a job of its own at the property. */
    Reply hold(String key, String council, Map<String, Object> slot, String propertyRef, String externalRef) {
        Map<String, Object> job = Requests.job(externalRef);
        job.put("propertyRef", propertyRef);
        return api.post(key, council + "/holds", Map.of("slotId", slot.get("slotId"), "job", job));
    }

    Reply release(String key, String council, String holdId) {
        return api.send(key, HttpRequest.newBuilder(api.uri(council + "/holds/" + holdId)).DELETE(), Map.of());
    }

    @Test
    void aClientHoldingAllItMayLeavesEveryoneElseAtLeastHalfOfEachDaysPlaces() {
        Map<String, Long> neighbourBefore = perDay(slots(NEIGHBOUR_KEY, DIARY, FIRST_DAY, LAST_DAY));
        List<Map<String, Object>> offered = slots(GREEDY_KEY, DIARY, FIRST_DAY, LAST_DAY);

        Map<String, Long> held = new TreeMap<>();
        for (int i = 0; i < offered.size(); i++) {
            Reply reply = hold(GREEDY_KEY, DIARY, offered.get(i), "PROPERTY-" + i, "HMS-GREEDY-" + i);
            if (reply.status() == 201) {
                held.merge(day(offered.get(i)), 1L, Long::sum);
            } else {
                assertProblem(reply, 429, "hold-quota-exceeded");
                assertThat(reply.string("detail")).contains("holds.max-share");
            }
        }

        assertThat(offered).as("the diary, a slot for a visit each").hasSizeGreaterThan(40);
        perDay(offered).forEach((day, places) -> assertThat(held.getOrDefault(day, 0L))
                .as("%s: half of its %d places, rounded down", day, places).isEqualTo(places / 2));
        Map<String, Long> neighbourAfter = perDay(slots(NEIGHBOUR_KEY, DIARY, FIRST_DAY, LAST_DAY));
        neighbourBefore.forEach((day, places) -> assertThat(neighbourAfter.getOrDefault(day, 0L) * 100)
                .as("%s: the neighbour is still offered at least 50 %% of its %d places", day, places)
                .isGreaterThanOrEqualTo(50 * places));
    }

    @Test
    void aSlotHeldInTheStoreCountsAsAPlaceOfItsDay() {
        List<Map<String, Object>> day = slots(GREEDY_KEY, PLENTY, "2026-03-10", "2026-03-10");
        assertThat(day).hasSize(2);

        assertThat(hold(GREEDY_KEY, PLENTY, day.getFirst(), "PROPERTY-A", "HMS-STORE-A").status()).isEqualTo(201);
        Reply second = hold(GREEDY_KEY, PLENTY, day.getLast(), "PROPERTY-B", "HMS-STORE-B");

        assertProblem(second, 429, "hold-quota-exceeded");
        assertThat(second.string("detail")).contains("50 %", "2026-03-10", "holds.max-share");
        assertThat(second.header("Retry-After")).as("until greedy's hold of the day ends").isEqualTo("300");
        assertThat(slots(NEIGHBOUR_KEY, PLENTY, "2026-03-10", "2026-03-10")).extracting(slot -> slot.get("slotId"))
                .containsExactly(day.getLast().get("slotId"));
    }

    @Test
    void aSecondHoldForAPropertyWaitsUntilTheFirstIsReleased() {
        Map<String, Object> monday = slots(GREEDY_KEY, PLENTY, "2026-03-02", "2026-03-02").getFirst();
        Map<String, Object> tuesday = slots(GREEDY_KEY, PLENTY, "2026-03-03", "2026-03-03").getFirst();
        Reply first = hold(GREEDY_KEY, PLENTY, monday, "PROPERTY-ONE", "HMS-ONE-1");
        assertThat(first.status()).as(first.text()).isEqualTo(201);

        Reply second = hold(GREEDY_KEY, PLENTY, tuesday, "PROPERTY-ONE", "HMS-ONE-2");
        assertProblem(second, 429, "hold-quota-exceeded");
        assertThat(second.string("detail")).contains("holds.max-per-property");
        assertThat(second.header("Retry-After")).isEqualTo("300");

        assertThat(release(GREEDY_KEY, PLENTY, first.string("holdId")).status()).isEqualTo(204);
        assertThat(hold(GREEDY_KEY, PLENTY, tuesday, "PROPERTY-ONE", "HMS-ONE-2").status()).isEqualTo(201);
    }

    @Test
    void aClientHoldsAtMostMaxPerClientSlotsAtACouncilUntilOneEnds() {
        List<Map<String, Object>> slots = slots(GREEDY_KEY, TIGHT, "2026-03-02", "2026-03-06");
        for (int i = 0; i < 3; i++) {
            assertThat(hold(GREEDY_KEY, TIGHT, slots.get(i), "TIGHT-" + i, "HMS-TIGHT-" + i).status()).isEqualTo(201);
        }

        Reply fourth = hold(GREEDY_KEY, TIGHT, slots.get(3), "TIGHT-3", "HMS-TIGHT-3");
        assertProblem(fourth, 429, "hold-quota-exceeded");
        assertThat(fourth.string("detail")).contains("holds.max-per-client");
        assertThat(fourth.header("Retry-After")).isEqualTo("300");

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        sweeper.sweep();
        assertThat(hold(GREEDY_KEY, TIGHT, slots.get(3), "TIGHT-3", "HMS-TIGHT-3").status()).as("the three expired")
                .isEqualTo(201);
    }

    @Test
    void parallelHoldsOfOneClientAreCountedAtomically() throws Exception {
        Map<String, List<Map<String, Object>>> days = slots(RACER_KEY, CONTEST, FIRST_DAY, "2026-03-13").stream()
                .collect(Collectors.groupingBy(HoldQuotasApiTest::day));
        List<Map<String, Object>> day = days.values().stream().filter(slots -> slots.size() == 2).findFirst().orElseThrow();

        List<Integer> statuses = AtOnce.results(20, i -> hold(RACER_KEY, CONTEST, day.get(i % 2), "RACE-" + i, "HMS-RACE-" + i)
                .status());

        assertThat(statuses).as("two places that day, five visits each: one hold for one client")
                .filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(19);
    }
}
