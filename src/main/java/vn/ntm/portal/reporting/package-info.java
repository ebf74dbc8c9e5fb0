/**
 * Reports and dashboards: the figures coordination offices publish (classes, enrolments, session attendances,
 * participations, unique participants, completions, online enrolments and completions, budget) by period, unit,
 * level, mode, programme and trainer, within the caller's scope; read from summaries that the training and learning
 * events keep current and that can be rebuilt from the base tables at any time.
 */
@NullMarked
package vn.ntm.portal.reporting;

import org.jspecify.annotations.NullMarked;
