package org.convquiz.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Passwords are stored as bcrypt hashes (Modular Crypt Format, {@code $2a$<cost>$<salt+hash>}) at the
 * configured cost (convquiz.password.cost); a hash of another cost is redone at the next sign-in.
 */
public final class Passwords {
    private Passwords() {
    }

    /** The configured bcrypt cost (read per call: tests and operators may change it between starts). */
    public static int cost() {
        return ConfigProvider.getConfig().getOptionalValue("convquiz.password.cost", Integer.class).orElse(10);
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost());
    }

    /** Whether {@code password} matches {@code hash}; a malformed hash matches nothing. */
    public static boolean matches(String password, String hash) {
        try {
            return hash != null && BcryptUtil.matches(password, hash);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The cost a stored hash was made with ({@code $2a$10$…} → 10), or -1 when it is not bcrypt. */
    public static int costOf(String hash) {
        if (hash == null || hash.length() < 7 || hash.charAt(0) != '$' || hash.charAt(3) != '$' || hash.charAt(6) != '$') {
            return -1;
        }
        try {
            return Integer.parseInt(hash.substring(4, 6));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
