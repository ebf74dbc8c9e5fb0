package vn.ntm.portal.training;

import java.time.Instant;

/**
 * Published when a person's verdict on a class may have turned: a mark that could have made them complete or no
 * longer complete, or a change of the class's completion rule that did. It carries the verdict now (under
 * {@link CompletionRule}) and the sessions behind it, so a listener acts without asking back; a listener treats it
 * as "the verdict is now this" (it may repeat an unchanged verdict, never miss a changed one).
 */
public record CompletionChanged(long classId, long personId, boolean completed, int attendedSessions, int sessions, Instant at) {
}
