@NullMarked
package vn.ntm.portal.learning.domain;

import org.jspecify.annotations.NullMarked;
