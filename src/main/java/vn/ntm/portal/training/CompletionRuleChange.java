package vn.ntm.portal.training;

/**
 * What changing a class's completion rule does: the rule before and after, how many completed before and would after,
 * and how many persons gain or lose their completion.
 */
public record CompletionRuleChange(CompletionRule before, CompletionRule after, long completedBefore, long completedAfter,
                                   long gained, long lost) {

    /** Persons whose completion changes either way. */
    public long changed() {
        return gained + lost;
    }
}
