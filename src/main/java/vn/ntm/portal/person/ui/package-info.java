@NullMarked
package vn.ntm.portal.person.ui;

import org.jspecify.annotations.NullMarked;
