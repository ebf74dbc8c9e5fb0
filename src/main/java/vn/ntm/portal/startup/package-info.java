/**
 * What the operator reads when the portal cannot start: the reason and what to set or do, in the portal's words,
 * instead of a framework's generic message or a stack trace (Spring Boot failure analyzers, see
 * META-INF/spring.factories); and the one setting that must hold before anything starts: the JVM runs in UTC
 * ({@link vn.ntm.portal.startup.UtcServerClock}).
 */
@NullMarked
package vn.ntm.portal.startup;

import org.jspecify.annotations.NullMarked;
