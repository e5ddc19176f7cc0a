package dev.slotbridge.example.serviceorder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.tck.StoredBooking;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A service-order API for tests: tenant {@code t1}, store {@code s1}, key {@code test-api-key}. Orders live in
 * memory; a deleted order stays readable with state {@code DELETED}. Stubs only pass requests with the bearer key
 * (another key gets 401), and creations carrying the fields the plugin must send; anything else gets WireMock's 404.
 */
final class FakeServiceOrderApi implements ResponseDefinitionTransformerV2 {
    static final String KEY = "test-api-key";
    static final String ORDERS = "/tenants/t1/stores/s1/service-orders";
    private static final String NAME = "fake-service-orders";

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, ObjectNode> orders = new ConcurrentSkipListMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    /** A WireMock server playing the API, not yet started. */
    static WireMockServer server(FakeServiceOrderApi api) {
        WireMockServer server = new WireMockServer(options().dynamicPort().extensions(api));
        server.stubFor(post(urlPathEqualTo(ORDERS))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.externalReference"))
                .withRequestBody(matchingJsonPath("$.customerReference"))
                .withRequestBody(matchingJsonPath("$.plannedStart", matching("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")))
                .withRequestBody(matchingJsonPath("$.plannedEnd"))
                .withRequestBody(matchingJsonPath("$.items[0].articleNumber"))
                .willReturn(aResponse().withTransformers(NAME)));
        server.stubFor(any(urlPathMatching(ORDERS + "(/[A-Za-z0-9_-]+)?")).atPriority(10)
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .willReturn(aResponse().withTransformers(NAME)));
        server.stubFor(any(urlPathMatching(ORDERS + "(/[A-Za-z0-9_-]+)?")).atPriority(20)
                .willReturn(aResponse().withStatus(401)));
        return server;
    }

    void reset() {
        orders.clear();
    }

    int count() {
        return orders.size();
    }

    /** The service order as the API keeps it, in the booking's uniform fields. */
    Optional<StoredBooking> record(String uid) {
        ObjectNode order = orders.get(uid);
        if (order == null) {
            return Optional.empty();
        }
        List<JobCode> codes = new ArrayList<>();
        order.path("items").forEach(item -> codes.add(new JobCode(item.path("articleNumber").asText(),
                item.path("quantity").asInt())));
        JsonNode contact = order.path("contact");
        return Optional.of(new StoredBooking(new Job(order.path("customerReference").asText(), codes,
                order.path("priority").asText(null), order.path("externalReference").asText(null),
                order.path("description").asText(null)),
                contact.isObject() ? new Contact(contact.path("name").asText(null), contact.path("phone").asText(null),
                        contact.path("email").asText(null)) : null,
                order.path("notes").asText(null)));
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        var request = event.getRequest();
        String path = request.getUrl().split("\\?")[0];
        String uid = path.length() > ORDERS.length() ? path.substring(ORDERS.length() + 1) : null;
        return switch (request.getMethod().getName()) {
            case "POST" -> create(request.getBodyAsString());
            case "GET" -> uid == null ? page(request.queryParameter("page").firstValue(),
                    request.queryParameter("pageSize").firstValue()) : one(uid);
            case "DELETE" -> delete(uid);
            default -> responseDefinition().withStatus(405).build();
        };
    }

    private ResponseDefinition create(String body) {
        ObjectNode order = (ObjectNode) read(body);
        String uid = "so-" + sequence.incrementAndGet();
        order.put("serviceOrderUid", uid).put("state", "OPEN");
        orders.put(uid, order);
        return answer(201, order);
    }

    private ResponseDefinition page(String pageText, String sizeText) {
        int page = Integer.parseInt(pageText);
        int size = Integer.parseInt(sizeText);
        List<ObjectNode> all = new ArrayList<>(orders.values());
        ObjectNode answer = json.createObjectNode().put("page", page).put("pageSize", size).put("total", all.size());
        var data = answer.putArray("data");
        all.stream().skip((long) (page - 1) * size).limit(size).forEach(data::add);
        return answer(200, answer);
    }

    private ResponseDefinition one(String uid) {
        ObjectNode order = orders.get(uid);
        return order == null ? responseDefinition().withStatus(404).build() : answer(200, order);
    }

    private ResponseDefinition delete(String uid) {
        ObjectNode order = orders.get(uid);
        if (order == null || "DELETED".equals(order.path("state").asText())) {
            return responseDefinition().withStatus(404).build();
        }
        order.put("state", "DELETED");
        return responseDefinition().withStatus(204).build();
    }

    private ResponseDefinition answer(int status, JsonNode body) {
        try {
            return responseDefinition().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(json.writeValueAsString(body)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
