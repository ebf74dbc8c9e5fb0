package vn.ntm.portal.training;

import java.time.Instant;

/** A request to join a class, as the class's managers and the trainee see it. */
public record EnrolmentRequestView(long id, long classId, String classTitle, long personId, String fullName,
                                   EnrolmentRequestStatus status, Instant createdAt) {
}
