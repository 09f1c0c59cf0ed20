package org.convquiz.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Forwarded headers believed from every peer (forwarding on, no trusted proxy; checked by hand against Quarkus 3.33) get a warning. */
class StartupBannerTest {
    @Test
    void warnsOnlyWhenForwardingIsOnWithoutATrustedProxy() {
        String warning = StartupBanner.proxyWarning(true, "").orElseThrow();
        assertTrue(warning.contains("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES"), warning);
        assertFalse(StartupBanner.proxyWarning(true, "10.0.0.5").isPresent());
        assertFalse(StartupBanner.proxyWarning(false, "").isPresent());
    }
}
