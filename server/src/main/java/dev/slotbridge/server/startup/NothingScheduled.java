package dev.slotbridge.server.startup;

import io.micronaut.context.RuntimeBeanDefinition;
import io.micronaut.scheduling.ScheduledExecutorTaskScheduler;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The task scheduler of {@code check-config}: accepts every task and runs none (each comes back cancelled), so a check
 * sweeps no holds and sends no webhooks, with the shared store or any scheduler.
 */
final class NothingScheduled implements TaskScheduler {
    /** This scheduler, in place of Micronaut's, as the one {@code @Scheduled} methods are given. */
    static RuntimeBeanDefinition<TaskScheduler> replacingTheScheduler() {
        return RuntimeBeanDefinition.builder(TaskScheduler.class, NothingScheduled::new)
                .named(TaskExecutors.SCHEDULED).replaces(ScheduledExecutorTaskScheduler.class).singleton(true).build();
    }

    @Override
    public ScheduledFuture<?> schedule(String cron, Runnable command) {
        return new NotScheduled<>();
    }

    @Override
    public <V> ScheduledFuture<V> schedule(String cron, Callable<V> command) {
        return new NotScheduled<>();
    }

    @Override
    public ScheduledFuture<?> schedule(Duration delay, Runnable command) {
        return new NotScheduled<>();
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Duration delay, Callable<V> callable) {
        return new NotScheduled<>();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable command) {
        return new NotScheduled<>();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Duration initialDelay, Duration delay, Runnable command) {
        return new NotScheduled<>();
    }

    /** A task that never runs. */
    private static final class NotScheduled<V> implements ScheduledFuture<V> {
        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return true;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public V get() {
            throw new CancellationException("nothing is scheduled during check-config");
        }

        @Override
        public V get(long timeout, TimeUnit unit) {
            return get();
        }
    }
}
