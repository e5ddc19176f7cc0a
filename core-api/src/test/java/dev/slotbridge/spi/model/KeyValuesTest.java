package dev.slotbridge.spi.model;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyValuesTest {

    @Test
    void aKeyIsEqualToAndHashesLikeAnyMapOfTheSameValues() {
        Map<String, String> plain = new HashMap<>(Map.of("visit", "V-1", "start", "2026-12-07T08:00", "end", "2026-12-07T12:00"));
        SlotKey key = new SlotKey(plain);

        assertThat(key.values()).isEqualTo(plain).hasSameHashCodeAs(plain);
        assertThat(plain).isEqualTo(key.values());
        assertThat(key).isEqualTo(SlotKey.of("end", "2026-12-07T12:00", "visit", "V-1", "start", "2026-12-07T08:00"))
                .hasSameHashCodeAs(SlotKey.of("start", "2026-12-07T08:00", "end", "2026-12-07T12:00", "visit", "V-1"));
        assertThat(key).isNotEqualTo(SlotKey.of("visit", "V-1", "start", "2026-12-07T08:00", "end", "2026-12-07T13:00"))
                .isNotEqualTo(SlotKey.of("visit", "V-1", "start", "2026-12-07T08:00"));
        assertThat(key.values()).isNotEqualTo(Map.of("visit", "V-1"));
    }

    @Test
    void valuesAreFoundByNameAndIteratedInNameOrder() {
        BookingKey key = BookingKey.of("order", "O-9", "appointment", "A-3", "contract", "0");

        assertThat(key.values().get("order")).isEqualTo("O-9");
        assertThat(key.values().get("missing")).isNull();
        assertThat(key.values().get(42)).isNull();
        assertThat(key.values().containsKey("contract")).isTrue();
        assertThat(key.values().keySet()).containsExactly("appointment", "contract", "order");
        assertThat(key.values().values()).containsExactly("A-3", "0", "O-9");
        assertThat(key.require("appointment")).isEqualTo("A-3");
        assertThat(HoldKey.of().values()).isEmpty();
    }

    @Test
    void valuesCannotChangeAndNullsAreRefused() {
        Map<String, String> source = new LinkedHashMap<>(Map.of("a", "1"));
        HoldKey key = new HoldKey(source);
        source.put("b", "2");

        assertThat(key.values()).containsOnlyKeys("a");
        assertThatThrownBy(() -> key.values().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> key.values().remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> key.values().entrySet().iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> key.values().clear()).isInstanceOf(UnsupportedOperationException.class);
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("a", null);
        assertThatThrownBy(() -> new SlotKey(nullValue)).isInstanceOf(NullPointerException.class);
        Map<String, String> nullName = new HashMap<>();
        nullName.put(null, "1");
        assertThatThrownBy(() -> new SlotKey(nullName)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void keysFromPairsAreSortedByNameAndANameGivenTwiceKeepsItsLastValue() {
        SlotKey key = SlotKey.of("visit", "V-1", "end", "12:00", "start", "08:00", "end", "13:00");

        assertThat(key.values().keySet()).containsExactly("end", "start", "visit");
        assertThat(key.values().get("end")).isEqualTo("13:00");
        assertThat(key).isEqualTo(new SlotKey(Map.of("visit", "V-1", "start", "08:00", "end", "13:00")));
        assertThat(key).isNotEqualTo(BookingKey.of("visit", "V-1", "start", "08:00", "end", "13:00"));
        assertThatThrownBy(() -> SlotKey.of("visit")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlotKey.of("visit", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SlotKey.of(null, "V-1")).isInstanceOf(NullPointerException.class);
    }
}
