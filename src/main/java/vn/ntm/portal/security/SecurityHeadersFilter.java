package vn.ntm.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Protective headers on every response, set before anything else runs: Vaadin writes some pages
 * (the login page among them) without Spring Security's header writers getting a say.
 *
 * <p>The content security policy keeps everything on the portal's own origin. Vaadin's client needs inline
 * styles and evaluates the small scripts the server sends ({@code executeJs}), hence 'unsafe-eval' and
 * 'unsafe-inline' for the UI; what stops injected markup is that user text is escaped or sanitized before it
 * is shown. The plain check-in page runs no script at all, so it gets a policy that forbids any. The trainee's plain
 * learning pages (catalog, module, lesson) run only the portal's own script file for the video player, never inline
 * script, and show the lesson's pictures, video and PDF from the portal itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String UI_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; "
            + "font-src 'self' data:; "
            + "media-src 'self' blob:; "
            + "connect-src 'self'; "
            + "frame-src 'self'; "
            + "worker-src 'self' blob:; "
            + "object-src 'none'; "
            + "base-uri 'self'; "
            + "form-action 'self'; "
            + "frame-ancestors 'self'";

    static final String PLAIN_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    static final String LEARNING_PAGE_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; "
            + "style-src 'unsafe-inline'; img-src 'self' data:; media-src 'self'; frame-src 'self'; "
            + "form-action 'self'; base-uri 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean plainPage = path.equals("/checkin") || path.startsWith("/checkin/") || path.equals("/login")
                || path.equals("/verify") || path.startsWith("/verify/");
        boolean learningPage = path.equals("/catalog") || path.startsWith("/module/") || path.startsWith("/lesson/");
        response.setHeader("Content-Security-Policy", plainPage ? PLAIN_PAGE_POLICY : learningPage ? LEARNING_PAGE_POLICY : UI_POLICY);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, response);
    }
}
