package org.convquiz;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * Runs a {@link ReadOnly} method in a new transaction whose session is read-only (Hibernate's
 * {@code Session.setDefaultReadOnly}: no dirty checking, no snapshots) with manual flushing (no flush at
 * commit). jakarta.transaction.Transactional has no read-only flag, hence this binding.
 */
@ReadOnly
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class ReadOnlyInterceptor {
    @Inject
    Session session;

    @AroundInvoke
    Object read(InvocationContext context) throws Exception {
        if (QuarkusTransaction.isActive()) {
            return context.proceed(); // part of the caller's unit of work, read-only or not
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            session.setDefaultReadOnly(true);
            session.setHibernateFlushMode(FlushMode.MANUAL);
            return context.proceed();
        });
    }
}
