package dev.slotbridge.server.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies as a front-end would send them. */
public final class Requests {
    public static final String PROPERTY = "3670010";

    private Requests() {
    }

    public static Map<String, Object> search(String from, String to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("propertyRef", PROPERTY);
        body.put("jobCodes", List.of(Map.of("code", "N373049", "quantity", 1)));
        body.put("priority", "Priority 20 Days");
        body.put("from", from);
        body.put("to", to);
        return body;
    }

    public static Map<String, Object> job(String externalRef) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("propertyRef", PROPERTY);
        job.put("jobCodes", List.of(Map.of("code", "N373049", "quantity", 1)));
        job.put("priority", "Priority 20 Days");
        job.put("externalRef", externalRef);
        job.put("description", "Kitchen tap leaking under sink");
        return job;
    }

    public static Map<String, Object> book(String slotId, String externalRef) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slotId", slotId);
        body.put("job", job(externalRef));
        body.put("contact", Map.of("name", "Ann Tenant", "phone", "07700900123", "email", "ann@example.org"));
        body.put("accessNotes", "Dog in garden");
        return body;
    }
}
