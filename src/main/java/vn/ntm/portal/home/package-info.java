@NullMarked
package vn.ntm.portal.home;

import org.jspecify.annotations.NullMarked;
