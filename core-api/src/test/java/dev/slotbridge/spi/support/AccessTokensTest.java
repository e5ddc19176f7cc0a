package dev.slotbridge.spi.support;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared OAuth2 token rule: cached, renewed early, forgotten on a 401 and the call resent once. */
final class AccessTokensTest {
    private final MovableClock clock = new MovableClock();
    private final AtomicInteger issued = new AtomicInteger();

    private AccessTokens tokens(Duration lifetime) {
        return new AccessTokens(() -> new AccessTokens.Issued("token-" + issued.incrementAndGet(), lifetime), clock);
    }

    @Test
    void aTokenIsKeptUntilAMinuteBeforeItExpires() {
        AccessTokens tokens = tokens(Duration.ofHours(1));
        assertThat(tokens.token()).isEqualTo("token-1");

        clock.advance(Duration.ofMinutes(58));
        assertThat(tokens.token()).isEqualTo("token-1");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(tokens.token()).isEqualTo("token-2");
    }

    @Test
    void aShortLivedTokenIsRenewedAtHalfItsLifeAndOneWithoutLifetimeLastsAnHour() {
        AccessTokens shortLived = tokens(Duration.ofSeconds(60));
        shortLived.token();
        clock.advance(Duration.ofSeconds(31));
        assertThat(shortLived.token()).isEqualTo("token-2");

        AccessTokens unknown = tokens(null);
        assertThat(unknown.token()).isEqualTo("token-3");
        clock.advance(Duration.ofMinutes(58));
        assertThat(unknown.token()).isEqualTo("token-3");
    }

    @Test
    void a401IsAnsweredByOneFreshTokenAndOneResend() {
        AccessTokens tokens = tokens(Duration.ofHours(1));
        List<String> sentWith = new ArrayList<>();

        HttpResponse<String> answer = tokens.send(token -> {
            sentWith.add(token);
            return new Answer(sentWith.size() == 1 ? 401 : 200);
        });

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(sentWith).containsExactly("token-1", "token-2");
        assertThat(tokens.token()).as("the fresh token is kept").isEqualTo("token-2");

        HttpResponse<String> refused = tokens.send(token -> {
            sentWith.add(token);
            return new Answer(401);
        });
        assertThat(refused.statusCode()).as("a second 401 is the caller's to report").isEqualTo(401);
        assertThat(sentWith).containsExactly("token-1", "token-2", "token-2", "token-3");
    }

    @Test
    void forgettingATokenAnotherCallerReplacedKeepsTheNewOne() {
        AccessTokens tokens = tokens(Duration.ofHours(1));
        String old = tokens.token();
        tokens.invalidate(old);
        String fresh = tokens.token();

        tokens.invalidate(old);

        assertThat(tokens.token()).isEqualTo(fresh).isEqualTo("token-2");
    }

    @Test
    void aProbesTokenLeavesTheCachedOneAlone() {
        AccessTokens tokens = tokens(Duration.ofHours(1));
        String cached = tokens.token();

        assertThat(tokens.issueNew().value()).isEqualTo("token-2");
        assertThat(tokens.token()).isEqualTo(cached);
        assertThat(tokens.issueNew().toString()).doesNotContain("token-3");
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private record Answer(int statusCode) implements HttpResponse<String> {
        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(URI.create("http://scheduler.invalid/")).build();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return HttpHeaders.of(Map.of(), (name, value) -> true);
        }

        @Override
        public String body() {
            return "";
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return URI.create("http://scheduler.invalid/");
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
