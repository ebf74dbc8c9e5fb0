package vn.ntm.portal.unit;

public record OrganisationSummary(long id, String name, OrganisationKind kind, long unitId, String unitName) {
}
