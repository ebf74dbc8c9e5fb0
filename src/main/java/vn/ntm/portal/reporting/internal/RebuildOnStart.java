package vn.ntm.portal.reporting.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code --reporting.rebuild} (or {@code reporting.rebuild=true} in any property source) rebuilds every summary from
 * the base tables when the portal starts, after the demo data; the same as the administrators' button.
 */
@Component
@Order(100)
class RebuildOnStart implements ApplicationRunner {

    private final SummaryMaintainer summaries;
    private final Environment environment;

    RebuildOnStart(SummaryMaintainer summaries, Environment environment) {
        this.summaries = summaries;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean asked = args.containsOption("reporting.rebuild")
                || Binder.get(environment).bind("reporting.rebuild", Boolean.class).orElse(false);
        if (asked) {
            summaries.rebuild();
        }
    }
}
