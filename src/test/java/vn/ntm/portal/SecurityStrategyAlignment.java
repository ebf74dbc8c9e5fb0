package vn.ntm.portal;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Each application context of the tests has its own Vaadin-aware SecurityContextHolderStrategy (with its own
 * thread-local), and method security uses the bean of its context, while SecurityContextHolder's static strategy is
 * whichever context started last. Once a second context has started (e.g. a RANDOM_PORT test), a test signing in
 * through the static holder would sign in where the services do not look. Before each test, the static holder is
 * pointed at the strategy of the test's own context.
 */
public class SecurityStrategyAlignment implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
