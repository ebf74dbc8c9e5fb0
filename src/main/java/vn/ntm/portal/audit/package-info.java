/**
 * The audit trail: every change to attendance, rosters, persons, classes and accounts, with who made it, when,
 * and each field's old and new value. Other modules record changes inside their own transaction, so a change
 * and its audit entry are committed together or not at all. Entries are never edited or deleted.
 */
@NullMarked
package vn.ntm.portal.audit;

import org.jspecify.annotations.NullMarked;
