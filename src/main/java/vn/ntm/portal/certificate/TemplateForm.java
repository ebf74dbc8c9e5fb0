package vn.ntm.portal.certificate;

import org.jspecify.annotations.Nullable;

/**
 * The texts of a certificate template as an editor typed them. They are printed as plain text: markup someone types
 * appears as the characters typed, never interpreted. {@code forProgramme}: the template serves every class of the
 * class's programme organised in the class's unit and below, unless a class has its own. {@code autoIssue}: a trainee
 * receives the certificate as soon as training says they completed, without anyone issuing it.
 */
public record TemplateForm(String title, String officeName, String officeCode, String signerName, String signerTitle,
                           @Nullable String place, String wording, @Nullable Integer hours, boolean forProgramme, boolean autoIssue) {

    /** A template issued by hand only. */
    public TemplateForm(String title, String officeName, String officeCode, String signerName, String signerTitle,
                        @Nullable String place, String wording, @Nullable Integer hours, boolean forProgramme) {
        this(title, officeName, officeCode, signerName, signerTitle, place, wording, hours, forProgramme, false);
    }

    public static TemplateForm blank() {
        return new TemplateForm("GIẤY CHỨNG NHẬN", "", "", "", "", null,
                "Đã hoàn thành khóa tập huấn", null, false);
    }
}
