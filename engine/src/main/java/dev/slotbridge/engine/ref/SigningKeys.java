package dev.slotbridge.engine.ref;

import java.util.List;

/**
 * The keys that sign slot ids, hold ids and booking refs ({@code slotbridge.signing-key}): the first signs, every one
 * verifies, so a key can be rotated without invalidating the refs clients hold — add the new key first, keep the old
 * one after it until refs signed with it have expired, then drop it.
 */
public record SigningKeys(List<byte[]> keys) {
    public SigningKeys {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one signing key is needed");
        }
        keys = List.copyOf(keys);
    }

    public static SigningKeys of(byte[]... keys) {
        return new SigningKeys(List.of(keys));
    }
}
