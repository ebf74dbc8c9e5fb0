@NullMarked
package vn.ntm.portal.unit.domain;

import org.jspecify.annotations.NullMarked;
