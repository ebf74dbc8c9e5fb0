package vn.ntm.portal.learning;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.learning.domain.EnrolmentFacts;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Learning's read API for other modules' read models (the reports' online summary): enrolments as
 * {@link OnlineEnrolmentFacts}, so that no other module reads learning's tables. Used by listeners and background work
 * without a signed-in user; ids and dates only. Joins the caller's transaction.
 */
@Service
public class EnrolmentFeed {

    private final EnrolmentFacts facts;

    EnrolmentFeed(EnrolmentFacts facts) {
        this.facts = facts;
    }

    @Transactional(readOnly = true)
    public Optional<OnlineEnrolmentFacts> find(long enrolmentId) {
        return facts.find(enrolmentId);
    }

    /** The enrolment's quiz score in percent (each quiz's best attempt, averaged), null without a submitted quiz. */
    @Transactional(readOnly = true)
    public @Nullable Integer quizScore(long enrolmentId) {
        return facts.quizScore(enrolmentId);
    }

    /** Who completed the module, as {@link ModuleCompleted} said it then: for issuing their certificates afterwards. */
    @Transactional(readOnly = true)
    public List<ModuleCompleted> completionsOf(long moduleId) {
        return facts.completionsOf(moduleId);
    }

    /** Every enrolment, in id order. */
    @Transactional(readOnly = true)
    public void all(Consumer<OnlineEnrolmentFacts> sink) {
        facts.all(sink);
    }

    /** The units learners' accounts are recorded under. */
    @Transactional(readOnly = true)
    public List<Long> unitsOfLearners() {
        return facts.unitsOfAccounts();
    }
}
