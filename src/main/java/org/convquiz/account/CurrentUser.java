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

    /**
     * The account as an entity, detached: for a session, built from the row the session check already read
     * (no second look-up); for HTTP Basic, loaded by id. Read it and refer to it (attempt.student = user);
     * changes to it are not saved: change accounts with statements (see AccountResource#logout).
     */
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
        if (id == null) {
            return Optional.empty();
        }
        Sessions.Profile profile = identity.getAttribute(Sessions.PROFILE);
        if (profile == null) {
            return Optional.ofNullable(User.findById(id));
        }
        User copy = new User();
        copy.id = id;
        copy.username = getUsername();
        copy.role = identity.getAttribute(Sessions.ROLE);
        copy.sessionVersion = Sessions.parseVersion(identity.getPrincipal().getName());
        copy.displayName = profile.displayName();
        copy.studentNumber = profile.studentNumber();
        copy.email = profile.email();
        copy.createdAt = profile.createdAt();
        return Optional.of(copy); // passwordHash stays null: the copy is never written back
    }
}
