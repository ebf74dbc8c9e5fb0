package vn.ntm.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Ends a signed-in session whose account was disabled, given another role or moved to another unit since sign-in
 * (see {@link SessionRevalidation}). A page load is sent to the sign-in page; a request of the Vaadin client (a click,
 * a navigation) goes on without a session, so Vaadin answers "session expired" and the browser reloads into the
 * sign-in page. API requests do not need it: HTTP Basic checks the account afresh on every request.
 */
class StaleSessionFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StaleSessionFilter.class);

    private final SessionRevalidation revalidation;
    private final String loginPath;

    StaleSessionFilter(SessionRevalidation revalidation, String loginPath) {
        this.revalidation = revalidation;
        this.loginPath = loginPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalUser user && !revalidation.stillValid(user)) {
            log.info("Session of account {} ended: the account was disabled, removed or changed since sign-in", user.accountId());
            new SecurityContextLogoutHandler().logout(request, response, authentication);
            if (request.getParameter("v-r") == null) {
                response.sendRedirect(request.getContextPath() + loginPath);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
