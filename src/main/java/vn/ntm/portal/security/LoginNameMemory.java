package vn.ntm.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Remembers the login name typed into a sign-in post, so that after a wrong password the login page shows it
 * again and the person retypes only the password. Kept in the person's own session, never in the address.
 * A post without a login name or password goes back to the page without trying to sign in.
 */
public class LoginNameMemory extends OncePerRequestFilter {

    static final String ATTRIBUTE = LoginNameMemory.class.getName();
    private static final int LONGEST = 200;

    /** The login name this browser last tried to sign in with, if any. */
    public static @Nullable String lastTried(@Nullable HttpSession session) {
        return session != null && session.getAttribute(ATTRIBUTE) instanceof String name ? name : null;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().equals(request.getContextPath() + "/" + SecurityConfig.LOGIN_ROUTE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String name = request.getParameter("username");
        if (name != null && !name.isBlank()) {
            String kept = name.strip();
            request.getSession().setAttribute(ATTRIBUTE, kept.length() > LONGEST ? kept.substring(0, LONGEST) : kept);
        }
        String password = request.getParameter("password");
        if (name == null || name.isBlank() || password == null || password.isEmpty()) {
            // nothing to check: back to the page, which asks for both in the reader's language (not a failed sign-in)
            response.sendRedirect(request.getContextPath() + "/" + SecurityConfig.LOGIN_ROUTE + "?missing");
            return;
        }
        chain.doFilter(request, response);
    }
}
