package org.convquiz.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.ZoneId;
import org.eclipse.microprofile.config.ConfigProvider;

/** The time zone quiz windows are entered and shown in (CONVQUIZ_TIME_ZONE); templates read it as {@code inject:appTime.zone}. */
@Named("appTime")
@ApplicationScoped
public class AppTime {

    /** From ConvQuizConfig's convquiz.time-zone (default UTC); read directly so static formatters can use it. */
    public static ZoneId zoneId() {
        return ConfigProvider.getConfig().getOptionalValue("convquiz.time-zone", ZoneId.class).orElse(ZoneId.of("UTC"));
    }

    public String zone() {
        return zoneId().getId();
    }
}
