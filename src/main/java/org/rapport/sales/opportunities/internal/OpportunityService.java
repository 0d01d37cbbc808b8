package org.rapport.sales.opportunities.internal;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rapport.customers.AccountId;
import org.rapport.customers.Customers;
import org.rapport.customization.CustomFieldQuery;
import org.rapport.customization.CustomFields;
import org.rapport.identity.Actor;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.identity.VisibleQuery;
import org.rapport.sales.NewOpportunity;
import org.rapport.sales.Opportunities;
import org.rapport.sales.OpportunityId;
import org.rapport.sales.StageKind;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.catalogue.internal.Products;
import org.rapport.shared.InvalidField;
import org.rapport.shared.Money;
import org.rapport.shared.NotPermitted;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.ResultPage;
import org.rapport.shared.SortWhitelist;
import org.rapport.shared.ExternalIds;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists, opens, changes, moves and deletes opportunities within what the acting user may see, and serves the
 * board that shows a pipeline's open work column by column.
 */
@Service
@Transactional(readOnly = true)
public class OpportunityService implements Opportunities {

	/** The name of opportunities among the kinds of record that take custom fields. */
	public static final String ENTITY = "opportunity";

	private final OpportunityRows rows;
	private final PipelineService pipelines;
	private final Products products;
	private final Customers customers;
	private final UserDirectory directory;
	private final EntityManager em;
	private final Clock clock;
	private final CustomFields customFields;

	OpportunityService(OpportunityRows rows, PipelineService pipelines, Products products, Customers customers,
			UserDirectory directory, EntityManager em, CustomFields customFields, Clock clock) {
		this.customFields = customFields;
		this.rows = rows;
		this.pipelines = pipelines;
		this.products = products;
		this.customers = customers;
		this.directory = directory;
		this.em = em;
		this.clock = clock;
	}

	/**
	 * The orders the opportunity list offers, each served by an index that starts with its paths: name, close date
	 * and last change, each ending in the id.
	 */
	public static final SortWhitelist SORTS = SortWhitelist.defaultingTo("name", Sort.Direction.ASC, "o.name", "o.id")
		.with("closeDate", "o.closeDate", "o.id")
		.with("updatedAt", "o.updatedAt", "o.id");

	/** The orders of the list with these custom fields. */
	public static SortWhitelist sorts(CustomFieldQuery custom) {
		return custom.sortable(SORTS, "o");
	}

	public ResultPage<Opportunity> list(Actor actor, OpportunityFilter filter, Sort sort, int page, int size) {
		return list(actor, filter, sort, CustomFieldQuery.none(), page, size);
	}

	/**
	 * A page of the visible opportunities that match the filter and the custom-field filters, in the chosen order.
	 */
	public ResultPage<Opportunity> list(Actor actor, OpportunityFilter filter, Sort sort, CustomFieldQuery custom,
			int page, int size) {
		ResultPage<Opportunity> result = custom.applyTo(query(actor, filter), "o")
			.page(em, Opportunity.class, null, sorts(custom).orderBy(sort), page, size);
		if (!result.items().isEmpty()) {
			// One query for the lines of the whole page, so that the API can show them without a query per deal.
			em.createQuery("select distinct o from Opportunity o left join fetch o.lines where o.id in :ids",
					Opportunity.class)
				.setParameter("ids", result.items().stream().map(Opportunity::getId).toList())
				.getResultList();
		}
		return result;
	}

	/** Hands every visible opportunity that matches to the action, in list order, for an export. */
	public void forEach(Actor actor, OpportunityFilter filter, Sort sort, CustomFieldQuery custom,
			java.util.function.Consumer<Opportunity> action) {
		custom.applyTo(query(actor, filter), "o")
			.forEach(em, Opportunity.class, null, sorts(custom).orderBy(sort), action);
	}

	private VisibleQuery query(Actor actor, OpportunityFilter filter) {
		return new VisibleQuery("Opportunity", "o", actor).startingWith(filter.q(), "o.name")
			.where("o.ownerId = :owner", "owner", filter.owner())
			.where("o.teamId = :team", "team", filter.team())
			.where("o.pipelineId = :pipeline", "pipeline", filter.pipeline())
			.where("o.stageId = :stage", "stage", filter.stage())
			.where("o.stageKind = :kind", "kind", filter.kind())
			.where("o.accountId = :account", "account", filter.account());
	}

	public Opportunity get(Actor actor, UUID id) {
		return rows.findWithLines(id)
			.filter(o -> actor.canSee(o.owner(), o.team()))
			.orElseThrow(() -> new RecordNotFound("opportunity.notFound", "No opportunity " + id, id));
	}

	public List<StageVisit> history(Actor actor, UUID id) {
		get(actor, id);
		return rows.historyOf(id);
	}

	/** The account's opportunities that the actor may see, latest close date first. */
	public List<Opportunity> ofAccount(Actor actor, UUID account, int limit) {
		return list(actor, new OpportunityFilter(null, null, null, null, null, null, account),
				Sort.by(Sort.Direction.DESC, "closeDate"), 0, limit).items();
	}

	@Override
	@Transactional
	public OpportunityId open(Actor actor, NewOpportunity request) {
		Pipeline pipeline = request.pipeline() == null ? pipelines.defaultPipeline()
				: chosenPipeline(request.pipeline().value());
		OpportunityDraft draft = new OpportunityDraft(request.account().value(), request.name(), pipeline.getId(), null,
				request.amount(), request.closeDate(), null, null, null, request.owner(), null, List.of());
		return openWith(actor, draft, customFields.merge(ENTITY, request.customFields(), null, true), false).id();
	}

	@Transactional
	public Opportunity create(Actor actor, OpportunityDraft draft) {
		return create(actor, draft, null);
	}

	/** Opens an opportunity with custom field values, which their definitions check (defaults fill the rest). */
	@Transactional
	public Opportunity create(Actor actor, OpportunityDraft draft, Map<String, ?> custom) {
		return openWith(actor, draft, customFields.merge(ENTITY, Map.of(), custom, true), true);
	}

	/**
	 * Opens an opportunity with the custom field values given as they are to be stored; an owner and team chosen
	 * by the user go through the owner policy.
	 */
	private Opportunity openWith(Actor actor, OpportunityDraft draft, Map<String, Object> values,
			boolean chosenByUser) {
		AccountId account = visibleAccount(actor, draft.account());
		String externalId = requireFreeExternalId(actor, draft, null);
		Pipeline pipeline = draft.pipeline() == null ? pipelines.defaultPipeline() : chosenPipeline(draft.pipeline());
		Stage stage = draft.stage() == null ? pipeline.firstOpenStage()
				: pipeline.stage(draft.stage())
					.orElseThrow(() -> new InvalidField("stageId", "validation.stage.unknown", "No such stage in the pipeline"));
		UserId owner = draft.owner() == null ? actor.id() : draft.owner();
		Instant now = clock.instant();
		Opportunity opportunity = new Opportunity(account, draft.name(), stage, draft.amount(), draft.closeDate(),
				owner, chosenByUser ? directory.assign(actor, owner, draft.team(), null, null)
						: directory.teamForOwner(owner, draft.team()), now);
		opportunity.identify(externalId);
		opportunity.replaceLines(checkedLines(draft.lines(), draft.amount().currency()));
		opportunity.changeCustomFields(values);
		if (draft.probability() != null) {
			opportunity.estimate(draft.probability());
		}
		if (stage.getKind() == StageKind.WON) {
			opportunity.announceWin(now);
		}
		return rows.save(opportunity);
	}

	@Transactional
	public Opportunity update(Actor actor, UUID id, long expectedVersion, OpportunityDraft draft) {
		return update(actor, id, expectedVersion, draft, null);
	}

	/** Changes an opportunity; custom field values not given ({@code null} for none) stay as they are. */
	@Transactional
	public Opportunity update(Actor actor, UUID id, long expectedVersion, OpportunityDraft draft,
			Map<String, ?> custom) {
		Opportunity opportunity = get(actor, id);
		if (opportunity.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(Opportunity.class, id);
		}
		if (custom != null) {
			opportunity.changeCustomFields(customFields.merge(ENTITY, opportunity.getCustomFields(), custom, false));
		}
		if (!opportunity.getAccountId().equals(draft.account())) {
			opportunity.changeAccount(visibleAccount(actor, draft.account()));
		}
		requireFreeExternalId(actor, draft, id);
		opportunity.identify(draft.externalId());
		opportunity.describe(draft.name(), draft.closeDate(), draft.nextStep());
		if (draft.owner() != null && !draft.owner().equals(opportunity.owner())) {
			UUID ownerBefore = opportunity.owner().value();
			opportunity.reassign(draft.owner(),
					directory.assign(actor, draft.owner(), draft.team(), opportunity.owner(), opportunity.team()));
			opportunity.announceOwner(org.rapport.sales.OpportunityId.TYPE, ownerBefore, actor.id().value());
		}
		if (!draft.amount().currency().equals(opportunity.getAmount().currency()) && !draft.lines().isEmpty()) {
			throw new InvalidField("amount", "validation.opportunity.currency",
					"Change the currency before adding lines in it");
		}
		if (draft.lines().isEmpty()) {
			opportunity.replaceLines(List.of());
			opportunity.price(draft.amount());
		}
		else {
			opportunity.replaceLines(checkedLines(draft.lines(), opportunity.getAmount().currency()));
		}
		if (draft.pipeline() != null && !draft.pipeline().equals(opportunity.getPipelineId())) {
			Pipeline pipeline = chosenPipeline(draft.pipeline());
			Stage stage = draft.stage() == null ? pipeline.firstOpenStage()
					: pipeline.stage(draft.stage()).orElse(pipeline.firstOpenStage());
			opportunity.switchPipeline(stage, clock.instant(), actor.id().value());
		}
		else if (draft.stage() != null && !draft.stage().equals(opportunity.getStageId())) {
			opportunity.moveTo(stageOf(opportunity, draft.stage()), draft.lostReason(), clock.instant(),
					actor.id().value());
		}
		if (draft.probability() != null && draft.probability() != opportunity.getProbability()) {
			opportunity.estimate(draft.probability());
		}
		opportunity.checkCloseDate(LocalDate.now(clock));
		return rows.saveAndFlush(opportunity);
	}

	/**
	 * Moves an opportunity to a stage, as a drag on the board does, and places it in the column before the card
	 * named (or at the top). A lost stage needs a reason.
	 */
	@Transactional
	public Opportunity move(Actor actor, UUID id, Long expectedVersion, UUID stageId, String lostReason,
			UUID before) {
		Opportunity opportunity = get(actor, id);
		if (expectedVersion != null && opportunity.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(Opportunity.class, id);
		}
		opportunity.moveTo(stageOf(opportunity, stageId), lostReason, clock.instant(), actor.id().value());
		if (before != null) {
			rows.findById(before)
				.filter(other -> other.getStageId().equals(stageId))
				.ifPresent(other -> opportunity.rank(other.getBoardRank() - 1));
		}
		else {
			Long top = rows.topRank(stageId);
			opportunity.rank(top == null ? 0 : Math.min(top - 1, opportunity.getBoardRank()));
		}
		return rows.saveAndFlush(opportunity);
	}

	@Transactional
	public void delete(Actor actor, UUID id) {
		Opportunity opportunity = get(actor, id);
		if (!actor.canManage(opportunity.owner(), opportunity.team())) {
			throw new NotPermitted("opportunity.delete.notPermitted",
					"Only the owner, a manager of its team or an administrator may delete this opportunity");
		}
		rows.delete(opportunity);
	}

	/** One page of a stage's column on the board: the cards in board order. */
	public ResultPage<Opportunity> column(Actor actor, UUID stageId, int page, int size) {
		return new VisibleQuery("Opportunity", "o", actor).where("o.stageId = :stage", "stage", stageId)
			.page(em, Opportunity.class, null, "o.boardRank asc, o.id asc", page, size);
	}

	/** Per stage of the pipeline: how many visible opportunities it holds and their sum in each currency. */
	public Map<UUID, ColumnTotals> columnTotals(Actor actor, UUID pipelineId) {
		VisibleQuery query = new VisibleQuery("Opportunity", "o", actor).where("o.pipelineId = :pipeline", "pipeline",
				pipelineId);
		var select = em.createQuery("select o.stageId, o.amount.currency, count(o), sum(o.amount.amount) "
				+ "from Opportunity o" + query.whereClause() + " group by o.stageId, o.amount.currency", Object[].class);
		query.parameters().forEach(select::setParameter);
		Map<UUID, ColumnTotals> totals = new LinkedHashMap<>();
		for (Object[] row : select.getResultList()) {
			UUID stage = (UUID) row[0];
			ColumnTotals current = totals.getOrDefault(stage, ColumnTotals.EMPTY);
			totals.put(stage, current.plus((Long) row[2], new Money((BigDecimal) row[3], (String) row[1])));
		}
		return totals;
	}

	/** A pipeline named in a request; an unknown one is a field error, not a missing page. */
	private Pipeline chosenPipeline(UUID pipelineId) {
		return pipelines.find(pipelineId)
			.orElseThrow(() -> new InvalidField("pipelineId", "validation.pipeline.unknown", "No pipeline with this id"));
	}

	private Stage stageOf(Opportunity opportunity, UUID stageId) {
		return pipelines.get(opportunity.getPipelineId())
			.stage(stageId)
			.orElseThrow(() -> new InvalidField("stageId", "validation.stage.otherPipeline",
					"The stage belongs to another pipeline"));
	}

	/** Refuses an external id that another opportunity holds, as imports refuse it. */
	private String requireFreeExternalId(Actor actor, OpportunityDraft draft, UUID self) {
		return ExternalIds.requireFree(draft.externalId(), self, rows::findByExternalId,
				other -> actor.canSee(other.owner(), other.team()));
	}

	private AccountId visibleAccount(Actor actor, UUID account) {
		if (account == null) {
			throw new InvalidField("accountId", "validation.account.required", "An opportunity needs an account");
		}
		return customers.findAccount(actor, new AccountId(account))
			.orElseThrow(() -> new InvalidField("accountId", "validation.account.unknown", "No account with this id"))
			.id();
	}

	private List<Opportunity.LineRequest> checkedLines(List<Opportunity.LineRequest> lines, String currency) {
		if (lines.isEmpty()) {
			return lines;
		}
		Set<UUID> ids = lines.stream().map(Opportunity.LineRequest::product).collect(Collectors.toSet());
		Map<UUID, Product> known = products.findAllById(ids).stream()
			.collect(Collectors.toMap(Product::getId, p -> p));
		List<Opportunity.LineRequest> checked = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Opportunity.LineRequest line = lines.get(i);
			Product product = known.get(line.product());
			if (product == null) {
				throw new InvalidField("lines[" + i + "].productId", "validation.product.unknown", "No such product");
			}
			if (line.quantity() == null || line.quantity().signum() <= 0) {
				throw new InvalidField("lines[" + i + "].quantity", "validation.quantity", "A quantity must be positive");
			}
			BigDecimal discount = line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
			if (discount.signum() < 0 || discount.compareTo(BigDecimal.valueOf(100)) > 0) {
				throw new InvalidField("lines[" + i + "].discountPercent", "validation.discount",
						"A discount lies between 0 and 100 percent");
			}
			BigDecimal price = line.unitPrice();
			if (price == null) {
				if (!product.getUnitPrice().currency().equals(currency)) {
					throw new InvalidField("lines[" + i + "].unitPrice", "validation.opportunity.currency",
							"The product is priced in another currency; give a unit price in " + currency);
				}
				price = product.getUnitPrice().amount();
			}
			if (price.signum() < 0) {
				throw new InvalidField("lines[" + i + "].unitPrice", "validation.amount.negative",
						"A price cannot be negative");
			}
			checked.add(new Opportunity.LineRequest(line.product(), line.quantity(), price, discount));
		}
		return checked;
	}

	/** The number of opportunities in a column and their sums, one per currency. */
	public record ColumnTotals(long count, Map<String, Money> sums) {

		static final ColumnTotals EMPTY = new ColumnTotals(0, Map.of());

		ColumnTotals plus(long more, Money sum) {
			Map<String, Money> next = new LinkedHashMap<>(sums);
			next.merge(sum.currency(), sum, Money::plus);
			return new ColumnTotals(count + more, next);
		}

		public List<Money> sumList() {
			return List.copyOf(sums.values());
		}
	}
}
