@NullMarked
package vn.ntm.portal.embeddeddb;

import org.jspecify.annotations.NullMarked;
