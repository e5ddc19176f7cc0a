package dev.slotbridge.engine.idempotency;

import dev.slotbridge.tck.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link IdempotencyStore} does, run against the in-memory store and against a real Redis. A request is
 * known by its fingerprint ({@code "request"}, {@code "other"} here).
 */
public abstract class IdempotencyStoreContract {
    protected static final IdempotencyProperties PROPERTIES = new IdempotencyProperties(Duration.ofHours(24), 3, 1024, Duration.ofSeconds(30));
    protected final TestClock clock = new TestClock(Instant.parse("2026-03-01T09:00:00Z"));
    protected final StoredAnswer answer = new StoredAnswer(201, "ref", "/v1/x", "{\"bookingRef\":\"ref\"}".getBytes(StandardCharsets.UTF_8));
    protected IdempotencyStore store;

    /** A new, empty store reading time from {@link #clock}. */
    protected abstract IdempotencyStore createStore(IdempotencyProperties properties);

    @BeforeEach
    final void createStore() {
        store = createStore(PROPERTIES);
    }

    protected static IdempotencyKey key(String key) {
        return new IdempotencyKey("client", "council", key);
    }

    @Test
    void aCompletedKeyReplaysAndAnotherRequestIsAMismatch() {
        assertThat(store.begin(key("a"), "request")).isInstanceOf(IdempotencyStore.Claim.Claimed.class);
        store.complete(key("a"), answer);

        assertThat(store.begin(key("a"), "request")).isEqualTo(new IdempotencyStore.Claim.Replay(answer));
        assertThat(store.begin(key("a"), "other")).isInstanceOf(IdempotencyStore.Claim.Mismatch.class);
    }

    @Test
    void anAbandonedKeyCanBeClaimedAgain() {
        store.begin(key("a"), "request");
        store.abandon(key("a"));

        assertThat(store.begin(key("a"), "request")).isInstanceOf(IdempotencyStore.Claim.Claimed.class);
    }

    @Test
    void keysExpireAfterTheTtl() {
        store.begin(key("a"), "request");
        store.complete(key("a"), answer);

        clock.advance(Duration.ofHours(24));

        assertThat(store.begin(key("a"), "other")).isInstanceOf(IdempotencyStore.Claim.Claimed.class);
    }

    @Test
    void aClientAtItsBoundIsRefusedNewKeysAndForgetsNoLiveOne() {
        for (String name : new String[]{"a", "b", "c"}) {
            store.begin(key(name), "request");
            store.complete(key(name), answer);
            clock.advance(Duration.ofHours(1));
        }

        assertThat(store.begin(key("d"), "request")).as("21 hours until the oldest key expires")
                .isEqualTo(new IdempotencyStore.Claim.Full(Duration.ofHours(21)));
        assertThat(store.begin(key("a"), "request")).isEqualTo(new IdempotencyStore.Claim.Replay(answer));

        clock.advance(Duration.ofHours(21));
        assertThat(store.begin(key("d"), "request")).isInstanceOf(IdempotencyStore.Claim.Claimed.class);
        assertThat(store.begin(key("b"), "request")).isEqualTo(new IdempotencyStore.Claim.Replay(answer));
    }

    @Test
    void aClientWhoseKeptAnswersReachTheirSizeIsRefusedNewKeysUntilOneExpires() {
        StoredAnswer large = new StoredAnswer(201, "ref", "/v1/x", new byte[600]);
        store.begin(key("a"), "request");
        store.complete(key("a"), large);
        clock.advance(Duration.ofHours(1));
        store.begin(key("b"), "request");
        store.complete(key("b"), large);

        assertThat(store.begin(key("c"), "request")).as("1,200 of 1,024 bytes kept; 23 hours until the oldest expires")
                .isEqualTo(new IdempotencyStore.Claim.Full(Duration.ofHours(23)));
        assertThat(store.begin(new IdempotencyKey("other-client", "council", "c"), "request")).as("another client")
                .isInstanceOf(IdempotencyStore.Claim.Claimed.class);
        assertThat(store.begin(key("a"), "request")).isEqualTo(new IdempotencyStore.Claim.Replay(large));

        clock.advance(Duration.ofHours(23));
        assertThat(store.begin(key("c"), "request")).as("the oldest answer expired: 600 bytes kept")
                .isInstanceOf(IdempotencyStore.Claim.Claimed.class);
    }

    @Test
    void anotherClientsTrafficNeverErasesAClientsRecords() {
        store.begin(key("mine"), "request");
        store.complete(key("mine"), answer);
        for (int i = 0; i < 300; i++) {
            IdempotencyKey theirs = new IdempotencyKey("other-client", "council", "k" + i);
            if (store.begin(theirs, "request") instanceof IdempotencyStore.Claim.Claimed) {
                store.complete(theirs, answer);
            }
        }

        assertThat(store.begin(key("mine"), "request")).isEqualTo(new IdempotencyStore.Claim.Replay(answer));
    }

    @Test
    void aRepeatWaitsAtMostWaitForInFlightThenTheKeyIsInUse() {
        IdempotencyStore patient = createStore(new IdempotencyProperties(Duration.ofHours(24), 3, 1024, Duration.ofMillis(200)));
        assertThat(patient.begin(key("busy"), "request")).isInstanceOf(IdempotencyStore.Claim.Claimed.class);

        assertThat(patient.begin(key("busy"), "request")).isInstanceOf(IdempotencyStore.Claim.InUse.class);
    }

    @Test
    void anUnresolvedKeyMakesTheNextRequestAskTheSchedulerFirst() {
        store.begin(key("a"), "request");
        store.unresolved(key("a"));

        assertThat(store.begin(key("a"), "request")).isInstanceOf(IdempotencyStore.Claim.Unresolved.class);
        store.complete(key("a"), answer);
        assertThat(store.begin(key("a"), "request")).isEqualTo(new IdempotencyStore.Claim.Replay(answer));
    }

    @Test
    void aRepeatWhileTheFirstIsInFlightWaitsForItsAnswer() throws Exception {
        store.begin(key("a"), "request");
        CompletableFuture<Void> repeatStarted = new CompletableFuture<>();
        try (ExecutorService thread = Executors.newSingleThreadExecutor()) {
            Future<IdempotencyStore.Claim> repeat = thread.submit(() -> {
                repeatStarted.complete(null);
                return store.begin(key("a"), "request");
            });
            repeatStarted.get();
            store.complete(key("a"), answer);

            assertThat(repeat.get()).isEqualTo(new IdempotencyStore.Claim.Replay(answer));
        }
    }
}
