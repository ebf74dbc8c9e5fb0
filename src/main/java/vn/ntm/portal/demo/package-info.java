@NullMarked
package vn.ntm.portal.demo;

import org.jspecify.annotations.NullMarked;
