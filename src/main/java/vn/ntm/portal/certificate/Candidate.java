package vn.ntm.portal.certificate;

import org.jspecify.annotations.Nullable;

/** A trainee of the class as the issuing screen shows them: training's verdict, and whether they hold a certificate. */
public record Candidate(long personId, String fullName, @Nullable Integer birthYear, @Nullable String unitName,
                        int sessionsAttended, int sessions, boolean completed, boolean certified) {
}
