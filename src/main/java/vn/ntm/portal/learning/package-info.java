/**
 * Online learning: enrolments in published modules, progress per lesson, quiz attempts graded on the server,
 * module completion with the version it was for, and the figures coordinators see within their scope.
 */
@NullMarked
package vn.ntm.portal.learning;

import org.jspecify.annotations.NullMarked;
