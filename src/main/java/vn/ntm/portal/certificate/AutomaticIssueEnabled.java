package vn.ntm.portal.certificate;

/**
 * A template's "issue automatically" was switched on (or a template was created with it): those who completed before
 * and hold no certificate are due one now, not only at their class's next change. Published and handled within the
 * certificate module, persisted like every event so that a restart in between loses none.
 */
public record AutomaticIssueEnabled(long templateId) {
}
