package org.rapport.customization.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;
import org.rapport.customization.CustomField;
import org.rapport.customization.FieldType;

/**
 * The definition of a custom field of one kind of record. Its key and type never change once values exist under
 * them; retiring it hides it from forms and lists and keeps the values.
 */
@Entity
@Table(name = "custom_field")
public class FieldDefinition {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	@Version
	private long version;

	@Column(nullable = false)
	private String entity;

	@Column(name = "field_key", nullable = false)
	private String key;

	@Enumerated(EnumType.STRING)
	@Column(name = "field_type", nullable = false)
	private FieldType type;

	@Column(name = "label_en", nullable = false)
	private String labelEn;

	@Column(name = "label_zh")
	private String labelZh;

	@Column(name = "help_en")
	private String helpEn;

	@Column(name = "help_zh")
	private String helpZh;

	@Column(nullable = false)
	private boolean required;

	@Column(name = "default_value")
	private String defaultValue;

	/** The options of a pick-list, one per line. */
	private String options;

	private String currency;

	@Column(nullable = false)
	private int position;

	@Column(nullable = false)
	private boolean retired;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected FieldDefinition() {
	}

	FieldDefinition(String entity, String key, FieldType type, int position, FieldText text, Instant now) {
		this.entity = entity;
		this.key = key;
		this.type = type;
		this.position = position;
		this.createdAt = now;
		describe(text, now);
	}

	/** Takes new labels, help, options, default and the required flag; the key and the type stay. */
	void describe(FieldText text, Instant now) {
		this.labelEn = text.labelEn();
		this.labelZh = text.labelZh();
		this.helpEn = text.helpEn();
		this.helpZh = text.helpZh();
		this.required = text.required();
		this.defaultValue = text.defaultValue();
		this.options = text.options().isEmpty() ? null : String.join("\n", text.options());
		this.currency = text.currency();
		this.updatedAt = now;
	}

	void retire(Instant now) {
		this.retired = true;
		this.updatedAt = now;
	}

	void restore(Instant now) {
		this.retired = false;
		this.updatedAt = now;
	}

	void moveTo(int position) {
		this.position = position;
	}

	public CustomField toField() {
		return new CustomField(id, entity, key, type, labelEn, labelZh, helpEn, helpZh, required, defaultValue,
				optionList(), currency, position, retired, version);
	}

	List<String> optionList() {
		return options == null || options.isBlank() ? List.of()
				: Arrays.stream(options.split("\n")).map(String::strip).filter(o -> !o.isEmpty()).toList();
	}

	public UUID getId() {
		return id;
	}

	public long getVersion() {
		return version;
	}

	public String getEntity() {
		return entity;
	}

	public String getKey() {
		return key;
	}

	public FieldType getType() {
		return type;
	}

	public int getPosition() {
		return position;
	}

	public boolean isRetired() {
		return retired;
	}

	/**
	 * What an administrator writes about a field.
	 */
	public record FieldText(String labelEn, String labelZh, String helpEn, String helpZh, boolean required,
			String defaultValue, List<String> options, String currency) {

		public FieldText {
			options = options == null ? List.of() : List.copyOf(options);
		}
	}
}
