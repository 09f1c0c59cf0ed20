package org.convquiz.account;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.convquiz.ConvQuizConfig;

/**
 * The threads bcrypt runs on: a fixed few (convquiz.password.hashing-threads, default half the cores, at least
 * one), so a burst of sign-ins queues here instead of taking every core from the pages and checks of
 * students already signed in (measured in docs/benchmarks.md#sign-in).
 */
@ApplicationScoped
public class Hashing {
    private final ExecutorService executor;

    @Inject
    public Hashing(ConvQuizConfig config) {
        int threads = config.password().hashingThreads().orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "convquiz-bcrypt-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public ExecutorService executor() {
        return executor;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
