package org.rapport.integration.bulk;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.rapport.identity.Actor;
import org.rapport.identity.VisibleQuery;
import org.rapport.integration.ImportCells;
import org.rapport.integration.MatchBy;
import org.rapport.shared.ExternalIds;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the bulk path of every kind of business record does alike: finds the records a batch names in one query
 * (those the actor may see), writes new and changed ones in bulk with their version and who wrote them when, and
 * deletes them. Runs in the caller's transaction; the records it answers are detached, so that nothing it read is
 * written back behind the bulk statements.
 */
@Component
public class BulkRecords {

	/**
	 * How a kind of record's values go into its table: the columns besides id, version and who made and changed it
	 * when, their types (a letter each, see {@link BulkRows}), and the values of one record in that order; a JSON
	 * column takes a map of values, such as the custom fields, written as JSON text (null when empty).
	 */
	public record Table<T>(String name, String columns, String types, Function<T, Object[]> values,
			Function<T, UUID> id, ToLongFunction<T> version) {
	}

	private final EntityManager em;
	private final NamedParameterJdbcTemplate named;
	private final BulkRows rows;
	private final Clock clock;

	BulkRecords(EntityManager em, NamedParameterJdbcTemplate named, BulkRows rows, Clock clock) {
		this.em = em;
		this.named = named;
		this.rows = rows;
		this.clock = clock;
	}

	/** The writer of rows, for what is particular to a kind of record. */
	public BulkRows rows() {
		return rows;
	}

	/**
	 * The values of the records of the entity that the actor may see (everybody sees all when the actor is null)
	 * whose property at {@code path} is one of the values: the external id as it is, the id ({@code r.id}) as the
	 * values that are ids, other keys without case (the path then says {@code lower(...)}).
	 */
	public <E, V> List<V> find(Class<E> entity, Actor actor, MatchBy key, String path, Collection<String> values,
			Function<E, V> read) {
		Set<Object> keys = new HashSet<>();
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				if (key == MatchBy.ID) {
					UUID id = ImportCells.uuid(value);
					if (id != null) {
						keys.add(id);
					}
				}
				else {
					keys.add(key == MatchBy.EXTERNAL_ID ? value.strip() : value.strip().toLowerCase(Locale.ROOT));
				}
			}
		}
		if (keys.isEmpty()) {
			return List.of();
		}
		String name = em.getMetamodel().entity(entity).getName();
		VisibleQuery visible = (actor == null ? VisibleQuery.unrestricted(name, "r") : new VisibleQuery(name, "r", actor))
			.where(path + " in :matchKeys", "matchKeys", keys);
		TypedQuery<E> query = em.createQuery("select r from " + name + " r" + visible.whereClause(), entity);
		visible.parameters().forEach(query::setParameter);
		query.setHint("org.hibernate.readOnly", true);
		return detached(query.getResultList(), read);
	}

	/**
	 * The ids of the records of the entity that the actor may see which these cells name, by cell (without surrounding
	 * spaces): a cell is tried as the record's id in Rapport, then as its external id, as an export writes a reference
	 * ({@link ExternalIds#reference}); cells that name none are left out. One query for each way, and only when a cell
	 * needs it.
	 */
	public <E> Map<String, UUID> byReference(Class<E> entity, Actor actor, Collection<String> cells,
			Function<E, UUID> id, Function<E, String> externalId) {
		Set<String> references = new HashSet<>();
		Set<String> ids = new HashSet<>();
		for (String cell : cells) {
			if (cell != null && !cell.isBlank()) {
				references.add(cell.strip());
				if (ImportCells.uuid(cell) != null) {
					ids.add(cell.strip());
				}
			}
		}
		Map<String, UUID> named = new HashMap<>();
		Map<UUID, UUID> byId = new HashMap<>();
		find(entity, actor, MatchBy.ID, "r.id", ids, id).forEach(found -> byId.put(found, found));
		Map<String, UUID> byExternalId = new HashMap<>();
		find(entity, actor, MatchBy.EXTERNAL_ID, "r.externalId", references,
				found -> Map.entry(externalId.apply(found), id.apply(found)))
			.forEach(found -> byExternalId.put(found.getKey(), found.getValue()));
		for (String reference : references) {
			UUID found = byId.get(ImportCells.uuid(reference));
			if (found == null) {
				found = byExternalId.get(reference);
			}
			if (found != null) {
				named.put(reference, found);
			}
		}
		return named;
	}

	/** The values of these records, whoever may see them, such as those an import wrote. */
	public <E, V> List<V> byIds(Class<E> entity, Collection<UUID> ids, Function<E, V> read) {
		if (ids.isEmpty()) {
			return List.of();
		}
		String name = em.getMetamodel().entity(entity).getName();
		return detached(em.createQuery("select r from " + name + " r where r.id in :ids", entity)
			.setParameter("ids", ids)
			.getResultList(), read);
	}

	/** The values read while the records are attached (their collections load), then the records detached. */
	private <E, V> List<V> detached(List<E> found, Function<E, V> read) {
		List<V> values = found.stream().map(read).toList();
		found.forEach(em::detach);
		return values;
	}

	/** Which of these external ids some record of the table already has, visible or not. */
	public Set<String> takenExternalIds(String table, Collection<String> externalIds) {
		return rows.existing(table, "external_id", externalIds);
	}

	/** Stores new records (their ids given) with version 0, made by the actor now. */
	public <T> void insert(Table<T> table, Actor actor, List<T> records) {
		insert(table, actor, records, "", "", record -> new Object[0]);
	}

	/** Stores new records with more columns than an update writes, such as the status a new record starts in. */
	public <T> void insert(Table<T> table, Actor actor, List<T> records, String moreColumns, String moreTypes,
			Function<T, Object[]> more) {
		if (records.isEmpty()) {
			return;
		}
		rows.insertRecords(table.name(), table.columns() + moreColumns, table.types() + moreTypes, records,
				record -> BulkRows.row(encoded(table, record), more.apply(record)), table.id(),
				actor.id().value(), now());
	}

	/**
	 * Overwrites records whose version is still the one given, as the actor now; answers the ids written (each one
	 * version further), leaving out those changed meanwhile.
	 */
	public <T> Set<UUID> update(Table<T> table, Actor actor, List<T> records) {
		if (records.isEmpty()) {
			return Set.of();
		}
		return rows.updateRecords(table.name(), table.columns(), table.types(), records,
				record -> encoded(table, record), table.id(), table.version(), actor.id().value(), now());
	}

	/** The record's values with its maps for JSON columns written as JSON text. */
	@SuppressWarnings("unchecked")
	private <T> Object[] encoded(Table<T> table, T record) {
		Object[] values = table.values().apply(record);
		for (int i = 0; i < values.length; i++) {
			if (table.types().charAt(i) == 'j' && values[i] instanceof Map<?, ?> map) {
				values[i] = rows.json((Map<String, Object>) map);
			}
		}
		return values;
	}

	/** Deletes these records of the table. */
	public void delete(String table, Collection<UUID> ids) {
		if (!ids.isEmpty()) {
			named.update("delete from " + table + " where id in (:ids)", new MapSqlParameterSource("ids", ids));
		}
	}

	/** Now, as bulk writes stamp it. */
	public OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}
}
