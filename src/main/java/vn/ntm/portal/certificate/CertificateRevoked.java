package vn.ntm.portal.certificate;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** Published when a certificate is revoked, in the transaction that revokes it: it no longer counts as in force. */
public record CertificateRevoked(long certificateId, boolean paper, @Nullable Long classId, long personId, String unitPath,
                                 Instant revokedAt) {
}
