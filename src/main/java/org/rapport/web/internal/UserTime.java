package org.rapport.web.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.rapport.identity.CurrentActor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Shows stored instants in the signed-in user's time zone and language: {@code ${@userTime.format(instant)}}.
 */
@Component("userTime")
class UserTime {

	private final CurrentActor currentActor;

	UserTime(CurrentActor currentActor) {
		this.currentActor = currentActor;
	}

	public String format(Instant instant) {
		if (instant == null) {
			return "";
		}
		ZoneId zone = currentActor.find().map(actor -> actor.zone()).orElse(ZoneId.of("UTC"));
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(LocaleContextHolder.getLocale())
			.withZone(zone)
			.format(instant);
	}
}
