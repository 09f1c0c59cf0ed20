package org.convquiz.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.convquiz.audit.AuditLog;

/**
 * One-time links to set a password, for accounts an instructor makes or resets (no e-mail server needed: the
 * instructor hands the link over). The token is 32 random bytes shown once; only its SHA-256 is stored. A link
 * works once, for 7 days; a newer link for the same account replaces older ones. Setting the password ends
 * the account's sessions.
 */
@ApplicationScoped
public class PasswordLinks {
    static final Duration VALID = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    /** A new link's token for {@code user} (earlier unused links of the account stop working). */
    @Transactional
    public String create(User user, String actor) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.createNativeQuery("update password_link set used_at = now() where user_id = ?1 and used_at is null").setParameter(1, user.id).executeUpdate();
        em.createNativeQuery("insert into password_link (token_hash, user_id, created_by, expires_at) values (?1, ?2, ?3, now() + make_interval(days => ?4))")
                .setParameter(1, sha256(token)).setParameter(2, user.id).setParameter(3, actor).setParameter(4, (int) VALID.toDays()).executeUpdate();
        AuditLog.record(actor, "password.link", "for " + user.username);
        return token;
    }

    /** The account a still-valid, unused token belongs to. */
    @Transactional
    public Optional<User> holder(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return em.createNativeQuery("select user_id from password_link where token_hash = ?1 and used_at is null and expires_at > now()")
                .setParameter(1, sha256(token)).getResultStream().findFirst().map(id -> User.findById(((Number) id).longValue()));
    }

    /** Sets the password of the token's account and uses the token up; false when the token is not (or no longer) valid. */
    @Transactional
    public boolean use(String token, String password) {
        Optional<User> user = holder(token);
        if (user.isEmpty()) {
            return false;
        }
        int used = em.createNativeQuery("update password_link set used_at = now() where token_hash = ?1 and used_at is null")
                .setParameter(1, sha256(token)).executeUpdate();
        if (used != 1) {
            return false; // used by a concurrent request a moment ago
        }
        User u = user.get();
        u.passwordHash = Passwords.hash(password);
        u.sessionVersion++; // whoever had the old password is signed out
        AuditLog.record(u.username, "password.set", "by link");
        return true;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
