package org.rapport.support.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserDirectory;
import org.rapport.shared.InvalidField;
import org.rapport.shared.NotPermitted;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business calendars and SLA policies of the service desk: everybody reads them, administrators change them. The
 * policy for a case is the first active one, in order of position, that matches its priority, its account's tier and
 * the service level of its contract.
 */
@Service
@Transactional(readOnly = true)
public class ServiceLevels {

	/** The account custom field whose value a policy may match, such as Gold. */
	public static final String TIER_FIELD = "tier";

	private final BusinessCalendars calendars;
	private final SlaPolicies policies;
	private final UserDirectory directory;

	ServiceLevels(BusinessCalendars calendars, SlaPolicies policies, UserDirectory directory) {
		this.directory = directory;
		this.calendars = calendars;
		this.policies = policies;
	}

	public List<BusinessCalendar> calendars() {
		return calendars.inOrder();
	}

	public BusinessCalendar calendar(UUID id) {
		return calendars.findById(id)
			.orElseThrow(() -> new RecordNotFound("support.calendar.notFound", "No business calendar " + id, id));
	}

	/** The business hours of a calendar, if it still exists. */
	public Optional<BusinessHours> hours(UUID calendar) {
		return calendar == null ? Optional.empty() : calendars.findById(calendar).map(BusinessCalendar::hours);
	}

	@Transactional
	public BusinessCalendar createCalendar(Actor actor, String name, String timeZone, String weekHours,
			String holidays) {
		requireAdmin(actor);
		requireFreeCalendarName(name, null);
		return calendars.saveAndFlush(new BusinessCalendar(name, timeZone, weekHours, holidays));
	}

	@Transactional
	public BusinessCalendar changeCalendar(Actor actor, UUID id, long expectedVersion, String name, String timeZone,
			String weekHours, String holidays) {
		requireAdmin(actor);
		BusinessCalendar calendar = calendar(id);
		if (calendar.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(BusinessCalendar.class, id);
		}
		requireFreeCalendarName(name, id);
		calendar.change(name, timeZone, weekHours, holidays);
		return calendars.saveAndFlush(calendar);
	}

	/** Deletes a calendar that no policy uses; the cases held to it keep their due times. */
	@Transactional
	public void deleteCalendar(Actor actor, UUID id) {
		requireAdmin(actor);
		BusinessCalendar calendar = calendar(id);
		if (policies.countByCalendar(id) > 0) {
			throw new RuleBroken("support.calendar.inUse", "The calendar {0} is used by a policy; change the policy first",
					calendar.getName());
		}
		calendars.delete(calendar);
	}

	public List<SlaPolicy> policies() {
		return policies.inOrder();
	}

	public SlaPolicy policy(UUID id) {
		return policies.findById(id)
			.orElseThrow(() -> new RecordNotFound("support.policy.notFound", "No SLA policy " + id, id));
	}

	/** The policy, if it still exists. */
	public Optional<SlaPolicy> findPolicy(UUID id) {
		return policies.findById(id);
	}

	@Transactional
	public SlaPolicy createPolicy(Actor actor, SlaPolicy.Terms terms) {
		requireAdmin(actor);
		requireCalendar(terms);
		requireFreePolicyName(terms.name(), null);
		return policies.saveAndFlush(new SlaPolicy(terms));
	}

	@Transactional
	public SlaPolicy changePolicy(Actor actor, UUID id, long expectedVersion, SlaPolicy.Terms terms) {
		requireAdmin(actor);
		SlaPolicy policy = policy(id);
		if (policy.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(SlaPolicy.class, id);
		}
		requireCalendar(terms);
		requireFreePolicyName(terms.name(), id);
		policy.change(terms);
		return policies.saveAndFlush(policy);
	}

	/** Deletes a policy; the cases held to it keep their targets and due times. */
	@Transactional
	public void deletePolicy(Actor actor, UUID id) {
		requireAdmin(actor);
		policies.delete(policy(id));
	}

	/** The policy a case of this priority for an account with these custom fields is held to, if any. */
	public Optional<SlaPolicy> policyFor(CasePriority priority, Map<String, Object> accountFields) {
		return policyFor(priority, accountFields, null);
	}

	/**
	 * The policy a case of this priority is held to, if any: for an account with these custom fields (none for a
	 * lead's case, which no tier matches) under a contract of this service level (none without a contract).
	 */
	public Optional<SlaPolicy> policyFor(CasePriority priority, Map<String, Object> accountFields,
			String contractServiceLevel) {
		Object tier = accountFields == null ? null : accountFields.get(TIER_FIELD);
		String tierText = tier == null ? null : tier.toString();
		return policies.inOrder()
			.stream()
			.filter(policy -> policy.matches(priority, tierText, contractServiceLevel))
			.findFirst();
	}

	private void requireCalendar(SlaPolicy.Terms terms) {
		if (terms.escalationTeamId() != null && directory.findTeam(new TeamId(terms.escalationTeamId())).isEmpty()) {
			throw new InvalidField("escalationTeamId", "validation.team.unknown", "There is no such team.");
		}
		if (terms.calendarId() != null && !calendars.existsById(terms.calendarId())) {
			throw new InvalidField("calendarId", "support.policy.calendar", "Choose the business calendar of the policy");
		}
	}

	private void requireFreeCalendarName(String name, UUID self) {
		if (name != null) {
			calendars.findByNameIgnoreCase(name.strip())
				.filter(other -> !other.getId().equals(self))
				.ifPresent(other -> {
					throw new InvalidField("name", "support.calendar.nameTaken", "Another calendar has this name");
				});
		}
	}

	private void requireFreePolicyName(String name, UUID self) {
		if (name != null) {
			policies.findByNameIgnoreCase(name.strip())
				.filter(other -> !other.getId().equals(self))
				.ifPresent(other -> {
					throw new InvalidField("name", "support.policy.nameTaken", "Another policy has this name");
				});
		}
	}

	private static void requireAdmin(Actor actor) {
		if (!actor.isAdmin()) {
			throw new NotPermitted("support.admin", "Only an administrator changes calendars and SLA policies");
		}
	}
}
