package dev.slotbridge.server.startup;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.provider.drs.FakeDrs;
import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.Requests;
import dev.slotbridge.store.redis.RedisServer;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of the real jar sharing a real Redis, in front of one DRS fake. The replica booking a job is killed
 * ({@code kill -9}) after DRS carried out the booking and before the replica could answer; the repeat, with the same
 * {@code Idempotency-Key}, on the other replica waits for the dead replica's claim to lapse, asks DRS, and answers the
 * booking that was made, sending nothing more.
 */
final class ReplicaKilledIT {
    private static final String COUNCIL = "/v1/councils/lincoln";

    @Test
    void theRepeatOnAnotherReplicaReconcilesAndBooksNothingMore(@TempDir Path work) throws Exception {
        FakeDrs drs = new FakeDrs();
        WireMockServer gateway = FakeDrs.server(drs);
        gateway.start();
        try (RedisServer redis = RedisServer.start()) {
            Path config = Files.writeString(work.resolve("replicas.yml"), """
                    slotbridge:
                      store:
                        type: redis
                        redis:
                          uri: %s
                      clients:
                        ops:
                          key-sha256: 2c69bc9111c27110a9b9a7974ba3f8ac0c053c16b23a0738115ee829fbc4d57b
                          councils: [lincoln]
                          permissions: [search, book, manage-all, personal-data]
                      councils:
                        lincoln:
                          provider: drs
                          settings:
                            endpoint: %s
                            username: %s
                            password: "%s"
                            contract: "0"
                    """.formatted(redis.uri(), gateway.baseUrl() + FakeDrs.PATH, FakeDrs.LOGIN, FakeDrs.PASSWORD));
            Map<String, String> environment = Map.of("MICRONAUT_CONFIG_FILES", config.toString());
            JsonMapper json = JsonMapper.createDefault();
            try (ServerJar doomed = ServerJar.start(work, environment).awaitStarted();
                 ServerJar survivor = ServerJar.start(work, environment).awaitStarted()) {
                Api first = new Api(doomed.base, json);
                Api second = new Api(survivor.base, json);
                String day = LocalDate.now(ZoneId.of("Europe/London")).plusDays(7).with(TemporalAdjusters.next(DayOfWeek.TUESDAY)).toString();
                String slotId = (String) first.post(Api.OPS_KEY, COUNCIL + "/appointment-search",
                        Requests.search(day, day)).list("slots").getFirst().get("slotId");
                Map<String, Object> body = Requests.book(slotId, "HMS-KILLED-1");
                Map<String, String> key = Map.of("Idempotency-Key", "killed-1");

                drs.loseNextAnswer("scheduleBooking", FakeDrs.LostAnswer.LATE);
                CompletableFuture.runAsync(() -> first.post(Api.OPS_KEY, COUNCIL + "/bookings", body, key));
                awaitScheduled(drs);
                doomed.kill();

                Reply repeat = second.post(Api.OPS_KEY, COUNCIL + "/bookings", body, key);

                assertThat(repeat.status()).as(repeat.text()).isEqualTo(201);
                assertThat(drs.orderCount()).as(drs.orders().toString()).isEqualTo(1);
                assertThat(drs.orders().getFirst()).doesNotContain("none", "deleted");
                assertThat(survivor.output()).as("the survivor asked DRS before answering")
                        .contains("booking outcome was unknown: council=lincoln asked the scheduler, result=booked");
                assertThat(second.post(Api.OPS_KEY, COUNCIL + "/bookings", body, key).string("bookingRef"))
                        .isEqualTo(repeat.string("bookingRef"));
            }
        } finally {
            gateway.stop();
        }
    }

    /** Until DRS has carried out the booking (its answer is then held back for two seconds). */
    private static void awaitScheduled(FakeDrs drs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (drs.orders().isEmpty() || drs.orders().getFirst().endsWith(" none")) {
            assertThat(System.nanoTime()).as("DRS received the booking").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
