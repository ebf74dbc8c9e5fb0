/**
 * What several portal nodes on one database must share: leases for jobs that run on one node at a time
 * ({@link vn.ntm.portal.cluster.ClusterLocks}, ShedLock), secrets ({@link vn.ntm.portal.cluster.SharedSecrets}),
 * throttle counters ({@link vn.ntm.portal.cluster.SharedCounters}), the retry of writes Galera refuses at commit
 * ({@link vn.ntm.portal.cluster.GaleraRetry}), and the upkeep of Spring Modulith's event publications.
 */
@NullMarked
package vn.ntm.portal.cluster;

import org.jspecify.annotations.NullMarked;
