@NullMarked
package vn.ntm.portal.curriculum.internal;

import org.jspecify.annotations.NullMarked;
