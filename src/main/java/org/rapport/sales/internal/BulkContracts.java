package org.rapport.sales.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.VisibleQuery;
import org.rapport.sales.ContractId;
import org.rapport.sales.ContractImports;
import org.rapport.sales.ContractValues;
import org.rapport.sales.ContractsImported;
import org.rapport.shared.MatchKey;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bulk path of contract imports: batched statements without a domain event per contract, one event per batch;
 * numbers drawn from the sequence {@link ContractBook} draws from.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class BulkContracts implements ContractImports {

	private final EntityManager em;
	private final JdbcTemplate jdbc;
	private final NamedParameterJdbcTemplate named;
	private final ApplicationEventPublisher events;
	private final JsonMapper mapper;
	private final ContractBook book;
	private volatile String jsonMarker;

	BulkContracts(EntityManager em, JdbcTemplate jdbc, NamedParameterJdbcTemplate named,
			ApplicationEventPublisher events, JsonMapper mapper, ContractBook book) {
		this.em = em;
		this.jdbc = jdbc;
		this.named = named;
		this.events = events;
		this.mapper = mapper;
		this.book = book;
	}

	@Override
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public LocalDate today() {
		return book.today();
	}

	@Override
	public List<ContractValues> findContracts(Actor actor, MatchKey key, Collection<String> values) {
		if (key != MatchKey.EXTERNAL_ID) {
			throw new IllegalArgumentException("Contracts match by external id only");
		}
		Set<String> keys = new HashSet<>();
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				keys.add(value.strip());
			}
		}
		if (keys.isEmpty()) {
			return List.of();
		}
		VisibleQuery visible = new VisibleQuery("Contract", "c", actor).where("c.externalId in :matchKeys",
				"matchKeys", keys);
		TypedQuery<Contract> query = em.createQuery("select c from Contract c" + visible.whereClause(),
				Contract.class);
		visible.parameters().forEach(query::setParameter);
		List<Contract> found = query.getResultList();
		found.forEach(em::detach);
		return found.stream().map(BulkContracts::values).toList();
	}

	@Override
	public Set<String> takenExternalIds(Collection<String> externalIds) {
		if (externalIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(named.queryForList("select external_id from contract where external_id in (:ids)",
				new MapSqlParameterSource("ids", new HashSet<>(externalIds)), String.class));
	}

	@Override
	public void insertContracts(Actor actor, List<ContractValues> contracts) {
		if (contracts.isEmpty()) {
			return;
		}
		OffsetDateTime at = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
		List<Object[]> rows = new ArrayList<>(contracts.size());
		for (ContractValues c : contracts) {
			Long next = jdbc.queryForObject(ContractBook.NEXT_NUMBER, Long.class);
			rows.add(new Object[] { ContractBook.number(next), c.accountId(), c.startDate(), c.endDate(), c.value(),
					c.currency(), c.status(), c.autoRenew(), c.renewalNoticeDays(), c.description(), c.externalId(),
					c.ownerId(), c.teamId(), json(c.customFields()), c.id(), actor.id().value(), at,
					actor.id().value(), at });
		}
		batch("insert into contract (number, account_id, start_date, end_date, contract_value, currency, status, "
				+ "auto_renew, renewal_notice_days, description, external_id, owner_id, team_id, custom_fields, id, "
				+ "version, created_by, created_at, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
				+ "?, " + jsonMarker() + ", ?, 0, ?, ?, ?, ?)", rows, "vuddnvvbivvuuvuutut");
		events.publishEvent(
				new ContractsImported(contracts.stream().map(c -> new ContractId(c.id())).toList(), List.of()));
	}

	@Override
	public Set<UUID> updateContracts(Actor actor, List<ContractValues> contracts) {
		if (contracts.isEmpty()) {
			return Set.of();
		}
		OffsetDateTime at = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
		List<Object[]> rows = new ArrayList<>(contracts.size());
		for (ContractValues c : contracts) {
			rows.add(new Object[] { c.startDate(), c.endDate(), c.value(), c.currency(), c.status(), c.autoRenew(),
					c.renewalNoticeDays(), c.description(), c.externalId(), c.ownerId(), c.teamId(),
					json(c.customFields()), actor.id().value(), at, c.id(), c.version() });
		}
		int[] counts = batch("update contract set start_date = ?, end_date = ?, contract_value = ?, currency = ?, "
				+ "status = ?, auto_renew = ?, renewal_notice_days = ?, description = ?, external_id = ?, owner_id = ?, "
				+ "team_id = ?, custom_fields = " + jsonMarker()
				+ ", version = version + 1, updated_by = ?, updated_at = ? where id = ? and version = ?", rows,
				"ddnvvbivvuuvutul");
		Set<UUID> written = new HashSet<>();
		for (int i = 0; i < contracts.size(); i++) {
			if (counts[i] > 0 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
				written.add(contracts.get(i).id());
			}
		}
		events.publishEvent(new ContractsImported(List.of(), written.stream().map(ContractId::new).toList()));
		return written;
	}

	@Override
	public List<ContractValues> contracts(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Contract> found = em.createQuery("select c from Contract c where c.id in :ids", Contract.class)
			.setParameter("ids", ids)
			.getResultList();
		found.forEach(em::detach);
		return found.stream().map(BulkContracts::values).toList();
	}

	@Override
	public boolean anyRenewed(Collection<UUID> ids) {
		return !ids.isEmpty() && !named.queryForList(
				"select id from contract where renewed_from_id in (:ids) or (id in (:ids) and renewed_to_id is not null)",
				new MapSqlParameterSource("ids", ids), UUID.class).isEmpty();
	}

	@Override
	public void deleteContracts(Collection<UUID> ids) {
		if (!ids.isEmpty()) {
			named.update("delete from contract where id in (:ids)", new MapSqlParameterSource("ids", ids));
			events.publishEvent(
					new ContractsImported(List.of(), List.of(), ids.stream().map(ContractId::new).toList()));
		}
	}

	private static ContractValues values(Contract c) {
		return new ContractValues(c.getId(), c.getVersion(), c.getOwnerId(), c.getTeamId(), c.getExternalId(),
				c.getAccountId(), c.getNumber(), c.getStartDate(), c.getEndDate(), c.getValue().amount(),
				c.getValue().currency(), c.getStatus().name(), c.isAutoRenew(), c.getRenewalNoticeDays(),
				c.getDescription(), c.getCustomFields());
	}

	/** See {@code BulkLeads}: JSON text cast to jsonb on PostgreSQL, marked FORMAT JSON on H2. */
	private String jsonMarker() {
		if (jsonMarker == null) {
			String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
			jsonMarker = product != null && product.toLowerCase(Locale.ROOT).contains("postgres") ? "cast(? as jsonb)"
					: "? format json";
		}
		return jsonMarker;
	}

	private String json(Map<String, Object> values) {
		return values == null || values.isEmpty() ? null : mapper.writeValueAsString(values);
	}

	/** Binds nulls with the type their letter gives, as {@code BulkLeads} explains. */
	private int[] batch(String sql, List<Object[]> rows, String types) {
		return jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {

			@Override
			public void setValues(java.sql.PreparedStatement ps, int i) throws java.sql.SQLException {
				Object[] row = rows.get(i);
				for (int p = 0; p < row.length; p++) {
					if (row[p] != null) {
						ps.setObject(p + 1, row[p]);
					}
					else {
						ps.setNull(p + 1, switch (types.charAt(p)) {
							case 'u' -> java.sql.Types.OTHER;
							case 't' -> java.sql.Types.TIMESTAMP_WITH_TIMEZONE;
							case 'l' -> java.sql.Types.BIGINT;
							case 'i' -> java.sql.Types.INTEGER;
							case 'n' -> java.sql.Types.NUMERIC;
							case 'd' -> java.sql.Types.DATE;
							case 'b' -> java.sql.Types.BOOLEAN;
							default -> java.sql.Types.VARCHAR;
						});
					}
				}
			}

			@Override
			public int getBatchSize() {
				return rows.size();
			}
		});
	}
}
