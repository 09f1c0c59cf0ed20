package org.convquiz.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.convquiz.ConvQuizConfig;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Chooses the page language: {@code ?lang=} (remembered in a cookie), then the cookie, then the
 * browser's Accept-Language. The choice is written back into Accept-Language before matching, so
 * quarkus-rest-qute renders every template and message bundle in it with no code in resources. A browser
 * that names neither language gets the configured default (CONVQUIZ_LANGUAGE).
 */
public class LanguageFilter {
    private static final String CHOSEN = LanguageFilter.class.getName() + ".chosen";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Inject
    ConvQuizConfig config;

    @ServerRequestFilter(preMatching = true)
    public void chooseLanguage(ContainerRequestContext request) {
        Optional<Lang> fromParam = Lang.parse(request.getUriInfo().getQueryParameters().getFirst(Lang.PARAM));
        Cookie cookie = request.getCookies().get(Lang.COOKIE);
        Optional<Lang> chosen = fromParam.or(() -> Lang.parse(cookie == null ? null : cookie.getValue()))
                .or(() -> browserSpeaksOne(request) ? Optional.empty() : Lang.parse(config.language()));
        fromParam.ifPresent(lang -> request.setProperty(CHOSEN, lang));
        chosen.ifPresent(lang -> request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE, lang.tag()));
    }

    private static boolean browserSpeaksOne(ContainerRequestContext request) {
        return request.getAcceptableLanguages().stream()
                .map(Locale::getLanguage)
                .anyMatch(tag -> Lang.parse(tag).isPresent());
    }

    @ServerResponseFilter
    public void rememberLanguage(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(CHOSEN) instanceof Lang lang) {
            NewCookie cookie = new NewCookie.Builder(Lang.COOKIE)
                    .value(lang.tag())
                    .path("/")
                    .maxAge(ONE_YEAR)
                    .httpOnly(true)
                    .sameSite(NewCookie.SameSite.LAX)
                    .build();
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie);
        }
    }
}
