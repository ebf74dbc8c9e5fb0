@NullMarked
package vn.ntm.portal.reporting.ui;

import org.jspecify.annotations.NullMarked;
