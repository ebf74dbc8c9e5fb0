@NullMarked
package vn.ntm.portal.curriculum.domain;

import org.jspecify.annotations.NullMarked;
