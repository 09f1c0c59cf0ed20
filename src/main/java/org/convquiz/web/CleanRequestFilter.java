package org.convquiz.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The one place where hostile characters in requests are neutralised: NUL and lone surrogates in the
 * URL (path and query) and in form fields become U+FFFD ({@link CleanText}) before any resource sees
 * them, so what a student typed is stored as typed, never a 500. JSON strings are cleaned by the
 * Jackson customizer ({@link CleanJson}); entities are the last line ({@link CleanTextConverter}).
 */
public class CleanRequestFilter {

    /** Before routing: a NUL in a URL id is then an ordinary unknown id (404), not an error. */
    @ServerRequestFilter(preMatching = true)
    public void cleanUri(ResteasyReactiveContainerRequestContext context) {
        URI uri = context.getUriInfo().getRequestUri();
        String raw = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        if (!raw.contains("%00") && !raw.toUpperCase(java.util.Locale.ROOT).contains("%ED")) {
            return; // %ED starts the UTF-8 form of a surrogate; anything else is clean
        }
        String path = CleanText.of(decode(uri.getRawPath()));
        UriBuilder builder = UriBuilder.fromUri(uri).replacePath(null);
        for (String segment : path.split("/", -1)) {
            if (!segment.isEmpty()) {
                builder.segment(segment);
            }
        }
        builder.replaceQuery(uri.getRawQuery() == null ? null : cleanEncoded(uri.getRawQuery()));
        context.setRequestUri(builder.build());
    }

    /** After the form is read: every field value is cleaned, and a re-read of the body sees the same. */
    @ServerRequestFilter
    @WithFormRead
    public void cleanForm(ResteasyReactiveContainerRequestContext context) {
        if (!(context.getServerRequestContext() instanceof ResteasyReactiveRequestContext request)
                || !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(context.getMediaType())) {
            return;
        }
        FormData form = request.getFormData();
        if (form == null) {
            return;
        }
        boolean changed = false;
        List<String> names = new ArrayList<>();
        form.forEach(names::add);
        StringBuilder body = new StringBuilder();
        for (String name : names) {
            Deque<FormValue> values = form.get(name);
            List<String> cleaned = new ArrayList<>();
            for (FormValue v : values) {
                String value = v.isFileItem() ? null : v.getValue();
                String clean = CleanText.of(value);
                changed |= value != null && !value.equals(clean);
                cleaned.add(clean);
            }
            String cleanName = CleanText.of(name);
            changed |= !cleanName.equals(name);
            if (changed) {
                form.remove(name);
                for (String c : cleaned) {
                    form.add(cleanName, c == null ? "" : c);
                }
            }
            for (String c : cleaned) {
                body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(cleanName, StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(c == null ? "" : c, StandardCharsets.UTF_8));
            }
        }
        if (changed) {
            context.setEntityStream(new ByteArrayInputStream(body.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static String cleanEncoded(String rawQuery) {
        StringBuilder out = new StringBuilder();
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            out.append(out.length() == 0 ? "" : "&").append(URLEncoder.encode(CleanText.of(decode(name)), StandardCharsets.UTF_8));
            if (eq >= 0) {
                out.append('=').append(URLEncoder.encode(CleanText.of(decode(pair.substring(eq + 1))), StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a broken escape is left for the router, which answers 400/404
        }
    }
}
