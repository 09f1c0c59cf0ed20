package org.convquiz.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Locale;
import org.convquiz.ConvQuizConfig;
import org.convquiz.audit.AuditLog;
import org.jboss.logging.Logger;

/**
 * Sign-in by name and password, with back-off per account and per address kept in PostgreSQL (every
 * instance sees it). The bcrypt check runs outside any transaction, so a burst of sign-ins does not hold
 * database connections while hashing. Callers run this on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class SignIns {
    private static final Logger LOG = Logger.getLogger(SignIns.class);
    /**
     * Failures older than this are forgotten: the count starts again. Counted from the end of the last pause
     * when there was one, so a pause longer than the window (16 min and up) keeps doubling instead of
     * resetting the count and handing out a fresh set of guesses.
     */
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LONGEST_PAUSE = Duration.ofHours(1);
    /** Compared against when the name is unknown, so a wrong name costs the same time as a wrong password. */
    private static final String NO_SUCH_USER_HASH = Passwords.hash("no-such-user-" + System.nanoTime());

    @Inject
    EntityManager em;

    @Inject
    ConvQuizConfig config;

    /** Who signed in: what a session needs, never the password hash. */
    public record Account(long id, String username, String role, int sessionVersion) {
    }

    public sealed interface Outcome {
    }

    public record SignedIn(Account account) implements Outcome {
    }

    public record Wrong() implements Outcome {
    }

    /** Too many failures: try again after this long (the password was not even checked). */
    public record Paused(Duration retryAfter) implements Outcome {
    }

    /** What the first look-up found: a pause, or the account (null when the name is unknown) and the hash to compare with. */
    public record Lookup(String username, String address, Duration paused, Account account, String hash) {
    }

    /** Signs in with all three steps on the calling thread (tests, scripts); the HTTP path spreads them, see PasswordIdentityProvider. */
    public Outcome signIn(String rawUsername, String password, String address) {
        Lookup lookup = lookup(rawUsername, address);
        if (lookup.paused() != null) {
            return new Paused(lookup.paused());
        }
        return finish(lookup, compare(lookup, password == null ? "" : password));
    }

    /** The bcrypt work of a sign-in (CPU only, no database): the password against the hash, and the new hash when the cost changed. */
    public record Compared(boolean matches, String newHash) {
    }

    /** Step 2 (CPU, ~0.1 s at cost 10): runs on the hashing threads (see PasswordIdentityProvider). */
    public static Compared compare(Lookup lookup, String password) {
        boolean matches = Passwords.matches(password, lookup.hash());
        // The configured cost changed since this password was stored: store it again at the new cost.
        boolean rehash = matches && lookup.account() != null && Passwords.costOf(lookup.hash()) != Passwords.cost();
        return new Compared(matches, rehash ? Passwords.hash(password) : null);
    }

    /** Step 1 (database, short): is the account or address paused, and the account with its hash. */
    public Lookup lookup(String rawUsername, String address) {
        String username = rawUsername == null ? "" : rawUsername.trim().toLowerCase(Locale.ROOT);
        String[] subjects = subjects(username, address);
        Object[] found = QuarkusTransaction.requiringNew().call(() -> {
            Number seconds = (Number) em.createNativeQuery("""
                    select coalesce(max(extract(epoch from paused_until - now())), 0) from sign_in_failure
                    where subject in (?1, ?2) and paused_until > now()""")
                    .setParameter(1, subjects[0]).setParameter(2, subjects[1]).getSingleResult();
            User user = User.findByUsername(username).orElse(null);
            return new Object[] {seconds.doubleValue(), user == null ? null
                    : new Object[] {user.id, user.username, user.role, user.sessionVersion, user.passwordHash}};
        });
        double pausedSeconds = (Double) found[0];
        if (pausedSeconds > 0) {
            Duration retry = Duration.ofSeconds((long) Math.ceil(pausedSeconds));
            QuarkusTransaction.requiringNew().run(() -> AuditLog.record(limit(username), "sign-in.paused", "from " + limit(address) + ", "
                    + retry.toSeconds() + " s left"));
            return new Lookup(username, address, retry, null, null);
        }
        Object[] user = (Object[]) found[1];
        if (user == null) {
            return new Lookup(username, address, null, null, NO_SUCH_USER_HASH);
        }
        Account account = new Account(((Number) user[0]).longValue(), (String) user[1], (String) user[2], ((Number) user[3]).intValue());
        return new Lookup(username, address, null, account, (String) user[4]);
    }

    /** Step 3 (database, short): record the outcome of the bcrypt comparison (step 2, {@link #compare}). */
    public Outcome finish(Lookup lookup, Compared compared) {
        String[] subjects = subjects(lookup.username(), lookup.address());
        if (!compared.matches() || lookup.account() == null) {
            QuarkusTransaction.requiringNew().run(() -> failed(subjects, lookup.username(), lookup.address()));
            return new Wrong();
        }
        String newHash = compared.newHash();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from sign_in_failure where subject = ?1").setParameter(1, subjects[0]).executeUpdate();
            if (newHash != null) {
                em.createNativeQuery("update app_user set password_hash = ?1 where id = ?2").setParameter(1, newHash)
                        .setParameter(2, lookup.account().id()).executeUpdate();
            }
        });
        return new SignedIn(lookup.account());
    }

    private static String[] subjects(String username, String address) {
        return new String[] {"user:" + limit(username), "addr:" + limit(address)};
    }

    /** Counts a failure for the account and the address; past the limit, pauses them (doubling, at most an hour). */
    private void failed(String[] subjects, String username, String address) {
        int[] limits = {config.signIn().accountFailures(), config.signIn().addressFailures()};
        for (int i = 0; i < 2; i++) {
            em.createNativeQuery("""
                    insert into sign_in_failure (subject, failures, last_failure) values (?1, 1, now())
                    on conflict (subject) do update set
                      failures = case when greatest(sign_in_failure.last_failure, sign_in_failure.paused_until)
                                                < now() - make_interval(secs => ?2) then 1
                                      else sign_in_failure.failures + 1 end,
                      last_failure = now()""")
                    .setParameter(1, subjects[i]).setParameter(2, (double) WINDOW.toSeconds()).executeUpdate();
            em.createNativeQuery("""
                    update sign_in_failure set paused_until = case when failures >= ?2
                      then now() + make_interval(secs => least(?3 * power(2, failures - ?2), ?4)) else null end
                    where subject = ?1""")
                    .setParameter(1, subjects[i]).setParameter(2, limits[i])
                    .setParameter(3, (double) config.signIn().pause().toSeconds()).setParameter(4, (double) LONGEST_PAUSE.toSeconds())
                    .executeUpdate();
        }
        // Forgotten failures take no room: the table holds only recent ones, whatever is tried.
        em.createNativeQuery("delete from sign_in_failure where last_failure < now() - interval '1 day'").executeUpdate();
        AuditLog.record(limit(username), "sign-in.failed", "from " + limit(address));
        LOG.infof("Failed sign-in for '%s' from %s", limit(username), limit(address));
    }

    private static String limit(String text) {
        String t = text == null ? "" : text;
        t = t.replaceAll("\\p{Cntrl}", "?"); // names and addresses go to the log: no forged lines
        return t.length() > 64 ? t.substring(0, 64) : t;
    }
}
