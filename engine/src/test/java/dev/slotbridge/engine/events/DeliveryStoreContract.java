package dev.slotbridge.engine.events;

import dev.slotbridge.tck.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link DeliveryStore} does with its {@link OutboxBound}, run against the in-memory store and a real
 * Redis: each endpoint keeps at most {@link #BOUND} undelivered deliveries, dropping its oldest dead-lettered first,
 * then its oldest pending, never the new one; and the last {@link OutboxBound#DELIVERED} delivered ones.
 */
public abstract class DeliveryStoreContract {
    protected static final int BOUND = 3;
    protected final TestClock clock = new TestClock(Instant.parse("2026-03-01T09:00:00Z"));
    protected DeliveryStore store;

    /** A new, empty store. */
    protected abstract DeliveryStore createStore(OutboxBound bound);

    @BeforeEach
    final void createStore() {
        store = createStore(new OutboxBound(BOUND));
    }

    /** A new pending delivery to the client's endpoint, recorded a second after the one before. */
    protected Delivery delivery(String id, String client, int endpoint) {
        clock.advance(Duration.ofSeconds(1));
        Instant now = clock.instant();
        return new Delivery(id, client, endpoint, "event-" + id, EventType.CREATED, "sandbox", "ref-" + id,
                "{\"id\":\"event-" + id + "\"}", now, 0, now, DeliveryStatus.PENDING, null);
    }

    protected Delivery delivery(String id) {
        return delivery(id, "portal", 0);
    }

    private List<DeliveryStore.Dropped> enqueue(Delivery delivery) {
        return store.enqueue(List.of(delivery));
    }

    private List<String> kept(String... ids) {
        List<String> kept = new ArrayList<>();
        for (String id : ids) {
            store.find(id).ifPresent(found -> kept.add(found.id()));
        }
        return kept;
    }

    private static List<String> ids(List<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::id).toList();
    }

    @Test
    void anEndpointKeepsAtMostTheBoundOfUndeliveredDeliveriesDroppingTheOldestPending() {
        for (String id : List.of("a", "b", "c")) {
            assertThat(enqueue(delivery(id))).isEmpty();
        }

        assertThat(enqueue(delivery("d"))).containsExactly(new DeliveryStore.Dropped("portal", 0, 1));
        assertThat(enqueue(delivery("e"))).containsExactly(new DeliveryStore.Dropped("portal", 0, 1));

        assertThat(kept("a", "b", "c", "d", "e")).containsExactly("c", "d", "e");
        assertThat(ids(store.list("portal", DeliveryStatus.PENDING, 100))).containsExactly("e", "d", "c");
        assertThat(ids(store.claimDue(clock.instant(), clock.instant().plusSeconds(60), 100)))
                .containsExactlyInAnyOrder("c", "d", "e");
    }

    @Test
    void deadLetteredDeliveriesAreDroppedBeforePendingOnes() {
        List.of("a", "b", "c").forEach(id -> enqueue(delivery(id)));
        Delivery b = store.find("b").orElseThrow();
        store.update(b.failedAttempt("HTTP 500", clock.instant(), true));

        enqueue(delivery("d"));
        assertThat(kept("a", "b", "c", "d")).as("the dead-lettered b went first").containsExactly("a", "c", "d");
        assertThat(store.list("portal", DeliveryStatus.FAILED, 100)).isEmpty();

        enqueue(delivery("e"));
        assertThat(kept("a", "c", "d", "e")).as("then the oldest pending").containsExactly("c", "d", "e");
    }

    @Test
    void theBoundIsPerEndpoint() {
        List.of("a", "b", "c").forEach(id -> enqueue(delivery(id)));

        assertThat(enqueue(delivery("other-endpoint", "portal", 1))).isEmpty();
        assertThat(enqueue(delivery("other-client", "ops", 0))).isEmpty();

        assertThat(kept("a", "b", "c", "other-endpoint", "other-client"))
                .containsExactly("a", "b", "c", "other-endpoint", "other-client");
    }

    @Test
    void aDeliveryStoredAgainAddsAndDropsNothing() {
        List<Delivery> three = List.of(delivery("a"), delivery("b"), delivery("c"));
        store.enqueue(three);

        assertThat(store.enqueue(three)).isEmpty();
        assertThat(kept("a", "b", "c")).containsExactly("a", "b", "c");
    }

    @Test
    void aDeliveryDroppedWhileItsAttemptRanStaysDropped() {
        enqueue(delivery("a"));
        Delivery claimed = store.claimDue(clock.instant(), clock.instant().plusSeconds(60), 10).getFirst();
        List.of("b", "c", "d").forEach(id -> enqueue(delivery(id)));

        store.update(claimed.delivered());
        store.postpone(claimed, clock.instant());

        assertThat(store.find("a")).isEmpty();
        assertThat(store.list("portal", DeliveryStatus.DELIVERED, 100)).isEmpty();
    }

    @Test
    void aKeptDeadLetteredDeliveryCanBeSentAgain() {
        enqueue(delivery("a"));
        Delivery a = store.find("a").orElseThrow();
        store.update(a.failedAttempt("timeout", clock.instant(), true));

        store.update(store.find("a").orElseThrow().redelivered(clock.instant()));

        assertThat(ids(store.claimDue(clock.instant(), clock.instant().plusSeconds(60), 10))).containsExactly("a");
    }

    @Test
    void anEndpointKeepsItsLastDeliveredOnes() {
        int sent = OutboxBound.DELIVERED + 2;
        for (int i = 0; i < sent; i++) {
            enqueue(delivery("d" + i));
            store.update(store.find("d" + i).orElseThrow().delivered());
        }

        List<Delivery> delivered = store.list("portal", DeliveryStatus.DELIVERED, 1000);
        assertThat(delivered).hasSize(OutboxBound.DELIVERED);
        assertThat(delivered.getFirst().id()).isEqualTo("d" + (sent - 1));
        assertThat(kept("d0", "d1", "d2")).containsExactly("d2");
    }
}
