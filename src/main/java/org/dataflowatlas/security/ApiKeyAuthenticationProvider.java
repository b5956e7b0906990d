package org.dataflowatlas.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** Checks a presented key against the configured digests. */
final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeys keys;

    ApiKeyAuthenticationProvider(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var presented = (String) authentication.getCredentials();
        if (presented == null) {
            throw new BadCredentialsException("No API key was sent.");
        }
        return keys.find(presented)
                .map(ApiKeyAuthentication::verified)
                .orElseThrow(() -> new BadCredentialsException(
                        "The API key sent is not one this server knows: check it, or ask the server's operator"
                                + " for a key."));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
