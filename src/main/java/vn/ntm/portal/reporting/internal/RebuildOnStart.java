package vn.ntm.portal.reporting.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ntm.portal.training.ClassFeed;

/**
 * {@code --reporting.rebuild} (or {@code reporting.rebuild=true} in any property source) rebuilds every summary from
 * the base tables when the portal starts, after the demo data; the same as the administrators' button. The portal
 * also rebuilds by itself when the summaries are empty while classes exist (a migration emptied them). With several
 * nodes, start-up tasks run one node at a time (cluster.StartupLease): the next node finds the summaries filled.
 */
@Component
@Order(100)
class RebuildOnStart implements ApplicationRunner {

    private final RebuildJob summaries;
    private final Environment environment;
    private final JdbcTemplate jdbc;
    private final ClassFeed classes;

    RebuildOnStart(RebuildJob summaries, Environment environment, JdbcTemplate jdbc, ClassFeed classes) {
        this.summaries = summaries;
        this.environment = environment;
        this.jdbc = jdbc;
        this.classes = classes;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean asked = args.containsOption("reporting.rebuild")
                || Binder.get(environment).bind("reporting.rebuild", Boolean.class).orElse(false);
        if (asked || missing()) {
            summaries.runNow();
        }
    }

    private boolean missing() {
        Boolean summarised = jdbc.queryForObject("select exists (select 1 from report_class)", Boolean.class);
        return !Boolean.TRUE.equals(summarised) && classes.anyNotCancelled();
    }
}
