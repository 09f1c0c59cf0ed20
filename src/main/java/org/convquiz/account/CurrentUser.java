package org.convquiz.account;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.Optional;

/** The signed-in user of this request, for resources and templates ({@code inject:currentUser}). */
@Named("currentUser")
@RequestScoped
public class CurrentUser {
    @Inject
    SecurityIdentity identity;

    private User user;

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    public boolean isInstructor() {
        return identity.hasRole(User.INSTRUCTOR);
    }

    /** The account name (the principal also carries the session version, see {@link Sessions}). */
    public String getUsername() {
        String name = isLoggedIn() ? identity.getAttribute(Sessions.USERNAME) : null;
        return name == null ? "" : name;
    }

    /** The entity; a signed-in principal with no row (deleted meanwhile) is treated as unknown. */
    @Transactional
    public User user() {
        if (user == null) {
            user = find().orElseThrow(() -> new NotFoundException("no such user"));
        }
        return user;
    }

    @Transactional
    public Optional<User> find() {
        Long id = isLoggedIn() ? identity.getAttribute(Sessions.USER_ID) : null;
        return id == null ? Optional.empty() : Optional.ofNullable(User.findById(id));
    }
}
