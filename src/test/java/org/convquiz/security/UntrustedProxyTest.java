package org.convquiz.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.convquiz.account.User;
import org.junit.jupiter.api.Test;

/**
 * A proxy that is not in quarkus.http.proxy.trusted-proxies cannot claim another address or HTTPS; with
 * convquiz.session.secure-cookies every cookie is Secure anyway (the operator knows the site is HTTPS).
 */
@QuarkusTest
@TestProfile(UntrustedProxyTest.Profile.class)
class UntrustedProxyTest {
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.trusted-proxies", "10.9.9.9", "convquiz.session.secure-cookies", "true");
        }
    }

    @Inject
    EntityManager em;

    @Test
    void forwardedHeadersFromAnUntrustedPeerAreIgnoredAndCookiesAreSecureByConfiguration() {
        String name = "u" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> User.create(name, "right-password-1", User.STUDENT, "Proxy " + name));
        Response signedIn = given().redirects().follow(false).formParam("j_username", name).formParam("j_password", "right-password-1")
                .post("/j_security_check");
        List<String> cookies = signedIn.getHeaders().getValues("Set-Cookie");
        assertFalse(cookies.isEmpty());
        cookies.forEach(c -> assertTrue(c.contains("; Secure"), "configured Secure over plain HTTP: " + c));
        given().get("/login").getHeaders().getValues("Set-Cookie").forEach(c -> assertTrue(c.contains("; Secure"), c));

        given().redirects().follow(false).header("X-Forwarded-For", "192.0.2.99").formParam("j_username", name)
                .formParam("j_password", "wrong").post("/j_security_check");
        List<?> forged = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select 1 from sign_in_failure where subject = 'addr:192.0.2.99'").getResultList());
        assertTrue(forged.isEmpty(), "an untrusted peer cannot claim another address");
    }
}
