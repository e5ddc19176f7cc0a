package dev.slotbridge.provider.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slotbridge.spi.error.BookingNotActiveException;
import dev.slotbridge.spi.error.BookingNotFoundException;
import dev.slotbridge.spi.error.InvalidRequestException;
import dev.slotbridge.spi.error.ProviderException;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SchedulerCredentialsRejectedException;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.error.SchedulerUnavailableException;
import dev.slotbridge.spi.error.SlotUnavailableException;
import dev.slotbridge.spi.support.AccessTokens;
import dev.slotbridge.spi.support.HttpTransport;
import dev.slotbridge.spi.support.SchedulerMessages;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends configured operations: builds each request (path values percent-encoded as one segment each, query values
 * percent-encoded, bodies rendered as JSON trees), authenticates it, reads the answer as JSON, and turns a "no" into
 * the SPI's exceptions — first by the council's error rules, then by status: 401/403 credentials rejected, 404 no such
 * booking (for operations on one booking; an unexpected answer otherwise), any other 4xx a refusal, 3xx unexpected.
 * An OAuth2 token is renewed once on a 401 ({@link AccessTokens}). Transport failures and 5xx come from
 * {@link HttpTransport}. Neither the secret nor bodies appear in messages.
 */
final class RestClient {
    private final RestSettings settings;
    private final HttpTransport transport;
    private final ObjectMapper json;
    private final AccessTokens tokens;

    RestClient(RestSettings settings, HttpTransport transport, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.transport = transport;
        this.json = json;
        this.tokens = settings.auth().type() == Auth.Type.OAUTH2_CLIENT_CREDENTIALS
                ? new AccessTokens(this::issueToken, clock) : null;
    }

    /** The operation's answer (null for an empty one), one page. */
    JsonNode call(Operation operation, Map<String, Object> values) {
        return call(operation, values, Map.of(), null);
    }

    /** The items the operation's answer holds at its {@code result}, over every page. */
    List<JsonNode> items(Operation operation, Map<String, Object> values) {
        Operation.Pagination pagination = operation.pagination();
        if (pagination == null) {
            return operation.result().items(call(operation, values));
        }
        List<JsonNode> all = new ArrayList<>();
        URI next = null;
        for (int page = 0; page < Operation.Pagination.MAX_PAGES; page++) {
            Map<String, String> paging = new LinkedHashMap<>();
            if (pagination.type() != Operation.Pagination.Type.NEXT_LINK) {
                paging.put(pagination.pageParam(), String.valueOf(pagination.type() == Operation.Pagination.Type.PAGE
                        ? pagination.firstPage() + page : (long) page * pagination.pageSize()));
            }
            if (pagination.sizeParam() != null && next == null) {
                paging.put(pagination.sizeParam(), String.valueOf(pagination.pageSize()));
            }
            URI uri = next != null ? next : uri(operation, values, paging);
            JsonNode answer = call(operation, uri, values, null);
            List<JsonNode> items = operation.result().items(answer);
            all.addAll(items);
            if (pagination.type() == Operation.Pagination.Type.NEXT_LINK) {
                Optional<String> link = pagination.next().text(answer);
                if (items.isEmpty() || link.isEmpty()) {
                    return all;
                }
                next = sameOrigin(operation, uri, link.get());
            } else if (items.isEmpty() || lastPage(operation, answer, items.size(), all.size())) {
                return all;
            }
        }
        throw new SchedulerResponseException(settings.schedulerName() + " answered " + where(operation)
                + " with more than " + Operation.Pagination.MAX_PAGES + " pages", null);
    }

    /**
     * The next page's link, relative links resolved; one that leaves the base URL's scheme, host and port is not
     * followed, so the council's credentials are only ever sent to its scheduler.
     */
    private URI sameOrigin(Operation operation, URI current, String link) {
        URI next;
        try {
            next = current.resolve(new URI(link));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new SchedulerResponseException(settings.schedulerName() + " answered " + where(operation)
                    + " with a next link that is not a URL", e);
        }
        URI base = settings.baseUrl();
        if (!base.getScheme().equalsIgnoreCase(next.getScheme()) || !base.getHost().equalsIgnoreCase(next.getHost())
                || base.getPort() != next.getPort()) {
            throw new SchedulerResponseException(settings.schedulerName() + " answered " + where(operation)
                    + " with a next link outside its base URL, which is not followed", null);
        }
        return next;
    }

    /**
     * Sends the operation once, never retried, with a token of its own for OAuth2 (the cached one is left alone):
     * the probe.
     */
    void probe(Operation operation, Map<String, Object> values) {
        call(operation, values, Map.of(), tokens == null ? null : tokens.issueNew().value());
    }

    private boolean lastPage(Operation operation, JsonNode answer, int onPage, int read) {
        Operation.Pagination pagination = operation.pagination();
        if (pagination.hasMore() != null) {
            return !pagination.hasMore().node(answer).map(JsonNode::asBoolean).orElse(false);
        }
        if (pagination.total() != null) {
            JsonNode total = pagination.total().node(answer).orElseThrow(() -> new SchedulerResponseException(
                    settings.schedulerName() + " answered " + where(operation) + " without its total", null));
            if (!total.canConvertToLong() && !(total.isTextual() && total.asText().matches("\\d{1,18}"))) {
                throw new SchedulerResponseException(settings.schedulerName() + " answered " + where(operation)
                        + " with a total that is not a whole number", null);
            }
            return read >= total.asLong();
        }
        return onPage < pagination.pageSize();
    }

    private JsonNode call(Operation operation, Map<String, Object> values, Map<String, String> paging, String probeToken) {
        return call(operation, uri(operation, values, paging), values, probeToken);
    }

    private JsonNode call(Operation operation, URI uri, Map<String, Object> values, String probeToken) {
        String body = operation.body() == null ? null : write(operation.body().render(values));
        HttpResponse<String> response;
        if (tokens == null) {
            response = send(operation, uri, body, null);
        } else if (probeToken != null) {
            response = send(operation, uri, body, probeToken);
        } else {
            response = tokens.send(token -> send(operation, uri, body, token));
            if (response.statusCode() == 401) {
                throw new SchedulerCredentialsRejectedException(settings.schedulerName()
                        + " refused a fresh access token (HTTP 401) for " + where(operation));
            }
        }
        return answer(operation, response);
    }

    private HttpResponse<String> send(Operation operation, URI uri, String body, String token) {
        HttpRequest.Builder request = transport.request(uri).header("Accept", "application/json");
        settings.headers().forEach(request::header);
        operation.headers().forEach(request::header);
        authenticate(request, token);
        if (body == null) {
            request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(operation.method(), HttpRequest.BodyPublishers.ofString(body));
        }
        return transport.send(request.build());
    }

    private void authenticate(HttpRequest.Builder request, String token) {
        Auth auth = settings.auth();
        switch (auth.type()) {
            case NONE -> {
            }
            case API_KEY -> request.header(auth.header(), settings.secret());
            case BASIC -> request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (auth.username() + ":" + settings.secret()).getBytes(StandardCharsets.UTF_8)));
            case BEARER -> request.header("Authorization", "Bearer " + settings.secret());
            case OAUTH2_CLIENT_CREDENTIALS -> request.header("Authorization", "Bearer " + token);
        }
    }

    /** OAuth2 client credentials (RFC 6749 4.4), the client authenticating with HTTP Basic (2.3.1). */
    private AccessTokens.Issued issueToken() {
        Auth auth = settings.auth();
        String form = "grant_type=client_credentials" + (auth.scope() == null ? "" : "&scope=" + query(auth.scope()));
        String client = query(auth.clientId()) + ":" + query(settings.secret());
        HttpResponse<String> response = transport.send(transport.request(auth.tokenUrl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(client.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            throw new SchedulerCredentialsRejectedException(settings.schedulerName() + " refused the configured client "
                    + "credentials at its token endpoint (HTTP " + response.statusCode() + ")");
        }
        JsonNode answer = response.statusCode() == 200 ? parse(response.body()) : null;
        String token = answer == null ? null : answer.path("access_token").asText(null);
        if (token == null || token.isBlank()) {
            throw new SchedulerResponseException(settings.schedulerName() + " answered its token endpoint with HTTP "
                    + response.statusCode() + " and no access_token", null);
        }
        JsonNode expiresIn = answer.path("expires_in");
        return new AccessTokens.Issued(token, expiresIn.canConvertToLong() ? Duration.ofSeconds(expiresIn.asLong()) : null);
    }

    private JsonNode answer(Operation operation, HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode body;
        try {
            body = read(response.body());
        } catch (JsonProcessingException e) {
            if (status / 100 == 2) {
                throw new SchedulerResponseException(settings.schedulerName() + " answered " + where(operation)
                        + " with a body that is not JSON", e);
            }
            body = null;
        }
        for (ErrorRule rule : settings.errors()) {
            if (rule.matches(operation.kind(), status, body)) {
                throw failure(rule.kind(), operation, status, rule.message() == null ? Optional.empty() : rule.message().text(body));
            }
        }
        if (status / 100 == 2) {
            return body;
        }
        if (status == 401 || status == 403) {
            throw failure(ErrorRule.Kind.CREDENTIALS_REJECTED, operation, status, Optional.empty());
        }
        if (status == 404 && operation.kind().addressesBooking()) {
            throw failure(ErrorRule.Kind.NOT_FOUND, operation, status, Optional.empty());
        }
        if (status / 100 == 4 && status != 404) {
            throw failure(ErrorRule.Kind.REFUSED, operation, status, Optional.empty());
        }
        throw new SchedulerResponseException(settings.schedulerName() + " answered " + where(operation)
                + " with HTTP " + status, null);
    }

    private ProviderException failure(ErrorRule.Kind kind, Operation operation, int status, Optional<String> said) {
        String shown = said.flatMap(text -> SchedulerMessages.forCaller(text, settings.secret())).orElse(null);
        String base = settings.schedulerName() + " refused " + where(operation) + " (HTTP " + status + ")";
        return switch (kind) {
            case SLOT_TAKEN -> new SlotUnavailableException(settings.schedulerName() + " no longer offers that slot");
            case REFUSED -> new RejectedBySchedulerException(shown == null ? base : base + ": " + shown);
            case NOT_FOUND -> new BookingNotFoundException(settings.schedulerName() + " has no such booking");
            case NOT_ACTIVE -> new BookingNotActiveException(settings.schedulerName() + " says the booking is not active");
            case CREDENTIALS_REJECTED -> new SchedulerCredentialsRejectedException(settings.schedulerName()
                    + " refused the configured credentials (HTTP " + status + ") for " + where(operation));
            case UNAVAILABLE -> new SchedulerUnavailableException(settings.schedulerName() + " answered " + where(operation)
                    + " with HTTP " + status + ", which the configuration names a failure", false, null);
        };
    }

    private URI uri(Operation operation, Map<String, Object> values, Map<String, String> paging) {
        String path;
        try {
            path = operation.path().render(values, RestClient::segment);
        } catch (TextTemplate.MissingValueException e) {
            throw new InvalidRequestException(e.name(), "is required by this council's scheduler");
        }
        StringBuilder query = new StringBuilder();
        operation.query().forEach((name, template) -> {
            try {
                append(query, name, template.render(values, text -> text));
            } catch (TextTemplate.MissingValueException e) {
                // an optional value left out: the parameter is left out too
            }
        });
        paging.forEach((name, value) -> append(query, name, value));
        return URI.create(settings.baseUrl() + path + (query.isEmpty() ? "" : "?" + query));
    }

    private static void append(StringBuilder query, String name, String value) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(query(name)).append('=').append(query(value));
    }

    /** A value as one path segment: every reserved character encoded, and no dot segments. */
    private static String segment(String value) {
        if (value.isEmpty() || value.equals(".") || value.equals("..")) {
            throw new InvalidRequestException("path", "a value placed in the scheduler's path cannot be empty, . or ..");
        }
        return query(value);
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode read(String body) throws JsonProcessingException {
        return body == null || body.isBlank() ? null : json.readTree(body);
    }

    private JsonNode parse(String body) {
        try {
            return read(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String write(JsonNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    private static String where(Operation operation) {
        return operation.kind().key();
    }
}
