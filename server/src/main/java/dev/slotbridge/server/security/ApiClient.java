package dev.slotbridge.server.security;

import java.util.Set;

/** An authenticated caller: the client's name and the councils its key may use. */
public record ApiClient(String name, Set<String> councils) {
    /** The request attribute the key filter stores the caller under. */
    public static final String ATTRIBUTE = "slotbridge.client";

    public ApiClient {
        councils = Set.copyOf(councils);
    }

    public boolean mayUse(String councilId) {
        return councils.contains(councilId);
    }
}
