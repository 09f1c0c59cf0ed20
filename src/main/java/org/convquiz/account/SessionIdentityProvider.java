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
            List<?> rows = QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery(
                    "select id, role, session_version from app_user where username = ?1").setParameter(1, parts[0]).getResultList());
            if (rows.isEmpty()) {
                throw new AuthenticationFailedException("no such account");
            }
            Object[] row = (Object[]) rows.get(0);
            int version = ((Number) row[2]).intValue();
            if (!String.valueOf(version).equals(parts[1])) {
                throw new AuthenticationFailedException("signed out");
            }
            return Sessions.identity(new SignIns.Account(((Number) row[0]).longValue(), parts[0], (String) row[1], version));
        });
    }
}
