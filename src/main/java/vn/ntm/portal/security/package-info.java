@NullMarked
package vn.ntm.portal.security;

import org.jspecify.annotations.NullMarked;
