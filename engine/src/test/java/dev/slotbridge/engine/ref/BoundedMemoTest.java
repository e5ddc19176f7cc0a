package dev.slotbridge.engine.ref;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

final class BoundedMemoTest {
    private final AtomicInteger computed = new AtomicInteger();

    private String square(Integer key) {
        computed.incrementAndGet();
        return Integer.toString(key * key);
    }

    @Test
    void aValueIsWorkedOutOnceWhileKept() {
        BoundedMemo<Integer, String> memo = new BoundedMemo<>(100);

        assertThat(memo.get(12, this::square)).isEqualTo("144");
        assertThat(memo.get(12, this::square)).isEqualTo("144");

        assertThat(computed).hasValue(1);
    }

    @Test
    void atMostLimitValuesAreKept() {
        BoundedMemo<Integer, String> memo = new BoundedMemo<>(100);
        for (int i = 0; i < 1000; i++) {
            assertThat(memo.get(i, this::square)).isEqualTo(Integer.toString(i * i));
        }

        assertThat(memo.size()).isEqualTo(100);
    }
}
