package org.dataflowatlas.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/** Reads {@code Authorization: Bearer <key>}; no header means an anonymous caller. */
final class BearerKeyConverter implements AuthenticationConverter {

    private static final String BEARER = "bearer ";
    private static final int MAX_KEY = 512;

    @Override
    public @Nullable Authentication convert(HttpServletRequest request) {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return null;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new BadCredentialsException(
                    "The Authorization header must be 'Bearer <key>' (this API takes API keys, not passwords).");
        }
        var key = header.substring(BEARER.length()).strip();
        if (key.isEmpty() || key.length() > MAX_KEY) {
            throw new BadCredentialsException("The Authorization header holds no usable key: send 'Bearer <key>'.");
        }
        return ApiKeyAuthentication.presented(key);
    }
}
