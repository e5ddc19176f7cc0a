package dev.slotbridge.engine.idempotency;

/** A key as the caller sent it, scoped to the client and council: two clients never share a key. */
public record IdempotencyKey(String client, String council, String key) {
}
