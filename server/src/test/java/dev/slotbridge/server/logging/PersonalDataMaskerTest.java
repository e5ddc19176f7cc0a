package dev.slotbridge.server.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

final class PersonalDataMaskerTest {

    @Test
    void masksEmailAddressesAndUkPhoneNumbers() {
        assertThat(PersonalDataMasker.mask("contact ann.tenant@example.org or 07700900123, +44 7700 900123, 0115-496-0000"))
                .isEqualTo("contact a***@example.org or ***23, ***23, ***00");
    }

    @Test
    void masksSecretsWrittenAsKeyAndValue() {
        assertThat(PersonalDataMasker.mask("login password=hunter2, access_token: eyJhbGciOi sessionId=ABC123;api-key=k1"))
                .isEqualTo("login password=***, access_token: *** sessionId=***;api-key=***");
    }

    @Test
    void leavesIdsDatesAndDurationsAlone() {
        String text = "booking=SBX-000001 order=290640 uprn=100030574219 start=2026-03-02T08:00:00Z duration_ms=1234";
        assertThat(PersonalDataMasker.mask(text)).isEqualTo(text);
    }
}
