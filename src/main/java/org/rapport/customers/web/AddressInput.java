package org.rapport.customers.web;

import jakarta.validation.constraints.Size;
import org.rapport.shared.PostalAddress;

/**
 * A postal address as a form or an API request sends it.
 */
record AddressInput(@Size(max = 200) String street, @Size(max = 100) String city, @Size(max = 20) String postalCode,
		@Size(max = 100) String region, @Size(max = 100) String country) {

	static final AddressInput EMPTY = new AddressInput(null, null, null, null, null);

	static AddressInput of(PostalAddress address) {
		return new AddressInput(address.street(), address.city(), address.postalCode(), address.region(),
				address.country());
	}

	PostalAddress toAddress() {
		return new PostalAddress(street, city, postalCode, region, country);
	}
}
