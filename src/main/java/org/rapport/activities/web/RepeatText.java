package org.rapport.activities.web;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.stream.Collectors;
import org.rapport.activities.internal.Activity;
import org.rapport.activities.internal.Recurrence;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How a series repeats, in words of the user's language, as pages show it: "Every 2 weeks on Monday, Wednesday,
 * 10 times".
 */
@Component("repeatText")
public class RepeatText {

	private final MessageSource messages;

	RepeatText(MessageSource messages) {
		this.messages = messages;
	}

	/** The words for the activity's repetition; {@code null} for one that does not repeat. */
	public String of(Activity activity) {
		Recurrence rule = activity.recurrence();
		if (rule == null) {
			return null;
		}
		Locale locale = LocaleContextHolder.getLocale();
		ZonedDateTime start = activity.start().atZone(activity.zone());
		String every = switch (rule.frequency()) {
			case DAILY -> message("repeat.text.daily", locale, rule.interval());
			case WEEKLY -> message("repeat.text.weekly", locale, rule.interval(),
					(rule.days().isEmpty() ? java.util.Set.of(start.getDayOfWeek()) : rule.days()).stream()
						.sorted()
						.map(day -> day.getDisplayName(TextStyle.FULL, locale))
						.collect(Collectors.joining(message("repeat.text.separator", locale))));
			case MONTHLY -> rule.monthDay() != null && rule.monthDay() == -1
					? message("repeat.text.monthlyLast", locale, rule.interval())
					: message("repeat.text.monthly", locale, rule.interval(),
							rule.monthDay() == null ? start.getDayOfMonth() : rule.monthDay());
		};
		if (rule.until() != null) {
			return message("repeat.text.until", locale, every,
					DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(rule.until()));
		}
		if (rule.count() != null) {
			return message("repeat.text.count", locale, every, rule.count());
		}
		return every;
	}

	/** A weekday's name in the user's language, for the form's choice of days. */
	public String day(DayOfWeek day) {
		return day.getDisplayName(TextStyle.SHORT, LocaleContextHolder.getLocale());
	}

	private String message(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}
}
