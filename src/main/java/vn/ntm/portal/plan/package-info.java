/**
 * Training plans: what a coordination office plans for a year (classes, participations, budget) by organising level
 * and target trainee level, entered on screen or imported from a sheet. Reporting reads the plans through
 * {@link vn.ntm.portal.plan.PlanService} to set them against what was held.
 */
@NullMarked
package vn.ntm.portal.plan;

import org.jspecify.annotations.NullMarked;
