package org.convquiz.web;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.convquiz.ConvQuizConfig;
import org.jboss.logging.Logger;

/** One line at start-up with where people reach the app and the defaults it uses, so a wrong setting shows at once. */
@ApplicationScoped
public class StartupBanner {
    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    @Inject
    ConvQuizConfig config;

    void onStart(@Observes StartupEvent event) {
        if (Lang.parse(config.language()).isEmpty()) {
            throw new IllegalStateException("CONVQUIZ_LANGUAGE is '" + config.language() + "'; ConvQuiz speaks en and zh.");
        }
        LOG.infof("ConvQuiz for %s (CONVQUIZ_URL); default language %s, time zone %s", config.url(), config.language(), config.timeZone());
        var all = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        proxyWarning(all.getOptionalValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class).orElse(false),
                all.getOptionalValue("quarkus.http.proxy.trusted-proxies", String.class).orElse("")).ifPresent(LOG::warn);
    }

    /**
     * Quarkus believes forwarded headers from every peer when forwarding is on and no trusted proxy is
     * listed: then anyone can claim HTTPS or another address (and so dodge the per-address sign-in pause).
     */
    static java.util.Optional<String> proxyWarning(boolean forwarding, String trustedProxies) {
        if (!forwarding || !trustedProxies.isBlank()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING is on but QUARKUS_HTTP_PROXY_TRUSTED_PROXIES is empty:"
                + " X-Forwarded-* headers are believed from anybody (a claimed address dodges the sign-in pause)."
                + " List the proxy's address (README, Behind a proxy).");
    }
}
