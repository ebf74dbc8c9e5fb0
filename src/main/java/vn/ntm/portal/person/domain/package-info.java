@NullMarked
package vn.ntm.portal.person.domain;

import org.jspecify.annotations.NullMarked;
