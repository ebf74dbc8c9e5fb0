/** Classes, sessions, rosters, attendance and self check-in, and the counts that come out of them. */
@NullMarked
package vn.ntm.portal.training;

import org.jspecify.annotations.NullMarked;
