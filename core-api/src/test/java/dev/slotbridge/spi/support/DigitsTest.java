package dev.slotbridge.spi.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Digits}: a fixed-width decimal field, or -1 when any of its characters is not a digit. */
final class DigitsTest {
    @Test
    void aFieldOfDigitsIsItsNumberAndAnyOtherCharacterMakesItMinusOne() {
        assertThat(Digits.decimal("2026-03-02", 0, 4)).isEqualTo(2026);
        assertThat(Digits.decimal("2026-03-02", 5, 2)).isEqualTo(3);
        assertThat(Digits.decimal("2026-03-02", 8, 2)).isEqualTo(2);
        assertThat(Digits.decimal("2026-3-02", 5, 2)).isEqualTo(-1);
        assertThat(Digits.decimal("20 6", 0, 4)).isEqualTo(-1);
        assertThat(Digits.decimal("٢٠٢٦", 0, 4)).as("only ASCII digits").isEqualTo(-1);
    }
}
