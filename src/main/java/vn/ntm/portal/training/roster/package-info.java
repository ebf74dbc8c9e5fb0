@NullMarked
package vn.ntm.portal.training.roster;

import org.jspecify.annotations.NullMarked;
