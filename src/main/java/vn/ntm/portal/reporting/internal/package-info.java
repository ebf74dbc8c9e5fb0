/** Summary tables, their maintenance from events, the rebuild and the queries behind {@link vn.ntm.portal.reporting.ReportService}. */
@NullMarked
package vn.ntm.portal.reporting.internal;

import org.jspecify.annotations.NullMarked;
