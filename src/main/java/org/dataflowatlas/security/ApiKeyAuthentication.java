package org.dataflowatlas.security;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A presented key before it is checked; once checked, the key's name and role (the key itself is dropped). */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final String name;
    private @Nullable String key;

    private ApiKeyAuthentication(String name, @Nullable String key, Role @Nullable ... roles) {
        super(roles == null || roles.length == 0 ? List.of() : roles[0].authorities());
        this.name = name;
        this.key = key;
        setAuthenticated(roles != null && roles.length > 0);
    }

    static ApiKeyAuthentication presented(String key) {
        return new ApiKeyAuthentication("api-key", key);
    }

    static ApiKeyAuthentication verified(ApiKeys.ApiKey key) {
        return new ApiKeyAuthentication(key.name(), null, key.role());
    }

    @Override
    public @Nullable Object getCredentials() {
        return key;
    }

    @Override
    public Object getPrincipal() {
        return name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void eraseCredentials() {
        key = null;
        super.eraseCredentials();
    }
}
