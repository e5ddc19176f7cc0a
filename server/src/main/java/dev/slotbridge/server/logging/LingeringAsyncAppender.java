package dev.slotbridge.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Queues log events for one writer thread, which formats and writes them through the attached appenders in batches,
 * waking every {@code lingerMillis} while events keep coming instead of once per event.
 *
 * <p>Logback's {@code AsyncAppender} wakes its worker for nearly every event when the server is not saturated: a
 * request line per request meant a thread woken (a system call on each side) per request, about a tenth of the CPU
 * of a scheduler search at a scheduler's pace. Here a request thread only queues the event; the writer, once idle for
 * a while ({@code idleLingers} rounds with nothing to write), sleeps until an event comes, and only then is woken by
 * the thread that queues it. A full queue makes callers wait for room rather than drop lines; events are written in
 * the order they were queued; stopping writes what is queued (for up to {@value #MAX_FLUSH_MILLIS} ms).
 */
public final class LingeringAsyncAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
        implements AppenderAttachable<ILoggingEvent> {
    private static final int MAX_FLUSH_MILLIS = 1000;

    private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();
    private int queueSize = 8192;
    private int lingerMillis = 10;
    private int idleLingers = 20;
    private ArrayBlockingQueue<ILoggingEvent> queue;
    private Thread writer;
    /** True while the writer sleeps until woken (not lingering): whoever queues an event then wakes it. */
    private volatile boolean asleep;

    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    public void setLingerMillis(int lingerMillis) {
        this.lingerMillis = lingerMillis;
    }

    public void setIdleLingers(int idleLingers) {
        this.idleLingers = idleLingers;
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        if (queueSize < 1 || lingerMillis < 1) {
            addError("queueSize and lingerMillis must be positive");
            return;
        }
        queue = new ArrayBlockingQueue<>(queueSize);
        super.start();
        writer = Thread.ofPlatform().daemon().name("log-writer-" + getName()).start(this::write);
    }

    @Override
    protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        if (!queue.offer(event)) {
            LockSupport.unpark(writer);
            boolean interrupted = false;
            while (true) {
                try {
                    queue.put(event);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (asleep) {
            LockSupport.unpark(writer);
        }
    }

    private void write() {
        List<ILoggingEvent> batch = new ArrayList<>();
        int idle = 0;
        while (isStarted()) {
            if (queue.drainTo(batch) > 0) {
                batch.forEach(appenders::appendLoopOnAppenders);
                batch.clear();
                idle = 0;
            } else if (++idle > idleLingers) {
                asleep = true;
                if (queue.isEmpty() && isStarted()) {
                    LockSupport.park(this);
                }
                asleep = false;
                continue;
            }
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(lingerMillis));
        }
        queue.drainTo(batch);
        batch.forEach(appenders::appendLoopOnAppenders);
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        LockSupport.unpark(writer);
        try {
            writer.join(MAX_FLUSH_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            addWarn("the log writer did not write every queued event within " + MAX_FLUSH_MILLIS + " ms");
        }
        appenders.detachAndStopAllAppenders();
    }

    @Override
    public void addAppender(Appender<ILoggingEvent> appender) {
        appenders.addAppender(appender);
    }

    @Override
    public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
        return appenders.iteratorForAppenders();
    }

    @Override
    public Appender<ILoggingEvent> getAppender(String name) {
        return appenders.getAppender(name);
    }

    @Override
    public boolean isAttached(Appender<ILoggingEvent> appender) {
        return appenders.isAttached(appender);
    }

    @Override
    public void detachAndStopAllAppenders() {
        appenders.detachAndStopAllAppenders();
    }

    @Override
    public boolean detachAppender(Appender<ILoggingEvent> appender) {
        return appenders.detachAppender(appender);
    }

    @Override
    public boolean detachAppender(String name) {
        return appenders.detachAppender(name);
    }
}
