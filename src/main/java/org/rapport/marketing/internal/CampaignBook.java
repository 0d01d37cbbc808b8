package org.rapport.marketing.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.identity.Visibility;
import org.rapport.identity.VisibleQuery;
import org.rapport.shared.InvalidField;
import org.rapport.shared.Money;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.ResultPage;
import org.rapport.shared.SortWhitelist;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists, opens, plans, changes and moves campaigns within what the acting user may see, and sums the figures of a
 * campaign's hierarchy.
 */
@Service
@Transactional(readOnly = true)
public class CampaignBook {

	/**
	 * The orders the campaign list offers: by start date, ending in the id, or by name; an index starts with each,
	 * and the status, type, owner and team indexes continue with the start date.
	 */
	public static final SortWhitelist SORTS = SortWhitelist
		.defaultingTo("startDate", Sort.Direction.DESC, "c.startDate", "c.id")
		.with("name", "c.name", "c.id");

	/** The order of a campaign's children: the first to start first. */
	static final String CHILD_ORDER = "c.startDate asc, c.id asc";

	/**
	 * The ids of a campaign and its ancestors up to the top, the campaign first. The walk stops after a few levels
	 * more than a hierarchy may have, so that it ends even on rows that a hand-made change looped.
	 */
	private static final String LINEAGE = """
			with recursive up (id, parent_id, lvl) as (
			  select id, parent_id, 1 from campaign where id = :start
			  union all
			  select c.id, c.parent_id, u.lvl + 1 from campaign c join up u on c.id = u.parent_id where u.lvl < :limit
			)
			select id from up order by lvl""";

	/** How many levels of descendants a campaign has: 0 for none. */
	private static final String LEVELS_BELOW = """
			with recursive down (id, lvl) as (
			  select id, 0 from campaign where id = :root
			  union all
			  select c.id, d.lvl + 1 from campaign c join down d on c.parent_id = d.id where d.lvl < :limit
			)
			select max(lvl) from down""";

	/**
	 * The sums per currency over a campaign and all its descendants, walked through the whole hierarchy (a hidden
	 * campaign in between does not hide the ones below it) and summed over those the reader may see (the condition
	 * that replaces {@code %s}), so that the figures tell nothing of campaigns the reader may not open.
	 */
	private static final String FIGURES = """
			with recursive tree (id, lvl) as (
			  select id, 1 from campaign where id = :root
			  union all
			  select c.id, t.lvl + 1 from campaign c join tree t on c.parent_id = t.id where t.lvl < :limit
			)
			select c.currency, count(*), coalesce(sum(c.budget), 0), coalesce(sum(c.actual_cost), 0),
			  coalesce(sum(c.expected_revenue), 0)
			from campaign c join tree t on t.id = c.id
			where %s
			group by c.currency
			order by c.currency""";

	/** How far the walks go at most: past the deepest hierarchy allowed, so a looped one ends too. */
	private static final int WALK_LIMIT = Campaign.MAX_DEPTH + 1;

	private final Campaigns campaigns;
	private final EntityManager em;
	private final UserDirectory directory;

	CampaignBook(Campaigns campaigns, EntityManager em, UserDirectory directory) {
		this.campaigns = campaigns;
		this.em = em;
		this.directory = directory;
	}

	/** A page of the visible campaigns that match the filter, in the chosen order. */
	public ResultPage<Campaign> list(Actor actor, CampaignFilter filter, Sort sort, int page, int size) {
		return new VisibleQuery("Campaign", "c", actor)
			.where("c.status = :status", "status", filter.status())
			.where("c.type = :type", "type", filter.type())
			.where("c.ownerId = :owner", "owner", filter.owner())
			.startingWith(filter.q(), "c.name")
			.page(em, Campaign.class, null, SORTS.orderBy(sort), page, size);
	}

	/** A page of the visible campaigns placed directly under the campaign, the first to start first. */
	public ResultPage<Campaign> children(Actor actor, UUID id, int page, int size) {
		Campaign parent = get(actor, id);
		return new VisibleQuery("Campaign", "c", actor).where("c.parentId = :parent", "parent", parent.getId())
			.page(em, Campaign.class, null, CHILD_ORDER, page, size);
	}

	/** The campaign, if it exists and the actor may see it; otherwise it is not found. */
	public Campaign get(Actor actor, UUID id) {
		return campaigns.findById(id)
			.filter(campaign -> actor.canSee(campaign.owner(), campaign.team()))
			.orElseThrow(() -> new RecordNotFound("campaign.notFound", "No campaign " + id, id));
	}

	/** The campaign of this id if the actor may see it, for a link such as the one to a parent. */
	public java.util.Optional<Campaign> find(Actor actor, UUID id) {
		return id == null ? java.util.Optional.empty()
				: campaigns.findById(id).filter(campaign -> actor.canSee(campaign.owner(), campaign.team()));
	}

	/** Plans a campaign, owned by the owner given (the actor when none) in the team the owner policy allows. */
	@Transactional
	public Campaign create(Actor actor, CampaignDetails details) {
		Campaign.Terms terms = Campaign.terms(details);
		UserId owner = details.owner() == null ? actor.id() : details.owner();
		TeamId team = directory.assign(actor, owner, details.team(), null, null);
		Campaign campaign = Campaign.plan(terms, details.status(), owner, team);
		if (details.parentId() != null) {
			lockHierarchy();
		}
		campaign.placeUnder(lineage(actor, details.parentId()), 0);
		return campaigns.saveAndFlush(campaign);
	}

	/**
	 * Changes a campaign that is still at {@code expectedVersion}; a status given moves it (see
	 * {@link CampaignStatus#next}), none keeps it, as owner and team not given stay.
	 */
	@Transactional
	public Campaign update(Actor actor, UUID id, long expectedVersion, CampaignDetails details) {
		Campaign campaign = current(actor, id, expectedVersion);
		Campaign.Terms terms = Campaign.terms(details);
		if (details.status() != null) {
			campaign.moveTo(details.status());
		}
		if (details.owner() != null && (!details.owner().equals(campaign.owner())
				|| (details.team() != null && !details.team().equals(campaign.team())))) {
			UUID ownerBefore = campaign.getOwnerId();
			campaign.reassign(details.owner(),
					directory.assign(actor, details.owner(), details.team(), campaign.owner(), campaign.team()));
			campaign.announceOwner(org.rapport.marketing.CampaignId.TYPE, ownerBefore, actor.id().value());
		}
		if (!java.util.Objects.equals(details.parentId(), campaign.getParentId())) {
			lockHierarchy();
			campaign.placeUnder(lineage(actor, details.parentId()), levelsBelow(campaign.getId()));
		}
		campaign.revise(terms);
		return campaigns.saveAndFlush(campaign);
	}

	/** Moves a campaign that is still at {@code expectedVersion} to the status. */
	@Transactional
	public Campaign move(Actor actor, UUID id, long expectedVersion, CampaignStatus status) {
		Campaign campaign = current(actor, id, expectedVersion);
		campaign.moveTo(status);
		return campaigns.saveAndFlush(campaign);
	}

	/**
	 * The budget, actual cost and expected revenue of the campaign and its descendants that the actor may see,
	 * summed by the database in one query; descendants in another currency are summed apart (see
	 * {@link CampaignFigures}).
	 */
	public CampaignFigures figures(Actor actor, UUID id) {
		Campaign campaign = get(actor, id);
		Map<String, Object> parameters = new LinkedHashMap<>();
		String visible = actor.visibility().render(new SqlVisibility(parameters));
		Query query = em.createNativeQuery(FIGURES.formatted(visible));
		query.setParameter("root", campaign.getId());
		query.setParameter("limit", WALK_LIMIT);
		parameters.forEach(query::setParameter);
		CampaignFigures.Sum total = null;
		List<CampaignFigures.Sum> others = new ArrayList<>();
		for (Object row : query.getResultList()) {
			Object[] values = (Object[]) row;
			String currency = ((String) values[0]).strip();
			CampaignFigures.Sum sum = new CampaignFigures.Sum(currency, ((Number) values[1]).longValue(),
					money(values[2], currency), money(values[3], currency), money(values[4], currency));
			if (currency.equals(campaign.getCurrency())) {
				total = sum;
			}
			else {
				others.add(sum);
			}
		}
		// the campaign itself is visible, so its currency has a row; this only guards a campaign changed meanwhile
		if (total == null) {
			Money zero = Money.zero(campaign.getCurrency());
			total = new CampaignFigures.Sum(campaign.getCurrency(), 0, zero, zero, zero);
		}
		return new CampaignFigures(total, others);
	}

	private static Money money(Object value, String currency) {
		BigDecimal amount = value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
		return new Money(amount, currency);
	}

	/**
	 * Waits for any other change to the hierarchy to commit, on every node, and holds the others off until this one
	 * commits: the lineage and the depth are then read as they are, so that two moves made at the same moment (A
	 * under B, B under A) cannot both pass their checks and make a loop. Moves are rare, so one lock for all is enough.
	 */
	private void lockHierarchy() {
		em.createNativeQuery("select id from campaign_hierarchy_lock where id = 1 for update").getResultList();
	}

	/** The lineage of the parent the actor chose: the parent's id and its ancestors' ids; empty for none. */
	private List<UUID> lineage(Actor actor, UUID parentId) {
		if (parentId == null) {
			return List.of();
		}
		Campaign parent = find(actor, parentId).orElseThrow(() -> new InvalidField("parentId",
				"validation.campaign.parent.unknown", "There is no campaign you can see with this id"));
		List<?> ids = em.createNativeQuery(LINEAGE)
			.setParameter("start", parent.getId())
			.setParameter("limit", WALK_LIMIT)
			.getResultList();
		return ids.stream().map(CampaignBook::uuid).toList();
	}

	private int levelsBelow(UUID id) {
		Object levels = em.createNativeQuery(LEVELS_BELOW)
			.setParameter("root", id)
			.setParameter("limit", WALK_LIMIT)
			.getSingleResult();
		return levels == null ? 0 : ((Number) levels).intValue();
	}

	/** An id as the database hands it back from a recursive query: H2 gives the 16 bytes, PostgreSQL a UUID. */
	private static UUID uuid(Object value) {
		if (value instanceof UUID id) {
			return id;
		}
		if (value instanceof byte[] bytes && bytes.length == 16) {
			java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
			return new UUID(buffer.getLong(), buffer.getLong());
		}
		return UUID.fromString(value.toString());
	}

	private Campaign current(Actor actor, UUID id, long expectedVersion) {
		Campaign campaign = get(actor, id);
		if (campaign.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(Campaign.class, id);
		}
		return campaign;
	}

	/** Renders the visibility as a condition of the native figures query on the alias {@code c}. */
	private record SqlVisibility(Map<String, Object> parameters) implements Visibility.Renderer<String> {

		@Override
		public String everything() {
			return "1 = 1";
		}

		@Override
		public String owner(UserId owner) {
			parameters.put("visibleOwner", owner.value());
			return "c.owner_id = :visibleOwner";
		}

		@Override
		public String ownerOrTeam(UserId owner, TeamId team) {
			parameters.put("visibleOwner", owner.value());
			parameters.put("visibleTeam", team.value());
			return "(c.owner_id = :visibleOwner or c.team_id = :visibleTeam)";
		}
	}
}
