package org.rapport.activities.internal;

import java.util.List;
import org.rapport.identity.UserId;
import org.rapport.shared.InvalidField;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Each user's choices for their activities: how long before a meeting it reminds them by default. */
@Component
public class ActivityPreferences {

	/** The reminder of users who chose none, in minutes before a meeting. */
	public static final int DEFAULT_REMINDER = 15;

	private final JdbcTemplate jdbc;

	ActivityPreferences(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The user's default reminder, in minutes before a meeting; {@code null} for none. */
	public Integer reminderOf(UserId user) {
		List<Integer> chosen = jdbc.queryForList("select reminder_minutes from activity_preference where user_id = ?",
				Integer.class, user.value());
		if (chosen.isEmpty()) {
			return DEFAULT_REMINDER;
		}
		return chosen.get(0) < 0 ? null : chosen.get(0);
	}

	/** Keeps the user's default reminder; {@code null} or a negative number for none. */
	@Transactional
	public void chooseReminder(UserId user, Integer minutes) {
		int stored = minutes == null || minutes < 0 ? -1 : minutes;
		if (stored > ActivityBook.MAX_REMINDER) {
			throw new InvalidField("reminderMinutes", "validation.activity.reminder",
					"A reminder comes at most a week before", ActivityBook.MAX_REMINDER);
		}
		if (jdbc.update("update activity_preference set reminder_minutes = ? where user_id = ?", stored,
				user.value()) == 0) {
			jdbc.update("insert into activity_preference (user_id, reminder_minutes) values (?, ?)", user.value(),
					stored);
		}
	}
}
