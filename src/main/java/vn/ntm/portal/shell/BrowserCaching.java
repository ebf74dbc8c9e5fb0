package vn.ntm.portal.shell;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * What a phone keeps between visits. The production build's files under {@code /VAADIN/build/} carry a hash of their
 * content in their name, so a changed file is a new address: they are kept a year and not asked for again (Vaadin
 * itself gives them an hour, after which a phone on a slow network re-asks for every one of them). Pages (HTML) are
 * never kept: after an upgrade the next visit must load the page that names the new files.
 */
@Configuration
class BrowserCaching {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String ALWAYS_ASK = "no-cache";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> browserCachingFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    private static final class Filter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            chain.doFilter(request, new Response(response, path.startsWith("/VAADIN/build/")));
        }
    }

    /** Rewrites the cache header a resource handler sets, and marks HTML pages as not to be kept. */
    private static final class Response extends HttpServletResponseWrapper {
        private final boolean hashedBuildFile;

        Response(HttpServletResponse response, boolean hashedBuildFile) {
            super(response);
            this.hashedBuildFile = hashedBuildFile;
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, rewritten(name, value));
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, rewritten(name, value));
        }

        @Override
        public void setContentType(String type) {
            super.setContentType(type);
            if (type != null && type.startsWith("text/html") && !containsHeader("Cache-Control")) {
                super.setHeader("Cache-Control", ALWAYS_ASK);
            }
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            forget(status);
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            forget(status);
            super.sendError(status);
        }

        @Override
        public void setStatus(int status) {
            forget(status);
            super.setStatus(status);
        }

        /** A handler may set the cache header before it finds out the file is missing. */
        private void forget(int status) {
            if (hashedBuildFile && status >= 400) {
                super.setHeader("Cache-Control", ALWAYS_ASK);
            }
        }

        private String rewritten(String name, String value) {
            // only a file actually found is kept; an error answer keeps whatever its handler said
            return hashedBuildFile && "Cache-Control".equalsIgnoreCase(name) && getStatus() == SC_OK ? IMMUTABLE : value;
        }
    }
}
