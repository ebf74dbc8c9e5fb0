package vn.ntm.portal.training.checkin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A check-in is a few dozen bytes: bodies of more than {@value #MAX_BYTES} bytes are refused with 413 before
 * anything reads them, ahead of sign-in (password hashing) and of JSON parsing. A body without a declared length
 * is cut off at the limit while it is read.
 */
@Configuration
class BodySizeLimit {

    static final int MAX_BYTES = 4096;
    private static final String EXCEEDED = BodySizeLimit.class.getName() + ".exceeded";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> checkInBodySizeLimit() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
        registration.addUrlPatterns("/checkin", "/checkin/*", "/api/v1/sessions/*");
        // before Spring Security's chain (-100): no password is checked for a body that will be refused anyway
        registration.setOrder(-200);
        return registration;
    }

    static boolean exceeded(HttpServletRequest request) {
        return request.getAttribute(EXCEEDED) != null;
    }

    private static final class Filter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long declared = request.getContentLengthLong();
            if (declared > MAX_BYTES) {
                request.setAttribute(EXCEEDED, true);
                write(response, CheckInUnavailableAdvice.tooLarge(request));
                return;
            }
            chain.doFilter(declared < 0 ? new Limited(request) : request, response);
        }

        private static void write(HttpServletResponse response, ResponseEntity<?> answer) throws IOException {
            response.setStatus(answer.getStatusCode().value());
            // the rest of the body is not read; the connection is closed rather than drained
            response.setHeader("Connection", "close");
            answer.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            Object body = answer.getBody();
            String text = body instanceof String s ? s : toJson(body);
            if (!(body instanceof String)) {
                response.setContentType("application/json");
            }
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        }

        private static String toJson(Object body) {
            StringBuilder json = new StringBuilder("{");
            if (body instanceof java.util.Map<?, ?> map) {
                map.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":")
                        .append(v instanceof String s ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : String.valueOf(v)));
            }
            return json.append('}').toString();
        }
    }

    /** The body of a request that did not declare its length, read up to the limit and no further. */
    private static final class Limited extends HttpServletRequestWrapper {
        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            HttpServletRequest request = (HttpServletRequest) getRequest();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > MAX_BYTES) {
                        request.setAttribute(EXCEEDED, true);
                        throw new IOException("Check-in body over " + MAX_BYTES + " bytes");
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0 && (read += n) > MAX_BYTES) {
                        request.setAttribute(EXCEEDED, true);
                        throw new IOException("Check-in body over " + MAX_BYTES + " bytes");
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
