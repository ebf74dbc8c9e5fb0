package vn.ntm.portal.cluster;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.lang.management.ManagementFactory;
import java.util.UUID;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class ClusterConfig {

    /** This JVM's name in the lease table: host and process, plus a random part (two nodes may share a host). */
    static final String NODE = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    @Bean
    LockProvider lockProvider(JdbcTemplate jdbc) {
        return lockProvider(jdbc, NODE);
    }

    /**
     * The database's clock decides when a lease ends (nodes' clocks may drift apart); the holder's name must be unique
     * per JVM because ShedLock extends and releases a lease by name and holder.
     */
    static LockProvider lockProvider(JdbcTemplate jdbc, String node) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc).withTableName("shedlock").usingDbTime().withLockedByValue(node).build());
    }
}
