package org.rapport.sales.opportunities.internal;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.identity.UserSummary;
import org.rapport.identity.VisibleQuery;
import org.rapport.sales.StageKind;
import org.rapport.shared.InvalidField;
import org.rapport.shared.Money;
import org.rapport.shared.NotPermitted;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sales forecast: open pipeline (as is and weighted by probability) and won revenue by close month, per
 * owner or team and currency, beside each seller's quota. One aggregate query over the visible opportunities.
 */
@Service
@Transactional(readOnly = true)
public class ForecastService {

	private final EntityManager em;
	private final Quotas quotas;
	private final UserDirectory directory;

	ForecastService(EntityManager em, Quotas quotas, UserDirectory directory) {
		this.em = em;
		this.quotas = quotas;
		this.directory = directory;
	}

	public Forecast forecast(Actor actor, UUID pipeline, YearMonth from, int months, Grouping grouping) {
		YearMonth to = from.plusMonths(Math.max(1, Math.min(months, 24)) - 1L);
		VisibleQuery query = new VisibleQuery("Opportunity", "o", actor)
			.where("o.closeDate >= :from", "from", from.atDay(1))
			.where("o.closeDate <= :to", "to", to.atEndOfMonth())
			.where("o.stageKind <> :lost", "lost", StageKind.LOST)
			.where("o.pipelineId = :pipeline", "pipeline", pipeline);
		String group = grouping == Grouping.TEAM ? "o.teamId" : "o.ownerId";
		var select = em.createQuery("select extract(year from o.closeDate), extract(month from o.closeDate), " + group
				+ ", o.stageKind, o.amount.currency, sum(o.amount.amount), sum(o.amount.amount * o.probability) "
				+ "from Opportunity o" + query.whereClause() + " group by extract(year from o.closeDate), "
				+ "extract(month from o.closeDate), " + group + ", o.stageKind, o.amount.currency", Object[].class);
		query.parameters().forEach(select::setParameter);
		Map<Key, Row> rows = new LinkedHashMap<>();
		for (Object[] r : select.getResultList()) {
			YearMonth month = YearMonth.of(((Number) r[0]).intValue(), ((Number) r[1]).intValue());
			Key key = new Key(month, (UUID) r[2], (String) r[4]);
			Row row = rows.computeIfAbsent(key, k -> Row.empty(k));
			BigDecimal sum = (BigDecimal) r[5];
			BigDecimal weighted = ((BigDecimal) r[6]).movePointLeft(2);
			rows.put(key, r[3] == StageKind.WON ? row.addWon(sum) : row.addOpen(sum, weighted));
		}
		if (grouping == Grouping.OWNER) {
			for (Quota quota : quotas.findByPeriodBetween(from.toString(), to.toString())) {
				Key key = new Key(quota.getPeriod(), quota.getUserId(), quota.getAmount().currency());
				if (mayReadQuotaOf(actor, quota.getUserId())) {
					rows.put(key, rows.getOrDefault(key, Row.empty(key)).withQuota(quota.getAmount().amount()));
				}
			}
		}
		List<Row> sorted = new ArrayList<>(rows.values());
		sorted.sort(Comparator.comparing((Row r) -> r.key().month())
			.thenComparing(r -> Objects.toString(r.key().group(), ""))
			.thenComparing(r -> r.key().currency()));
		return new Forecast(from, to, grouping, sorted);
	}

	private boolean mayReadQuotaOf(Actor actor, UUID user) {
		UserId seller = new UserId(user);
		return actor.canSee(seller, directory.find(seller).map(found -> found.team()).orElse(null));
	}

	/**
	 * Sets a seller's quota for a month: managers set those of the sellers of their team, administrators anyone's.
	 */
	@Transactional
	public Quota setQuota(Actor actor, UUID user, YearMonth month, Money amount) {
		if (!actor.isAdmin() && !actor.isManager()) {
			throw new NotPermitted("quota.notPermitted", "Only managers and administrators set quotas");
		}
		UserSummary seller = directory.find(new UserId(user))
			.filter(UserSummary::active)
			.orElseThrow(() -> new InvalidField("seller", "validation.seller.unknown", "No active user is this seller"));
		if (!maySetQuotaOf(actor, seller)) {
			throw new InvalidField("seller", "validation.seller.otherTeam",
					"You set the quotas of the sellers of your own team");
		}
		if (amount.isNegative()) {
			throw new InvalidField("amount", "validation.amount.negative", "A quota cannot be negative");
		}
		Quota quota = quotas.findByUserIdAndPeriod(user, month.toString()).orElse(null);
		if (quota == null) {
			return quotas.save(new Quota(user, month, amount));
		}
		quota.set(amount);
		return quota;
	}

	/** Whether the actor sets this seller's quotas: an administrator anyone's, a manager those of their own team. */
	public boolean maySetQuotaOf(Actor actor, UserSummary seller) {
		return actor.isAdmin()
				|| (actor.isManager() && actor.team() != null && actor.team().equals(seller.team()));
	}

	/** The quotas of a range of months whose sellers the actor may see, by month and seller. */
	public List<Quota> quotas(Actor actor, YearMonth from, YearMonth to) {
		return quotas.findByPeriodBetween(from.toString(), to.toString())
			.stream()
			.filter(quota -> mayReadQuotaOf(actor, quota.getUserId()))
			.sorted(Comparator.comparing(Quota::getPeriod).thenComparing(Quota::getUserId))
			.toList();
	}

	public enum Grouping {
		OWNER, TEAM
	}

	public record Key(YearMonth month, UUID group, String currency) {
	}

	/** One month of one owner or team in one currency. */
	public record Row(Key key, BigDecimal open, BigDecimal weighted, BigDecimal won, BigDecimal quota) {

		static Row empty(Key key) {
			return new Row(key, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null);
		}

		Row addOpen(BigDecimal sum, BigDecimal weightedSum) {
			return new Row(key, open.add(sum), weighted.add(weightedSum), won, quota);
		}

		Row addWon(BigDecimal sum) {
			return new Row(key, open, weighted, won.add(sum), quota);
		}

		Row withQuota(BigDecimal amount) {
			return new Row(key, open, weighted, won, amount);
		}

		public Money openMoney() {
			return new Money(open, key.currency());
		}

		public Money weightedMoney() {
			return new Money(weighted, key.currency());
		}

		public Money wonMoney() {
			return new Money(won, key.currency());
		}

		public Money quotaMoney() {
			return quota == null ? null : new Money(quota, key.currency());
		}

		/** Won revenue as a percentage of the quota, when there is a quota. */
		public Integer attainment() {
			if (quota == null || quota.signum() == 0) {
				return null;
			}
			return won.multiply(BigDecimal.valueOf(100)).divide(quota, 0, RoundingMode.HALF_UP).intValue();
		}
	}

	/** The forecast of a range of months: its rows and their totals per month and currency. */
	public record Forecast(YearMonth from, YearMonth to, Grouping grouping, List<Row> rows) {

		public List<Row> totals() {
			Map<Key, Row> totals = new LinkedHashMap<>();
			for (Row row : rows) {
				Key key = new Key(row.key().month(), null, row.key().currency());
				Row total = totals.getOrDefault(key, Row.empty(key));
				total = total.addOpen(row.open(), row.weighted()).addWon(row.won());
				if (row.quota() != null) {
					total = total.withQuota((total.quota() == null ? BigDecimal.ZERO : total.quota()).add(row.quota()));
				}
				totals.put(key, total);
			}
			return List.copyOf(totals.values());
		}

		public boolean isEmpty() {
			return rows.isEmpty();
		}
	}
}
