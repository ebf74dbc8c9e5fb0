package vn.ntm.portal.certificate;

import org.jspecify.annotations.Nullable;

/** A template as stored: its texts, whether it has a seal, and whose it is (a class's own, or a programme's). */
public record CertificateTemplate(long id, TemplateForm form, boolean hasSeal, @Nullable Long classId, @Nullable String programme,
                                  long version) {
}
