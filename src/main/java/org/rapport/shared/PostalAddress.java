package org.rapport.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A postal address as people write it; every part is optional.
 */
@Embeddable
public record PostalAddress(
		@Column(name = "street") String street,
		@Column(name = "city") String city,
		@Column(name = "postal_code") String postalCode,
		@Column(name = "region") String region,
		@Column(name = "country") String country) {

	public static final PostalAddress EMPTY = new PostalAddress(null, null, null, null, null);

	public PostalAddress {
		street = trimToNull(street);
		city = trimToNull(city);
		postalCode = trimToNull(postalCode);
		region = trimToNull(region);
		country = trimToNull(country);
	}

	public boolean isEmpty() {
		return street == null && city == null && postalCode == null && region == null && country == null;
	}

	/** The address on one line, parts separated by commas. */
	public String singleLine() {
		String cityLine = Stream.of(postalCode, city).filter(p -> p != null).collect(Collectors.joining(" "));
		return Stream.of(street, cityLine.isEmpty() ? null : cityLine, region, country)
			.filter(p -> p != null)
			.collect(Collectors.joining(", "));
	}

	private static String trimToNull(String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}
}
