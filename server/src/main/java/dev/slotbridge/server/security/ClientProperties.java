package dev.slotbridge.server.security;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * One API client from {@code slotbridge.clients.<name>}: the SHA-256 hex digest of its key (the key itself is never
 * configured) and the councils it may use.
 */
@EachProperty("slotbridge.clients")
public record ClientProperties(@Parameter String name, @Nullable String keySha256, @Nullable List<String> councils,
                               @Nullable List<String> permissions) {
}
