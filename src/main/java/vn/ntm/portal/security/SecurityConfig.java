package vn.ntm.portal.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

/**
 * Three doors: the API for scripts and provincial systems (HTTP Basic, no session), the operations
 * endpoints (health public, the rest for administrators) and the Vaadin UI (form login).
 * Authorization proper sits on service methods ({@code @PreAuthorize}), enabled here.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    static final String LOGIN_ROUTE = "login";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle,
                                                KnownDevices devices) {
        ProviderManager manager = new ProviderManager(new ThrottledAuthenticationProvider(users, encoder, throttle, devices));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    /**
     * No observation around each security filter of every request: with the actuator's meter registry that made a
     * dozen observations and counters per request, more CPU and garbage than a whole check-in (see
     * docs/PERFORMANCE.md). Each request is still timed by the HTTP server observation; sign-ins and authorization
     * decisions stay observed.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
    }

    /** A plain 401 for scripts: no redirect to the login page, no error page. */
    private static void challenge(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"NTM\", charset=\"UTF-8\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager manager) throws Exception {
        return http.securityMatcher("/api/**")
                .authenticationManager(manager)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(SecurityConfig::challenge))
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfig::challenge)
                        .accessDeniedHandler((request, response, denied) -> response.setStatus(HttpServletResponse.SC_FORBIDDEN)))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operationsChain(HttpSecurity http, AuthenticationManager manager) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authenticationManager(manager)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(EndpointRequest.to("health", "info")).permitAll()
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .httpBasic(b -> b.authenticationEntryPoint(SecurityConfig::challenge))
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfig::challenge)
                        .accessDeniedHandler((request, response, denied) -> response.setStatus(HttpServletResponse.SC_FORBIDDEN)))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain uiChain(HttpSecurity http, AuthenticationManager manager, SessionRevalidation revalidation,
                                @Value("${portal.public-url:}") String publicUrl) throws Exception {
        http.authenticationManager(manager);
        // Vaadin's login form carries no CSRF token: the sign-in post must at least come from the portal's own page
        http.addFilterBefore(new LoginOriginFilter(publicUrl), UsernamePasswordAuthenticationFilter.class);
        // after a wrong password the login page gives back the login name that was typed
        http.addFilterBefore(new LoginNameMemory(), UsernamePasswordAuthenticationFilter.class);
        // an account disabled or moved since sign-in loses its session at the next request
        http.addFilterBefore(new StaleSessionFilter(revalidation, "/" + LOGIN_ROUTE), AuthorizationFilter.class);
        http.authorizeHttpRequests(a -> a.requestMatchers("/styles/**", "/icons/**", "/images/**", "/webjars/**", "/checkin", "/checkin/**", "/error",
                "/" + LOGIN_ROUTE).permitAll());
        // the certificate verification page that a certificate's QR code opens: read-only, GET only, rate-limited
        http.authorizeHttpRequests(a -> a.requestMatchers(org.springframework.http.HttpMethod.GET, "/verify", "/verify/**").permitAll());
        // the plain check-in form: the session cookie is SameSite=Lax, so a cross-site post carries no sign-in
        http.csrf(c -> c.ignoringRequestMatchers("/checkin", "/checkin/**"));
        // lesson videos and documents, streamed by a controller that checks who may see the lesson
        http.authorizeHttpRequests(a -> a.requestMatchers("/files/**").authenticated());
        // the trainee's plain learning pages (catalog, module, lesson): any signed-in person, as the UI's views were;
        // what each may see is decided by the learning and catalog services
        http.authorizeHttpRequests(a -> a.requestMatchers("/catalog", "/module/**", "/lesson/**").authenticated());
        http.with(vaadin(), vaadin -> vaadin.loginView("/" + LOGIN_ROUTE, "/" + LOGIN_ROUTE));
        http.headers(h -> h.frameOptions(f -> f.sameOrigin()));
        return http.build();
    }
}
