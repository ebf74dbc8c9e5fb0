@NullMarked
package vn.ntm.portal.account.internal;

import org.jspecify.annotations.NullMarked;
