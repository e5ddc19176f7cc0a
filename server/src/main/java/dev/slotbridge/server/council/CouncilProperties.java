package dev.slotbridge.server.council;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;

import java.util.Map;

/**
 * One council from {@code slotbridge.councils.<id>}: its display name, the {@code ProviderFactory} name, the time
 * zone its dates and wall-clock times are in, and the settings map handed to the provider.
 */
@EachProperty("slotbridge.councils")
public record CouncilProperties(
        @Parameter String id,
        @Nullable String name,
        @Nullable String provider,
        @Nullable String zone,
        @Nullable @MapFormat(transformation = MapFormat.MapTransformation.FLAT, keyFormat = StringConvention.RAW)
        Map<String, String> settings) {
}
