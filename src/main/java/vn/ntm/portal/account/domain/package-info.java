@NullMarked
package vn.ntm.portal.account.domain;

import org.jspecify.annotations.NullMarked;
