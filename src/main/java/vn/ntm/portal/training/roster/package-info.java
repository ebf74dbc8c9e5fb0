/** Reading rosters and other sheets; {@link vn.ntm.portal.training.roster.SheetReader} is shared with the plan import. */
@NamedInterface("roster")
@NullMarked
package vn.ntm.portal.training.roster;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
