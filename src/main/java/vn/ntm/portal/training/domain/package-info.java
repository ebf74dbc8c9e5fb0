@NullMarked
package vn.ntm.portal.training.domain;

import org.jspecify.annotations.NullMarked;
