package dev.slotbridge.engine.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Makes the libraries' meters pass {@code promtool check metrics}: every meter has help text, no name ends in an
 * abbreviated unit ({@code process.cpu.time} in ns is dropped: {@code process_cpu_usage} and the process's own
 * accounting cover it) and no gauge ends in {@code _count} ({@code system.cpu.count} becomes {@code system.cpus}).
 */
@Singleton
final class PrometheusNaming implements MeterFilter {
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "executor", "Time tasks took to run on the server's executors");

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        return id.getName().equals("process.cpu.time") ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        Meter.Id named = id.getName().equals("system.cpu.count") ? id.withName("system.cpus") : id;
        if (named.getDescription() != null && !named.getDescription().isBlank()) {
            return named;
        }
        String description = DESCRIPTIONS.getOrDefault(named.getName(), named.getName().replace('.', ' '));
        return new Meter.Id(named.getName(), Tags.of(named.getTagsAsIterable()), named.getBaseUnit(), description,
                named.getType());
    }
}
