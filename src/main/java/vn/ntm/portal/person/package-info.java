/** People who take part in training, one record per real person, with or without an account. */
@NullMarked
package vn.ntm.portal.person;

import org.jspecify.annotations.NullMarked;
