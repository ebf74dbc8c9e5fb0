package vn.ntm.portal.common;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    private static final String NGUYEN_COMPOSED = "Nguyễn Thị Ánh";

    @Test
    void aNameTypedWithCombiningDiacriticsEqualsTheComposedOne() {
        String decomposed = Normalizer.normalize(NGUYEN_COMPOSED, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(NGUYEN_COMPOSED);

        assertThat(Texts.clean(decomposed)).isEqualTo(NGUYEN_COMPOSED);
    }

    @Test
    void invisibleCharactersPastedAlongAreRemoved() {
        String pasted = "\uFEFFNguy\u200Bễn\u200D Thị\u200E \u202EÁnh\u2066\u00AD";

        assertThat(Texts.clean(pasted)).isEqualTo(NGUYEN_COMPOSED);
    }

    @Test
    void anyRunOfSpacesIncludingNoBreakSpacesBecomesOne() {
        assertThat(Texts.clean("  Nguyễn\u00A0\u00A0Thị \t Ánh\u3000")).isEqualTo(NGUYEN_COMPOSED);
        assertThat(Texts.clean("dòng 1\ndòng 2")).isEqualTo("dòng 1 dòng 2");
    }

    @Test
    void markupIsLeftAsTextForTheViewsToEscape() {
        assertThat(Texts.clean("<script>alert(1)</script>")).isEqualTo("<script>alert(1)</script>");
        assertThat(Texts.clean(null)).isNull();
    }

    @Test
    void vietnameseTypedWithoutDiacriticsOrInCapitalsFoldsLikeTheCorrectSpelling() {
        assertThat(Texts.fold("Chuyển  đổi số")).isEqualTo("chuyen doi so").isEqualTo(Texts.fold("CHUYỂN ĐỔI SỐ"))
                .isEqualTo(Texts.fold("chuyen doi so"));
        assertThat(Texts.fold("Đào tạo")).isNotEqualTo(Texts.fold("Tập huấn"));
    }
}
