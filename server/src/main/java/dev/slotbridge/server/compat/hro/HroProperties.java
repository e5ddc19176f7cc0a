package dev.slotbridge.server.compat.hro;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code slotbridge.hro}: the Housing Repairs Online front door.
 *
 * @param jwtSecret  the HS256 key of the tokens {@code /authentication} issues; at least 32 characters
 * @param pathPrefix a path the routes are also served under (the front end's base URL path), e.g.
 *                   {@code api/v1/repairsonline}; they are always served at the root
 */
@ConfigurationProperties("slotbridge.hro")
public record HroProperties(@Nullable String jwtSecret, @Bindable(defaultValue = "") String pathPrefix) {
    /** The property whose presence turns the front door on. */
    public static final String FRONT_ENDS = "slotbridge.hro.front-ends";
}
