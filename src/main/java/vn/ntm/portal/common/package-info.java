@NullMarked
package vn.ntm.portal.common;

import org.jspecify.annotations.NullMarked;
