@NullMarked
package vn.ntm.portal.unit.importer;

import org.jspecify.annotations.NullMarked;
