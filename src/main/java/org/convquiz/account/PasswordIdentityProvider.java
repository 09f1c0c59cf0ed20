package org.convquiz.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Name and password (the sign-in form and HTTP Basic): checked by {@link SignIns} on a worker thread, so
 * bcrypt never blocks the event loop. A paused account or address is told apart from a wrong password
 * through a routing-context attribute, which the web layer turns into Retry-After.
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    /** Routing-context attribute: seconds until sign-in may be tried again (read by web.CookieAndSignInHeaders and ApiAuthProblems). */
    public static final String PAUSED = "convquiz.sign-in.paused";

    @Inject
    SignIns signIns;

    @Inject
    Hashing hashing;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = http == null || http.request().remoteAddress() == null ? "unknown" : http.request().remoteAddress().hostAddress();
        String password = new String(request.getPassword().getPassword());
        // Look-up and record on worker threads (short database work); the bcrypt comparison (and a rehash at a
        // changed cost) in between on the hashing threads only, so a class signing in at once cannot take every core from other requests.
        java.util.function.Supplier<SignIns.Lookup> look = () -> signIns.lookup(request.getUsername(), address);
        return Uni.createFrom().item(look).runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
                .chain(lookup -> {
                    if (lookup.paused() != null) {
                        if (http != null) {
                            http.put(PAUSED, lookup.paused().toSeconds());
                        }
                        return Uni.createFrom().<SecurityIdentity>failure(new AuthenticationFailedException());
                    }
                    java.util.function.Supplier<SignIns.Compared> compare = () -> SignIns.compare(lookup, password);
                    Uni<SignIns.Compared> compared = Uni.createFrom().item(compare).runSubscriptionOn(hashing.executor());
                    return compared.chain(result -> context.runBlocking(() -> identity(signIns.finish(lookup, result))));
                });
    }

    private static SecurityIdentity identity(SignIns.Outcome outcome) {
        if (outcome instanceof SignIns.SignedIn in) {
            return Sessions.identity(in.account());
        }
        throw new AuthenticationFailedException();
    }
}
