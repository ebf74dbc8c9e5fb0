@NullMarked
package vn.ntm.portal.account.ui;

import org.jspecify.annotations.NullMarked;
