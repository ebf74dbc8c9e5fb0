@NullMarked
package vn.ntm.portal.shell;

import org.jspecify.annotations.NullMarked;
