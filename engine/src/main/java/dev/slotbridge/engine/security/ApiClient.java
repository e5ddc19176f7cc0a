package dev.slotbridge.engine.security;

import java.util.Map;
import java.util.Set;

/** An authenticated caller: the client's name, the councils its key may use, its rate limit and its permissions. */
public record ApiClient(String name, Set<String> councils, RateLimit rateLimit, Map<String, Set<Permission>> permissions) {
    /** The request attribute the key filter stores the caller under. */
    public static final String ATTRIBUTE = "slotbridge.client";

    /** @param permissions by council id; a council absent here grants nothing */
    public ApiClient {
        councils = Set.copyOf(councils);
        permissions = Map.copyOf(permissions);
    }

    public boolean mayUse(String councilId) {
        return councils.contains(councilId);
    }

    /** Whether the client has the permission at the council (which it must be allowed to use). */
    public boolean may(String councilId, Permission permission) {
        Set<Permission> granted = permissions.get(councilId);
        return mayUse(councilId) && granted != null && granted.contains(permission);
    }
}
