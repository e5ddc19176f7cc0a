package dev.slotbridge.example.serviceorder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SchedulerCredentialsRejectedException;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.support.HttpTransport;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The service-order operations the plugin uses: create, get, list (all pages) and delete, under
 * {@code /tenants/{tenant}/stores/{store}/service-orders}, authenticated with {@code Authorization: Bearer <api-key>}.
 */
final class ServiceOrderClient {
    private static final int PAGE_SIZE = 100;

    private final ServiceOrderSettings settings;
    private final HttpTransport transport;
    private final ObjectMapper json;

    ServiceOrderClient(ServiceOrderSettings settings, HttpTransport transport, ObjectMapper json) {
        this.settings = settings;
        this.transport = transport;
        this.json = json;
    }

    ServiceOrder create(ServiceOrder order) {
        HttpResponse<String> response = send(request(settings.serviceOrders())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(order))));
        return read(expectSuccess(response), ServiceOrder.class);
    }

    Optional<ServiceOrder> get(String uid) {
        HttpResponse<String> response = send(request(one(uid)).GET());
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(read(expectSuccess(response), ServiceOrder.class));
    }

    List<ServiceOrder> listAll() {
        List<ServiceOrder> orders = new ArrayList<>();
        for (int page = 1; ; page++) {
            ServiceOrder.Page answer = page(page, PAGE_SIZE);
            if (answer.data() != null) {
                orders.addAll(answer.data());
            }
            if (answer.data() == null || answer.data().isEmpty() || (long) page * answer.pageSize() >= answer.total()) {
                return orders;
            }
        }
    }

    /** {@code GET …/service-orders?page=&pageSize=}: one page of the store's orders. */
    ServiceOrder.Page page(int page, int pageSize) {
        URI uri = URI.create(settings.serviceOrders() + "?page=" + page + "&pageSize=" + pageSize);
        return read(expectSuccess(send(request(uri).GET())), ServiceOrder.Page.class);
    }

    /** @return false when the order no longer exists */
    boolean delete(String uid) {
        HttpResponse<String> response = send(request(one(uid)).DELETE());
        if (response.statusCode() == 404) {
            return false;
        }
        expectSuccess(response);
        return true;
    }

    private URI one(String uid) {
        return URI.create(settings.serviceOrders() + "/" + uid);
    }

    private HttpRequest.Builder request(URI uri) {
        return transport.request(uri).header("Accept", "application/json")
                .header("Authorization", "Bearer " + settings.apiKey());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpResponse<String> response = transport.send(request.build());
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new SchedulerCredentialsRejectedException("the service-order API refused the api-key (HTTP "
                    + response.statusCode() + ")");
        }
        return response;
    }

    private static HttpResponse<String> expectSuccess(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new RejectedBySchedulerException("the service-order API refused the request (HTTP "
                    + response.statusCode() + ")");
        }
        return response;
    }

    private <T> T read(HttpResponse<String> response, Class<T> type) {
        try {
            return json.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw new SchedulerResponseException("the service-order API answered something that is not a "
                    + type.getSimpleName(), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
