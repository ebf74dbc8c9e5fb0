@NullMarked
package vn.ntm.portal.training.checkin;

import org.jspecify.annotations.NullMarked;
