package dev.slotbridge.provider.sandbox;

import java.time.LocalTime;

/** The named visit windows of every working day in the sandbox diary, in the council's time zone. */
enum SandboxWindow {
    AM(LocalTime.of(8, 0), LocalTime.of(12, 0)),
    PM(LocalTime.of(12, 0), LocalTime.of(16, 0));

    final LocalTime start;
    final LocalTime end;

    SandboxWindow(LocalTime start, LocalTime end) {
        this.start = start;
        this.end = end;
    }
}
