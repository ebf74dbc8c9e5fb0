@NullMarked
package vn.ntm.portal.learning.ui;

import org.jspecify.annotations.NullMarked;
