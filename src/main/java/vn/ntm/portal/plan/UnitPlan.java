package vn.ntm.portal.plan;

import vn.ntm.portal.training.OrganisingLevel;

import java.util.Map;

/** A unit's own plan for a year, added up by organising level (over the trainee levels) and in total. */
public record UnitPlan(long unitId, int year, Map<OrganisingLevel, PlannedFigures> byOrganisingLevel, PlannedFigures total) {
}
