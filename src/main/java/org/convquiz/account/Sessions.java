package org.convquiz.account;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * What a session cookie carries: the principal name {@code <username>#<session version>}. Quarkus encrypts
 * it into the cookie; {@link SessionIdentityProvider} refuses a cookie whose version the account has moved
 * past (signing out moves it), so a copied cookie stops working everywhere at once.
 */
public final class Sessions {
    static final String USERNAME = "convquiz.username";
    static final String USER_ID = "convquiz.user-id";
    static final String PROFILE = "convquiz.profile";
    static final String ROLE = "convquiz.role";

    /** The rest of the account's row, read with the session check (see CurrentUser#user). */
    record Profile(String displayName, String studentNumber, String email, java.time.OffsetDateTime createdAt) {
    }

    private Sessions() {
    }

    static String principal(String username, int version) {
        return username + "#" + version;
    }

    /** [username, version] of a principal name, or null when it is not one of ours. */
    static String[] parse(String principal) {
        int at = principal == null ? -1 : principal.lastIndexOf('#');
        if (at <= 0 || at == principal.length() - 1) {
            return null;
        }
        return new String[] {principal.substring(0, at), principal.substring(at + 1)};
    }

    /** The session version of a principal name of ours (0 when it is not one). */
    static int parseVersion(String principal) {
        String[] parts = parse(principal);
        try {
            return parts == null ? 0 : Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static SecurityIdentity identity(SignIns.Account account) {
        return identity(account, null);
    }

    static SecurityIdentity identity(SignIns.Account account, Profile profile) {
        var builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(principal(account.username(), account.sessionVersion())))
                .addRole(account.role())
                .addAttribute(USERNAME, account.username())
                .addAttribute(USER_ID, account.id())
                .addAttribute(ROLE, account.role());
        if (profile != null) {
            builder.addAttribute(PROFILE, profile);
        }
        return builder.build();
    }
}
