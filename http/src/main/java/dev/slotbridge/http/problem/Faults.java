package dev.slotbridge.http.problem;

import dev.slotbridge.engine.error.ErrorTable;
import dev.slotbridge.engine.error.Fault;
import dev.slotbridge.engine.error.ProblemType;
import io.micronaut.http.HttpResponse;

/** Whose fault an API answer is ({@link Fault}), from its problem type, or its status when it is no problem answer. */
public final class Faults {
    private Faults() {
    }

    /** The fault of this answer. */
    public static Fault of(HttpResponse<?> response) {
        ProblemType problem = response.getBody().filter(Problem.class::isInstance)
                .map(body -> ProblemType.of(((Problem) body).type())).orElse(null);
        return of(response.code(), problem);
    }

    /** The fault of an answer with this status, made from {@code problem} (null when it is no problem answer). */
    static Fault of(int status, ProblemType problem) {
        if (problem != null) {
            return ErrorTable.of(problem).fault();
        }
        if (status < 400) {
            return Fault.NONE;
        }
        if (status == 502 || status == 504) {
            return Fault.SCHEDULER;
        }
        return status >= 500 && status != 501 ? Fault.SLOTBRIDGE : Fault.CLIENT;
    }
}
