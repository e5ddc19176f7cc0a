package dev.slotbridge.door.v1;

import dev.slotbridge.server.testing.Api.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks an answer is the contract's problem document, with no trace of internals. */
public final class ProblemAssertions {
    private ProblemAssertions() {
    }

    public static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.body()).containsEntry("type", "https://slotbridge.dev/problems/" + type)
                .containsEntry("status", status).containsKeys("title", "detail", "instance");
        assertThat(reply.text()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
