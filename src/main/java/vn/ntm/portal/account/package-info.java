@NullMarked
package vn.ntm.portal.account;

import org.jspecify.annotations.NullMarked;
