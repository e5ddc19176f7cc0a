package dev.slotbridge.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link LingeringAsyncAppender}: every event written once, in order, whether the writer lingers, sleeps or stops. */
final class LingeringAsyncAppenderTest {
    private final LoggerContext context = new LoggerContext();
    private final List<String> written = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch expected = new CountDownLatch(0);

    private LingeringAsyncAppender appender(int queueSize, int idleLingers) {
        context.setMDCAdapter(new LogbackMDCAdapter());
        AppenderBase<ILoggingEvent> sink = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                written.add(event.getFormattedMessage() + " on " + Thread.currentThread().getName());
                expected.countDown();
            }
        };
        sink.setContext(context);
        sink.start();
        LingeringAsyncAppender appender = new LingeringAsyncAppender();
        appender.setContext(context);
        appender.setName("test");
        appender.setQueueSize(queueSize);
        appender.setLingerMillis(1);
        appender.setIdleLingers(idleLingers);
        appender.addAppender(sink);
        appender.start();
        return appender;
    }

    private ILoggingEvent event(String message, Object... arguments) {
        return new LoggingEvent("test", context.getLogger("test"), Level.INFO, message, null, arguments);
    }

    @Test
    void eventsAreWrittenInOrderOnTheWritersThreadAndStoppingWritesWhatIsQueued() {
        LingeringAsyncAppender appender = appender(4, 20);

        for (int i = 0; i < 100; i++) {
            appender.doAppend(event("line {}", i));
        }
        appender.stop();

        assertThat(written).hasSize(100);
        for (int i = 0; i < 100; i++) {
            assertThat(written.get(i)).isEqualTo("line " + i + " on log-writer-test");
        }
    }

    @Test
    void aWriterAsleepIsWokenByTheNextEvent() throws InterruptedException {
        LingeringAsyncAppender appender = appender(16, 0);
        expected = new CountDownLatch(1);
        appender.doAppend(event("first"));
        assertThat(expected.await(10, TimeUnit.SECONDS)).isTrue();

        for (int i = 0; i < 5; i++) {
            expected = new CountDownLatch(1);
            appender.doAppend(event("after a sleep {}", i));
            assertThat(expected.await(10, TimeUnit.SECONDS)).as("written without stopping the appender").isTrue();
        }
        appender.stop();

        assertThat(written).hasSize(6);
    }
}
