package dev.slotbridge.provider.drs;

import dev.slotbridge.spi.model.JobCode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every envelope the provider writes is valid against the WSDL, and the validator does catch what the gateway refuses. */
final class GatewaySchemaTest {
    private static final DrsEnvelopes.Order ORDER = new DrsEnvelopes.Order("Ann <Tenant> & \"co\"", "0",
            "2026-03-02T08:00:00+00:00", "3670010", true, "Tap ]]> leaking", "Dog", 0, "07700900123", "HMS-1",
            "Priority 20 Days", "2026-03-21T23:59:59+00:00", List.of(new JobCode("N373049", 1), new JobCode("N373050", 2)), "slotbridge");

    @Test
    void everyEnvelopeIsValid() {
        assertThatCode(() -> {
            GatewaySchema.validate(DrsEnvelopes.openSession("user", "p<a>ss"));
            GatewaySchema.validate(DrsEnvelopes.closeSession("abc"));
            GatewaySchema.validate(DrsEnvelopes.checkAvailability("abc", ORDER, "2026-03-02T00:00:00+00:00", "2026-03-08T23:59:00+00:00"));
            GatewaySchema.validate(DrsEnvelopes.createOrder("abc", ORDER));
            GatewaySchema.validate(DrsEnvelopes.deleteOrder("abc", ORDER));
            GatewaySchema.validate(DrsEnvelopes.selectOrder("abc", "3670010", null));
            GatewaySchema.validate(DrsEnvelopes.selectOrder("abc", null, "HMS-1"));
            GatewaySchema.validate(DrsEnvelopes.scheduleBooking("abc", new DrsEnvelopes.Booking(149996, "0", "3670010", 290640,
                    "2026-03-02T08:00:00+00:00", "2026-03-02T12:00:00+00:00", "HMS-1", "slotbridge")));
        }).doesNotThrowAnyException();
    }

    @Test
    void theValidatorRefusesWrongOrderQualifiedChildrenAndWrongTypes() {
        String valid = new String(DrsEnvelopes.scheduleBooking("abc", new DrsEnvelopes.Booking(1, "0", "3670010", 2,
                "2026-03-02T08:00:00+00:00", "2026-03-02T12:00:00+00:00", "HMS-1", "u")), StandardCharsets.UTF_8);
        String startBeforeEnd = valid.replaceFirst("(<planningWindowEnd>[^<]*</planningWindowEnd>)(<planningWindowStart>[^<]*</planningWindowStart>)", "$2$1");
        String qualified = valid.replace("<sessionId>abc</sessionId>", "<aut:sessionId>abc</aut:sessionId>");
        String notANumber = valid.replace("<bookingId>1</bookingId>", "<bookingId>one</bookingId>");

        for (String invalid : List.of(startBeforeEnd, qualified, notANumber)) {
            assertThatThrownBy(() -> GatewaySchema.validate(invalid)).isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void textArrivesAsTypedAndACharacterXmlCannotCarryBecomesTheReplacementCharacter() {
        String typed = "Zo\u00eb \u2014 \uD83D\uDE00 <b>&amp; ]]> \"q\" 'a'\r\n\ttab";
        DrsEnvelopes.Order order = new DrsEnvelopes.Order(typed, "0", null, "3670010", null,
                "bell\u0007 lone\uD800 end\uFFFF", null, null, null, "HMS-1", "P", null, List.of(new JobCode("N1", 1)), "u");
        byte[] envelope = DrsEnvelopes.createOrder("abc", order);

        GatewaySchema.validate(envelope);
        XmlElement sent = SafeXmlReader.read(envelope, null).child("Body").orElseThrow().children().getFirst()
                .child("createOrder").orElseThrow().child("theOrder").orElseThrow();
        assertThat(sent.child("contactName").orElseThrow().text()).isEqualTo(typed);
        assertThat(sent.text("orderComments")).isEqualTo("bell\uFFFD lone\uFFFD end\uFFFD");
    }
}
