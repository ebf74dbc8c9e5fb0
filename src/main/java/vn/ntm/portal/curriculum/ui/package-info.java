@NullMarked
package vn.ntm.portal.curriculum.ui;

import org.jspecify.annotations.NullMarked;
