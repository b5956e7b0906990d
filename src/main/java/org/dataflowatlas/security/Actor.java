package org.dataflowatlas.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is doing this, as the audit trail records it: a key's name, never the key. */
public final class Actor {

    private Actor() {}

    /** The API key's name for a request; {@code cli:<os user>} for the command line (which has no key). */
    public static String current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return authentication.getName();
        }
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}
