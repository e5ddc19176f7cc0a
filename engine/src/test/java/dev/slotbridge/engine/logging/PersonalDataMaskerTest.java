package dev.slotbridge.engine.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

final class PersonalDataMaskerTest {

    @Test
    void masksEmailAddressesAndUkPhoneNumbers() {
        assertThat(PersonalDataMasker.mask("contact ann.tenant@example.org or 07700900123, +44 7700 900123, 0115-496-0000"))
                .isEqualTo("contact a***@example.org or ***23, ***23, ***00");
    }

    @Test
    void masksPhoneNumbersAtTheStartInBracketsQuotesAndAfterTabs() {
        assertThat(PersonalDataMasker.mask("07700900123 rang (07700 900123) 'tel'\t+447700900123 \"0115 496 0000\""))
                .isEqualTo("***23 rang (***23) 'tel'\t***23 \"***00\"");
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

    @Test
    void digitRunsInsideIdsRefsAndUrlsAreNotPhoneNumbers() {
        String text = "request request_id=8ff01234567884c5f-ab3e-4c1d-9e2f-012345678901 ref=AQEAB07700900123xyz "
                + "path=/v1/councils/sandbox/bookings/07700900123 order=HMS-07700900123 id:01154960000 at=2026-03-02T08:00:00Z";
        assertThat(PersonalDataMasker.mask(text)).isEqualTo(text);
    }

    @Test
    void masksTheValuesOfPersonalDataFieldsWhateverTheyLookLike() {
        assertThat(PersonalDataMasker.mask("contact name=Ann phone=07700900123 email=ann@example.org description=\"Tap, leaking\" council=lincoln"))
                .isEqualTo("contact name=*** phone=*** email=*** description=*** council=lincoln");
        assertThat(PersonalDataMasker.mask("{\"contact\":{\"name\":\"Ann \\\"Tenant\\\"\",\"phone\":\"07700 900123\"},\"accessNotes\":\"Dog\",\"propertyRef\":\"3670010\"}"))
                .isEqualTo("{\"contact\":{\"name\":***,\"phone\":***},\"accessNotes\":***,\"propertyRef\":\"3670010\"}");
    }
}
