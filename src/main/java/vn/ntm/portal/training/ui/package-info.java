@NullMarked
package vn.ntm.portal.training.ui;

import org.jspecify.annotations.NullMarked;
