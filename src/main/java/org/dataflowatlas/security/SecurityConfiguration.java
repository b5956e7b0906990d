package org.dataflowatlas.security;

import org.dataflowatlas.neo4j.Neo4jConnectionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;

/**
 * Spring Security for the API: API keys through Spring Security's own {@link AuthenticationFilter}
 * (our converter reads the header, our provider checks the digest), stateless, no sessions, no
 * CSRF (no cookies are used). Mutations are guarded on their controller methods
 * ({@code @PreAuthorize("hasRole('EDITOR')")}); reads at the door when {@code reads=key}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@ConditionalOnWebApplication
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** The explorer, GraphiQL and the static files and WebJars (libraries) they load. */
    private static final String[] WEB_PAGES = {
        "/",
        "/index.html",
        "/explore",
        "/graphiql",
        "/graphiql/**",
        "/assets/**",
        "/webjars/**",
        "/_static/**",
        "/favicon.ico"
    };

    @Bean
    ApiKeys apiKeys(AccessProperties properties, Neo4jConnectionInfo neo4j) {
        var keys = ApiKeys.from(properties, neo4j);
        log.info(
                "Access: {} API key(s); reads are {}; mutations need an editor key",
                keys.size(),
                properties.reads() == AccessProperties.Reads.KEY ? "key-only" : "open");
        return keys;
    }

    /**
     * No per-filter observations: Spring Security would otherwise wrap each filter of every request in
     * its own observation (a fixed cost per request, seen in JFR). The request as a whole is
     * still timed by {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    ApiKeyAuthenticationProvider apiKeyAuthenticationProvider(ApiKeys keys) {
        return new ApiKeyAuthenticationProvider(keys);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiKeyAuthenticationProvider provider, AccessProperties properties)
            throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, failure) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            var message = failure instanceof InsufficientAuthenticationException
                    ? "This server needs an API key for queries: send the header 'Authorization: Bearer <key>'"
                            + " (ask its operator for a reader key)."
                    : failure.getMessage();
            log.warn(
                    "Refused {} {} from {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    request.getRemoteAddr(),
                    message);
            JsonErrors.write(response, 401, "UNAUTHORIZED", String.valueOf(message));
        };
        var keyFilter = new AuthenticationFilter(new ProviderManager(provider), new BearerKeyConverter());
        keyFilter.setSuccessHandler((request, response, authentication) -> {});
        keyFilter.setFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));

        boolean readsNeedKey = properties.reads() == AccessProperties.Reads.KEY;
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(keyFilter, AuthorizationFilter.class)
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error")
                            .permitAll();
                    // The web pages and their assets hold no data: they ask for a key when /graphql needs one.
                    requests.requestMatchers(WEB_PAGES).permitAll();
                    if (readsNeedKey) {
                        requests.anyRequest().hasRole("READER");
                    } else {
                        requests.anyRequest().permitAll();
                    }
                })
                .build();
    }
}
