package dev.slotbridge.door.v1;

import dev.slotbridge.server.testing.Api.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static dev.slotbridge.door.v1.ProblemAssertions.assertProblem;
import static dev.slotbridge.server.testing.Api.DEMO_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** Each API key has its own request budget; past it, 429 with Retry-After. */
@MicronautTest
class RateLimitApiTest extends ApiTestBase {

    @Test
    void aClientPastItsLimitIsRateLimitedAndOthersAreNot() {
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("limited-key", "/v1/councils").status()).isEqualTo(200);
        }

        Reply limited = api.get("limited-key", "/v1/councils");

        assertProblem(limited, 429, "rate-limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(api.get(DEMO_KEY, "/v1/councils").status()).isEqualTo(200);
        assertThat(api.get(null, "/prometheus").text())
                .contains("slotbridge_ratelimit_rejections_total{client=\"limited\"} 1.0");
    }
}
