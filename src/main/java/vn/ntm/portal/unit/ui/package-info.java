/** Screens of the unit module; {@link vn.ntm.portal.unit.ui.UnitPicker} is shared with other modules' forms. */
@NamedInterface("ui")
@NullMarked
package vn.ntm.portal.unit.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
