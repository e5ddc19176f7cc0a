package dev.slotbridge.engine.security;

import java.time.Duration;

/** How many requests a client may make per period ({@code slotbridge.clients.<name>.rate-limit}). */
public record RateLimit(int requests, Duration period) {
    public static final RateLimit DEFAULT = new RateLimit(100, Duration.ofSeconds(1));
}
