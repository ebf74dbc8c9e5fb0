/** The page "Kế hoạch đào tạo": the plans of the coordinator's units, edited inline by dialog or imported from a sheet. */
@NullMarked
package vn.ntm.portal.plan.ui;

import org.jspecify.annotations.NullMarked;
