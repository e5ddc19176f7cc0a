package dev.slotbridge.provider.connect.wire;

/** A PlanningWindow: a named visit window, in local wall-clock hours and minutes. */
public record PlanningWindow(int id, String name, int startHour, int startMinute, int endHour, int endMinute) {
}
