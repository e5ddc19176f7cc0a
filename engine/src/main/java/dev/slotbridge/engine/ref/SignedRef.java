package dev.slotbridge.engine.ref;

import java.util.Map;

/**
 * What a signed ref carries: which council and provider issued it, and the provider's opaque values.
 */
public record SignedRef(String councilId, String providerName, Map<String, String> values) {
    public SignedRef {
        values = Map.copyOf(values);
    }
}
