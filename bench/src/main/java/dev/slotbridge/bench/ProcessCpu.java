package dev.slotbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A process's CPU time (user + system), read from {@code /proc/<pid>/stat}, in the kernel's clock ticks. */
final class ProcessCpu {
    private static final long NANOS_PER_TICK = 1_000_000_000L / clockTicksPerSecond();

    private ProcessCpu() {
    }

    /** {@code getconf CLK_TCK}: the unit of /proc's CPU times (100 on Linux). */
    private static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            String ticks = new String(getconf.getInputStream().readAllBytes()).strip();
            getconf.waitFor();
            return Long.parseLong(ticks);
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    static long nanos(long pid) throws IOException {
        return nanos(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    }

    /** The CPU time the JVM's JIT compiler threads ({@code C1/C2 CompilerThreadN}) of a process have used so far. */
    static long compilerNanos(long pid) throws IOException {
        long total = 0;
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads.toList()) {
                try {
                    if (Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                        total += nanos(Files.readString(thread.resolve("stat")));
                    }
                } catch (NoSuchFileException ended) {
                    // the thread ended since the listing
                }
            }
        }
        return total;
    }

    /** User + system time from a {@code stat} file's text. */
    private static long nanos(String stat) {
        // the command name (field 2) is in parentheses and may hold spaces: count fields after its closing one
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) * NANOS_PER_TICK;
    }
}
