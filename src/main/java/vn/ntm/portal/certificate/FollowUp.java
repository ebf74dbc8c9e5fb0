package vn.ntm.portal.certificate;

/** A certificate in force whose holder no longer meets the class's rule: the certificate, and the sessions attended now. */
public record FollowUp(IssuedCertificate certificate, int sessionsAttended, int sessions) {
}
