@NullMarked
package vn.ntm.portal.plan.domain;

import org.jspecify.annotations.NullMarked;
