package vn.ntm.portal.training.roster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** National IDs as spreadsheets hand them over: a cell taken for a number drops the leading zeros. */
class IdentifiersTest {

    @Test
    void aNationalIdOfAProvinceCodedUnderTenTypedAsANumberGetsBothZerosBack() {
        // IDs of Hà Nội start 001, of Tuyên Quang 008 (ten digits left in a number cell), of Lào Cai 010 (eleven)
        assertThat(Identifiers.nationalId("8165863846")).isEqualTo("008165863846");
        assertThat(Identifiers.nationalId("10085000123")).isEqualTo("010085000123");
        assertThat(Identifiers.nationalId("001.085.000.123")).isEqualTo("001085000123");
        assertThat(Identifiers.nationalId("12345678")).isEqualTo("012345678");
    }

    @Test
    void aPhoneTypedIntoTheNationalIdColumnIsNotTurnedIntoAnId() {
        assertThat(Identifiers.nationalId("0912345678")).isEqualTo("0912345678");
    }
}
