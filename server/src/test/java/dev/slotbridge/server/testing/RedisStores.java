package dev.slotbridge.server.testing;

import dev.slotbridge.store.redis.RedisServer;

import java.util.HashMap;
import java.util.Map;

/** The configuration that puts a server on the Redis store. */
public final class RedisStores {
    private RedisStores() {
    }

    /** The shared test Redis, emptied first, so each test class starts from nothing. */
    public static Map<String, String> fresh() {
        RedisServer redis = RedisServer.shared();
        redis.flushAll();
        return on(redis);
    }

    /** The store type the server's readiness reports ({@code memory} or {@code redis}). */
    @SuppressWarnings("unchecked")
    public static String storeType(Api api) {
        Map<String, Object> store = (Map<String, Object>) api.get(Api.OPS_KEY, "/health/readiness").map("details").get("store");
        return (String) ((Map<String, Object>) store.get("details")).get("type");
    }

    public static Map<String, String> on(RedisServer redis) {
        Map<String, String> properties = new HashMap<>();
        properties.put("slotbridge.store.type", "redis");
        properties.put("slotbridge.store.redis.uri", redis.uri());
        properties.put("slotbridge.store.redis.timeout", "1s");
        properties.put("slotbridge.store.redis.reconnect-delay", "100ms");
        return properties;
    }
}
