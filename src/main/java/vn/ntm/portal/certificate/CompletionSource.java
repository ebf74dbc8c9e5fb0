package vn.ntm.portal.certificate;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * What the certificates need to know of a class and who completed it. The only door to training: the rule of
 * "completed" is training's, never written again here. Both methods refuse a class outside the caller's scope.
 */
interface CompletionSource {

    ClassRecord classOf(long classId);

    /** Everyone on the roster, with training's verdict; those who completed are preselected for issuing. */
    List<Completer> participantsOf(long classId);

    /** A class for automatic issue, read without a signed-in user (from a listener); empty when there is none. */
    java.util.Optional<ClassRecord> classForListener(long classId);

    /** These trainees of a class (null: all) with training's verdict, read without a signed-in user. */
    List<Completer> participantsForListener(long classId, @Nullable List<Long> personIds);

    record ClassRecord(long id, String code, String title, @Nullable String programme, LocalDate startDate, LocalDate endDate,
                       long unitId, String unitPath) {
    }

    record Completer(long personId, String fullName, @Nullable Integer birthYear, @Nullable String unitName,
                     int sessionsAttended, int sessions, boolean completed) {
    }
}
