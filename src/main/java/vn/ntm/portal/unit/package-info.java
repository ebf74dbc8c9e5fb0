@NullMarked
package vn.ntm.portal.unit;

import org.jspecify.annotations.NullMarked;
