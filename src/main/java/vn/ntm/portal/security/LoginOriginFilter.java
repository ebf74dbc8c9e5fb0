package vn.ntm.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * Login CSRF: a page on another site must not be able to sign a visitor's browser in (as the attacker, to
 * collect what they then type). Vaadin's login form posts without Spring Security's CSRF token, so the sign-in
 * post must come from the portal's own pages: browsers name the page's origin in {@code Origin} (and
 * {@code Sec-Fetch-Site}) on every POST. A request naming no origin at all is not a browser's cross-site form
 * and passes.
 */
class LoginOriginFilter extends OncePerRequestFilter {

    private final @Nullable String publicOrigin;

    LoginOriginFilter(@Nullable String publicUrl) {
        this.publicOrigin = publicUrl == null || publicUrl.isBlank() ? null : origin(publicUrl);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().equals(request.getContextPath() + "/" + SecurityConfig.LOGIN_ROUTE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!sameOrigin(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return isOurs(request, origin);
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        String referer = request.getHeader("Referer");
        return referer == null || isOurs(request, origin(referer));
    }

    private boolean isOurs(HttpServletRequest request, @Nullable String origin) {
        if (origin == null) {
            return false;
        }
        String normalized = origin.strip().toLowerCase(Locale.ROOT);
        return normalized.equals(ownOrigin(request)) || normalized.equals(publicOrigin);
    }

    /** The origin this request was addressed to (after a trusted proxy's forwarded headers). */
    private static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static @Nullable String origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
