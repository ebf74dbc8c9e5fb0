package vn.ntm.portal.certificate;

import org.jspecify.annotations.Nullable;

/**
 * The texts of a certificate template as an editor typed them. They are printed as plain text: markup someone types
 * appears as the characters typed, never interpreted. {@code forProgramme}: the template serves every class of the
 * class's programme organised in the class's unit and below, unless a class has its own.
 */
public record TemplateForm(String title, String officeName, String officeCode, String signerName, String signerTitle,
                           @Nullable String place, String wording, @Nullable Integer hours, boolean forProgramme) {

    public static TemplateForm blank() {
        return new TemplateForm("GIẤY CHỨNG NHẬN", "", "", "", "", null,
                "Đã hoàn thành khóa tập huấn", null, false);
    }
}
