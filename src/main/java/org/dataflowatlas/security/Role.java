package org.dataflowatlas.security;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a key may do. An editor may also read. */
public enum Role {
    READER,
    EDITOR;

    List<GrantedAuthority> authorities() {
        return this == EDITOR
                ? List.of(new SimpleGrantedAuthority("ROLE_EDITOR"), new SimpleGrantedAuthority("ROLE_READER"))
                : List.of(new SimpleGrantedAuthority("ROLE_READER"));
    }
}
