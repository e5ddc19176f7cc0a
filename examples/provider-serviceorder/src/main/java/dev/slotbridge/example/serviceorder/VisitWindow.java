package dev.slotbridge.example.serviceorder;

import java.time.LocalTime;

/** One of the council's standard visit windows, e.g. {@code AM=08:00-12:00}. */
record VisitWindow(String label, LocalTime start, LocalTime end) {
}
