package org.convquiz.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Restores the identity of a session cookie: one indexed look-up of the account, which must still exist
 * and still be at the session version the cookie carries (signing out moves it on).
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {
    /** By the unique index on username. */
    static final String LOOKUP = "select u.id, u.role, u.sessionVersion, u.displayName, u.studentNumber, u.email, u.createdAt"
            + " from User u where u.username = ?1";

    @Inject
    EntityManager em;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        String[] parts = Sessions.parse(request.getPrincipal());
        if (parts == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("not a ConvQuiz session"));
        }
        return context.runBlocking(() -> {
            // The columns a page may need of the signed-in account come with the check, so CurrentUser has
            // them without a second look-up (StatementCountTest: one statement for a signed-in request).
            List<Object[]> rows = QuarkusTransaction.joiningExisting().call(() -> em.createQuery(LOOKUP, Object[].class)
                    .setParameter(1, parts[0]).getResultList());
            if (rows.isEmpty()) {
                throw new AuthenticationFailedException("no such account");
            }
            Object[] row = rows.get(0);
            int version = (Integer) row[2];
            if (!String.valueOf(version).equals(parts[1])) {
                throw new AuthenticationFailedException("signed out");
            }
            SignIns.Account account = new SignIns.Account((Long) row[0], parts[0], (String) row[1], version);
            return Sessions.identity(account, new Sessions.Profile((String) row[3], (String) row[4], (String) row[5],
                    (java.time.OffsetDateTime) row[6]));
        });
    }
}
