package dev.slotbridge.server.security;

import java.util.Set;

/** An authenticated caller: the client's name, the councils its key may use, and its rate limit. */
public record ApiClient(String name, Set<String> councils, RateLimit rateLimit) {
    /** The request attribute the key filter stores the caller under. */
    public static final String ATTRIBUTE = "slotbridge.client";

    public ApiClient {
        councils = Set.copyOf(councils);
    }

    public boolean mayUse(String councilId) {
        return councils.contains(councilId);
    }
}
