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
    }
}
