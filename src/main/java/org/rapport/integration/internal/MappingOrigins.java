package org.rapport.integration.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rapport.integration.ImportColumn;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The origins of the jobs' mappings, and the mappings remembered per user, kind of record and the headers of the
 * file (normalised, in their order): the one the user last started an import of such a file with.
 */
@Repository
class MappingOrigins {

	private static final TypeReference<List<ColumnChoice>> CHOICES = new TypeReference<>() {
	};

	private static final TypeReference<LinkedHashMap<Integer, String>> MAPPING = new TypeReference<>() {
	};

	/** A remembered mapping: which field each column filled, the source system chosen, and when it was used. */
	record Remembered(Map<Integer, String> mapping, String source, Instant usedAt) {
	}

	private final JdbcTemplate jdbc;
	private final JsonMapper json;

	MappingOrigins(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void keep(UUID job, MappingOrigin origin) {
		String choices = json.writeValueAsString(origin.choices());
		int changed = jdbc.update("update import_mapping_origin set detected_source = ?, source = ?, "
				+ "remembered_at = ?, choices = ? where job_id = ?", origin.detectedSource(), origin.source(),
				time(origin.rememberedAt()), choices, job);
		if (changed == 0) {
			jdbc.update("insert into import_mapping_origin (job_id, detected_source, source, remembered_at, choices) "
					+ "values (?, ?, ?, ?, ?)", job, origin.detectedSource(), origin.source(),
					time(origin.rememberedAt()), choices);
		}
	}

	MappingOrigin of(UUID job) {
		return jdbc.query("select detected_source, source, remembered_at, choices from import_mapping_origin "
				+ "where job_id = ?", (rs, i) -> new MappingOrigin(rs.getString(1), rs.getString(2),
						instant(rs.getObject(3, OffsetDateTime.class)), json.readValue(rs.getString(4), CHOICES)),
				job).stream().findFirst().orElse(MappingOrigin.UNKNOWN);
	}

	/** Keeps the mapping for the next file of the same headers that the user imports into the kind. */
	void remember(UUID owner, String kind, List<String> headers, Map<Integer, String> mapping, String source,
			Instant now) {
		String key = key(headers);
		String fields = json.writeValueAsString(mapping);
		String update = "update import_remembered_mapping set mapping = ?, source = ?, used_at = ? "
				+ "where owner_id = ? and entity = ? and header_key = ?";
		if (jdbc.update(update, fields, source, time(now), owner, kind, key) > 0) {
			return;
		}
		try {
			jdbc.update("insert into import_remembered_mapping (owner_id, entity, header_key, headers, mapping, "
					+ "source, used_at) values (?, ?, ?, ?, ?, ?, ?)", owner, kind, key,
					json.writeValueAsString(normalized(headers)), fields, source, time(now));
		}
		catch (DuplicateKeyException meanwhile) {
			jdbc.update(update, fields, source, time(now), owner, kind, key);
		}
	}

	/** The mapping the user last started an import of a file with these headers into the kind with, if any. */
	Optional<Remembered> remembered(UUID owner, String kind, List<String> headers) {
		return jdbc.query("select mapping, source, used_at from import_remembered_mapping "
				+ "where owner_id = ? and entity = ? and header_key = ? and headers = ?",
				(rs, i) -> new Remembered(json.readValue(rs.getString(1), MAPPING), rs.getString(2),
						instant(rs.getObject(3, OffsetDateTime.class))),
				owner, kind, key(headers), json.writeValueAsString(normalized(headers))).stream().findFirst();
	}

	private static List<String> normalized(List<String> headers) {
		return headers.stream().map(ImportColumn::normalized).toList();
	}

	/** The headers' fingerprint: the SHA-256 of their normalised list. */
	private String key(List<String> headers) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(json.writeValueAsString(normalized(headers)).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static OffsetDateTime time(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}
}
