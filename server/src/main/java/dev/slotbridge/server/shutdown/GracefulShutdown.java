package dev.slotbridge.server.shutdown;

import dev.slotbridge.config.SlotbridgeConfiguration;
import dev.slotbridge.server.logging.ProcessExit;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.time.Duration;

/**
 * On SIGTERM: readiness turns DOWN and new requests get 503 at once ({@link ShutdownGate}); requests in flight finish,
 * for at most {@code slotbridge.shutdown.grace-period} (20 s); then the server stops and the process exits 0. A second
 * SIGTERM, or the grace period running out, stops it anyway (exit 0 after the period, since what was in flight was
 * given its time). Not installed in tests, whose JVM is not the server's.
 */
@Singleton
@Requires(notEnv = Environment.TEST)
final class GracefulShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

    private final ApplicationContext context;
    private final ShutdownGate gate;
    private final Duration gracePeriod;

    GracefulShutdown(ApplicationContext context, ShutdownGate gate, SlotbridgeConfiguration configuration) {
        this.context = context;
        this.gate = gate;
        this.gracePeriod = configuration.root().section("shutdown").duration("grace-period").orElseThrow();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        Signal.handle(new Signal("TERM"), signal -> Thread.ofPlatform().name("graceful-shutdown").start(this::shutDown));
    }

    private void shutDown() {
        if (gate.isDraining()) {
            return;
        }
        LOG.info("SIGTERM: draining; new requests get 503 and requests in flight have up to {} to finish", gracePeriod);
        gate.drain();
        try {
            if (!gate.awaitIdle(gracePeriod)) {
                LOG.warn("The grace period of {} ended with requests still in flight", gracePeriod);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        context.close();
        ProcessExit.exit(0);
    }
}
